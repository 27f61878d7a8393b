"""The navigation tree, derived from data so staff never edit it by hand.

Profiles and listing pages are deliberately absent: Material renders the
whole nav into every page, so one entry per alumnus would make every page
grow with the number of alumni. The staff guide is built but kept out of the
participants' menu; the footer and the "Tentang" page link to it.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from ..reference.catalogues import LEVELS
from ..repository import Portal

NavItem = str | dict[str, "NavItem | list[NavItem]"]


def _titled(path: Path, docs: Path) -> str:
    return path.relative_to(docs).as_posix()


def navigation(portal: Portal) -> list[NavItem]:
    docs = portal.root / "docs"
    nav: list[NavItem] = [{"Beranda": "index.md"}]
    program: list[NavItem] = []
    if (docs / "program" / "index.md").exists():
        program.append("program/index.md")
    for record in sorted(portal.programs, key=lambda r: r.data.name):
        # Material prints nav titles unescaped; titles from data are escaped here.
        program.append({escape(record.data.short_name or record.data.name): f"program/{record.slug}.md"})
    nav.append({"Program": program})
    modules: list[NavItem] = ["modul/index.md"]
    for level, label in LEVELS.items():
        items = sorted((m for m in portal.modules if m.meta.level == level), key=lambda m: (m.meta.session, m.meta.title))
        if items:
            modules.append({label: [m.docs_path for m in items]})
    nav.append({"Modul": modules})
    nav.append({"Alumni": ["alumni/index.md", "statistik.md"]})
    nav.append({"Glosarium": "glosarium.md"})
    if (docs / "tentang.md").exists():
        nav.append({"Tentang": "tentang.md"})
    # Any other page staff add to docs/ still gets a menu entry instead of being orphaned.
    placed = {"index.md", "program/index.md", "tentang.md"}
    others = [p for p in sorted(docs.rglob("*.md"))
              if _titled(p, docs) not in placed and not _titled(p, docs).startswith(("modul/", "panduan-staf/"))]
    if others:
        nav.append({"Lainnya": [_titled(p, docs) for p in others]})
    return nav


def _first_page(item) -> str | None:
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        for value in item.values():
            return _first_page(value)
    if isinstance(item, list):
        for entry in item:
            found = _first_page(entry)
            if found:
                return found
    return None


def page_url(src: str) -> str:
    """Folder-style URL of a docs page: modul/index.md -> modul/, glosarium.md -> glosarium/."""
    if src == "index.md" or src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[:-3] + "/"


def top_links(nav: list[NavItem]) -> list[tuple[str, str]]:
    """(title, url) of each top-level section: the short menu of framed pages."""
    links = []
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                first = _first_page(value)
                if first:
                    links.append((str(title), page_url(first)))
        elif isinstance(item, str):
            links.append((item, page_url(item)))
    return links
