"""Run Pagefind over a built site.

Pagefind splits its index into chunks fetched on demand, so a reader's
phone downloads a few dozen KB per query instead of one index that grows with
every alumni profile. The binary ships inside the `pagefind_bin` wheel:
nothing is downloaded at build time.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .stemmer import root_terms, shared_roots

_BODY = re.compile(r"<[^>]*\bdata-pagefind-body\b[^>]*>")
_TAGS = re.compile(r"<[^>]+>")

OUTPUT_SUBDIR = "cari"


class IndexError_(RuntimeError):
    pass


LISTING_ROOT = "alumni"
"""Under alumni/ only profiles (one level deep) are searchable; the thousands of
listing pages below them carry no search body, so Pagefind need not read them."""


ENGLISH_ROOT = "en"
"""Likewise under en/exporters/: profiles are searchable, listings are not."""


def index_site(site_dir: Path, bodies: dict[str, tuple[str, str]] | None = None) -> None:
    """Index ``site_dir`` into ``site_dir/cari``.

    ``bodies`` maps a page URL to (title, searchable HTML) for pages whose
    search body is already known (profiles). Pagefind then reads a few KB per
    profile instead of the whole themed page, which halves its time; the
    remaining pages are read from the site as built.
    """
    bodies = bodies or {}
    with tempfile.TemporaryDirectory(prefix=".pe-cari-", dir=site_dir.parent) as tmp:
        source = Path(tmp)
        for url, (title, body, *lang) in bodies.items():
            target = source / url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            # Pagefind keeps one index per <html lang>: English pages search in English.
            target.write_text(f'<!doctype html><html lang="{lang[0] if lang else "id"}"><head><meta charset="utf-8">'
                              f"<title>{html.escape(title)}</title></head><body>{body}</body></html>", encoding="utf-8")
        for path in _searchable_files(site_dir):
            rel = path.relative_to(site_dir)
            if rel.parent.as_posix() + "/" in bodies:
                continue
            target = source / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        cmd = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(site_dir / OUTPUT_SUBDIR),
               "--silent"]
        done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise IndexError_(f"Pagefind gagal membuat indeks pencarian:\n{done.stdout}{done.stderr}")


def _searchable_files(site_dir: Path):
    """HTML files that may carry a search body: all but listings under alumni/."""
    for path in sorted(site_dir.rglob("*.html")):
        parts = path.relative_to(site_dir).parts
        if parts[0] in (OUTPUT_SUBDIR, "assets"):
            continue
        if parts[0] == LISTING_ROOT and len(parts) > 3:
            continue
        if parts[0] == ENGLISH_ROOT and len(parts) > 4:
            continue
        yield path


ROOT_REPEAT_CAP = 10


def inject_roots(html: str, roots: dict[str, str]) -> str:
    """Add the page's root forms as hidden, indexed text inside its search body.

    Pagefind then finds "kemasan" for a query rewritten to "kemas" even
    though its own stemmer reads kemasan as "masan".
    """
    match = _BODY.search(html)
    if not match:
        return html
    terms = root_terms(_TAGS.sub(" ", html), roots, cap=ROOT_REPEAT_CAP)
    if not terms:
        return html
    block = f'<div hidden class="pe-akar">{" ".join(terms)}</div>'
    return html[: match.end()] + block + html[match.end():]


def write_roots(site_dir: Path, roots: dict[str, str], frequency: dict[str, int] | None = None) -> None:
    """Files the browser loads for Indonesian queries, only once a reader searches:

    akar.json: roots a query word may be rewritten to (loaded with the first query);
    kata.json: the corpus words, most frequent first, used only when a query finds
    nothing, to correct a one-letter typo.
    """
    folder = site_dir / OUTPUT_SUBDIR
    (folder / "akar.json").write_text(json.dumps(shared_roots(roots), ensure_ascii=False, separators=(",", ":")),
                                      encoding="utf-8")
    frequency = frequency or {}
    vocab = sorted((w for w in roots if len(w) >= 4), key=lambda w: (-frequency.get(w, 0), w))
    (folder / "kata.json").write_text(json.dumps(vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
