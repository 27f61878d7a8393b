"""Add pages written outside MkDocs' page loop to its sitemap."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import escape

def add_to_sitemap(site_dir: Path, urls: list[str]) -> None:
    path = site_dir / "sitemap.xml"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    entries = "".join(f"\n    <url>\n         <loc>{escape(u)}</loc>\n    </url>" for u in sorted(urls))
    text = text.replace("</urlset>", entries + "\n</urlset>")
    path.write_text(text, encoding="utf-8")
    gz = site_dir / "sitemap.xml.gz"
    # MkDocs stamps the gzip header with the build date; a fixed stamp keeps
    # two builds of one commit byte-identical.
    with gzip.GzipFile(filename=str(gz), mode="wb", mtime=0) as out:
        out.write(text.encode("utf-8"))
