"""Run Pagefind over a built site.

Pagefind splits its index into chunks fetched on demand, so a reader's
phone downloads a few dozen KB per query instead of one index that grows with
every alumni profile. The binary ships inside the `pagefind_bin` wheel:
nothing is downloaded at build time.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from .stemmer import root_terms, shared_roots

_BODY = re.compile(r"<[^>]*\bdata-pagefind-body\b[^>]*>")
_TAGS = re.compile(r"<[^>]+>")

OUTPUT_SUBDIR = "cari"


class IndexError_(RuntimeError):
    pass


def index_site(site_dir: Path) -> None:
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR,
           "--force-language", "id", "--silent"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise IndexError_(f"Pagefind gagal membuat indeks pencarian:\n{done.stdout}{done.stderr}")


def inject_roots(html: str, roots: dict[str, str]) -> str:
    """Add the page's root forms as hidden, indexed text inside its search body.

    Pagefind then finds "kemasan" for a query rewritten to "kemas" even
    though its own stemmer reads kemasan as "masan".
    """
    match = _BODY.search(html)
    if not match:
        return html
    terms = root_terms(_TAGS.sub(" ", html), roots)
    if not terms:
        return html
    block = f'<div hidden class="pe-akar" data-pagefind-weight="0.5">{" ".join(terms)}</div>'
    return html[: match.end()] + block + html[match.end():]


def write_roots(site_dir: Path, roots: dict[str, str]) -> None:
    """The roots the browser may rewrite query words to (loaded on first search)."""
    target = site_dir / OUTPUT_SUBDIR / "akar.json"
    target.write_text(json.dumps(shared_roots(roots), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
