"""The page shown when a reader opens, without a network, a page not kept on the phone."""

from __future__ import annotations

from ..offline import OFFLINE_PAGE
from ..reference.catalogues import LEVELS
from ..repository import Portal
from .modules import module_url
from .pages import GeneratedPage, _page

TITLE = "Anda sedang offline"


def offline_page(portal: Portal) -> GeneratedPage:
    levels = []
    for key, label in LEVELS.items():
        items = sorted((m for m in portal.modules if m.meta.level == key), key=lambda m: (m.meta.session, m.meta.title))
        if items:
            levels.append({"label": label, "modules": [{"url": module_url(m), "title": m.meta.title} for m in items]})
    general = [{"url": "", "title": "Beranda"}, {"url": "modul/", "title": "Daftar semua modul"},
               {"url": "glosarium/", "title": "Glosarium ekspor"}, {"url": "program/", "title": "Cara program berjalan"}]
    description = "Halaman ini belum tersimpan di perangkat Anda. Modul yang sudah tersimpan tetap bisa dibaca tanpa internet."
    return _page(OFFLINE_PAGE + "index.md", TITLE, description, "offline", "offline.html", general=general, levels=levels)


def offline_urls(portal: Portal, pages: list[GeneratedPage]) -> tuple[list[str], list[str]]:
    """(module URLs, other curriculum URLs: glossary and program pages) for portal_ekspor.offline."""
    others = ["glosarium/", "program/"] + sorted(p.url for p in pages if p.kind in ("glossary", "program"))
    return [module_url(m) for m in portal.modules], list(dict.fromkeys(others))
