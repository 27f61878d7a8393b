"""The roots the portal adds that Snowball (Pagefind's stemmer) would not find,
written out for a person to read: bench/search/akar-vs-snowball.tsv.

A test rebuilds the list from the sample portal and compares it with the file,
so every change of a root shows up in review as a diff of that file.
Regenerate with ``python -m portal_ekspor.search.review > bench/search/akar-vs-snowball.tsv``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HEADER = "# kata\takar portal\takar Snowball"


def differences(roots: dict[str, str], snowball: Callable[[str], str]) -> list[str]:
    """One line per word whose added root is not what Snowball makes of it."""
    lines = [HEADER]
    for word in sorted(roots):
        root = roots[word]
        if root != word and root != snowball(word):
            lines.append(f"{word}\t{root}\t{snowball(word)}")
    return lines


def sample_differences(root: Path) -> list[str]:
    import snowballstemmer

    from ..repository import load_valid_portal
    from ..site.pages import build_site_content
    from .corpus import corpus_roots

    portal = load_valid_portal(root)
    roots, _ = corpus_roots(portal, build_site_content(portal).profiles)
    stemmer = snowballstemmer.stemmer("indonesian")
    return differences(roots, stemmer.stemWord)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    sys.stdout.write("\n".join(sample_differences(root)) + "\n")


if __name__ == "__main__":
    main()
