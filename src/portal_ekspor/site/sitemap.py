"""Add pages written outside MkDocs' page loop to its sitemap."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from xml.sax.saxutils import escape

_URL_BLOCK = re.compile(r"\s*<url>.*?</url>", re.S)


def add_to_sitemap(site_dir: Path, urls: list[str], drop: str) -> None:
    path = site_dir / "sitemap.xml"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    text = _URL_BLOCK.sub(lambda m: "" if drop in m.group(0) else m.group(0), text)
    entries = "".join(f"\n    <url>\n         <loc>{escape(u)}</loc>\n    </url>" for u in sorted(urls))
    text = text.replace("</urlset>", entries + "\n</urlset>")
    path.write_text(text, encoding="utf-8")
    gz = site_dir / "sitemap.xml.gz"
    mtime = int.from_bytes(gz.read_bytes()[4:8], "little") if gz.exists() else 0
    with gzip.GzipFile(filename=str(gz), mode="wb", mtime=mtime) as out:
        out.write(text.encode("utf-8"))
