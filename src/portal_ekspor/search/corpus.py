"""The text the search indexes, gathered from sources before rendering,
so root forms can be chosen once per build for every page."""

from __future__ import annotations

from collections import Counter

from ..loading.frontmatter import split_front_matter
from ..privacy import PublicProfile
from ..repository import Portal
from .stemmer import choose_roots, words


def vocabulary(portal: Portal, profiles: list[PublicProfile]) -> Counter[str]:
    vocab: Counter[str] = Counter()
    for path in sorted((portal.root / "docs").rglob("*.md")):
        _, body = split_front_matter(path.read_text(encoding="utf-8"))
        vocab.update(words(body))
    for term in portal.glossary:
        vocab.update(words(" ".join([term.term, term.expansion or "", term.definition])))
    for program in portal.programs:
        d = program.data
        vocab.update(words(" ".join([d.name, d.description, *(c.name for c in d.cohorts)])))
    for p in profiles:
        vocab.update(words(" ".join([p.name, p.regency, p.province, p.sector_label, p.summary,
                                     *(x.name for x in p.products), *(d.country.name for d in p.destinations)])))
        vocab.update(words(p.story_html))
    return vocab


def corpus_roots(portal: Portal, profiles: list[PublicProfile]) -> tuple[dict[str, str], Counter[str]]:
    """Word -> root for the whole corpus, and how often each word occurs."""
    counts = vocabulary(portal, profiles)
    return choose_roots(counts), counts
