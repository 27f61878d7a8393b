"""The slim frame around profiles and listing pages.

Thousands of generated pages sit outside the navigation. Rendering each one
through Material repeats a 51-link navigation tree and ten inline icons in
every file (91 % of a 36 KB profile). This frame is our own Jinja template
(autoescape on) with the same look: Material's stylesheets and script, the
same header, search box, colour toggle and footer, a short menu of the
top-level sections instead of the full tree, and icons drawn from one shared
sprite file the browser caches once.

Everything the frame needs from the site configuration is gathered once per
build into a :class:`Theme` by the MkDocs adapter; the language and its labels
are parameters, so an English page uses the same frame with ``lang="en"``.

The header (colour toggle, language switch, search box) and the side menus
are the same on every page of a language: about 7 KB that 40,000 pages at
20,000 alumni would each repeat (280 MB). They are rendered once per build
into a small shared script (:func:`chrome_script`, templates rangka.js and
frame_chrome.html) that each page loads in its head, render-blocking like the
stylesheets, and calls where the markup belongs, so it is in place before the
first paint. A reader without JavaScript gets a plain menu in ``<noscript>``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib.resources import files

from markupsafe import Markup

from .render import environment, rel

SPRITE = "assets/ikon.svg"
"""Site path of the shared icon sprite written next to Material's assets."""

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "header": "Kepala halaman",
        "footer.links": "Tentang portal",
        "footer.about": "Tentang portal",
        "footer.data": "Data terbuka",
        "footer.staff": "Panduan staf",
        "nav": "Navigasi",
        "toc": "Daftar isi",
        "top": "Kembali ke atas",
        "skip": "Lewati ke isi",
        "search.open": "Cari (tekan /)",
        "search.dialog": "Pencarian",
        "search.input": "Cari modul, istilah atau eksportir",
        "search.placeholder": "Cari modul, istilah, eksportir",
        "search.close": "Tutup pencarian",
        "search.reset": "Hapus",
        "search.options": "Pilihan pencarian",
        "search.facets": "Saring hasil",
        "search.status": "Ketik untuk mencari",
        "palette.dark": "Ganti ke mode gelap",
        "palette.light": "Ganti ke mode terang",
        "clipboard.copy": "Salin ke clipboard",
        "clipboard.copied": "Tersalin ke clipboard",
        "select.language": "Pilih bahasa / Language",
    },
    "en": {
        "header": "Header",
        "footer.links": "About the portal",
        "footer.about": "About the portal",
        "footer.data": "Open data",
        "footer.staff": "Staff guide (Indonesian)",
        "nav": "Navigation",
        "toc": "Table of contents",
        "top": "Back to top",
        "skip": "Skip to content",
        "search.open": "Search (press /)",
        "search.dialog": "Search",
        "search.input": "Search modules, terms or exporters",
        "search.placeholder": "Search modules, terms, exporters",
        "search.close": "Close search",
        "search.reset": "Clear",
        "search.options": "Search options",
        "search.facets": "Filter results",
        "search.status": "Type to search",
        "palette.dark": "Switch to dark mode",
        "palette.light": "Switch to light mode",
        "clipboard.copy": "Copy to clipboard",
        "clipboard.copied": "Copied to clipboard",
        "select.language": "Language / Pilih bahasa",
    },
}
"""Frame texts per language, only those the frame uses. The two Material
strings its script can show (``_MATERIAL_TRANSLATIONS``) match its language
partials so the script behaves the same on framed pages as on theme-rendered
ones; its search strings are not here: the frame searches with Pagefind."""

_MATERIAL_TRANSLATIONS = ("clipboard.copy", "clipboard.copied")
"""The strings Material's script can use on a framed page: its own search
(replaced by Pagefind) and version selector never appear there."""


@dataclass(frozen=True)
class PaletteOption:
    media: str
    scheme: str
    primary: str
    accent: str
    toggle_icon: str | None
    toggle_name: str | None
    """Name from the site configuration, shown when the page is in the site's own language."""


@dataclass(frozen=True)
class Script:
    path: str  # site-relative
    type: str | None = None
    defer: bool = False
    async_: bool = False


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str  # site-relative, folder style ("" for the home page)


@dataclass(frozen=True)
class Theme:
    site_name: str
    site_url: str | None
    language: str
    """The theme's language (mkdocs.yml theme.language): palette names in the
    configuration are written in it."""
    copyright: str | None
    favicon: str
    stylesheets: tuple[str, ...]
    scripts: tuple[Script, ...]
    search_worker: str
    features: tuple[str, ...]
    palette: tuple[PaletteOption, ...]
    logo_icon: str
    nav: tuple[NavLink, ...] = ()
    icons: dict[str, str] = field(default_factory=dict)
    """Icon name (e.g. ``material/magnify``) -> SVG source, for the sprite."""


def is_framed(page) -> bool:
    """Pages outside the navigation: profiles, listings and the directory's later pages."""
    if getattr(page, "lang", "id") != "id":
        return True  # every English page: MkDocs' theme is Indonesian
    return page.kind in ("profile", "listing") or (page.kind == "directory" and page.src_uri != "alumni/index.md")


def hides_contents(kind: str) -> bool:
    """The directory has no contents to list: on a desktop its filters take that column."""
    return kind == "directory"


def icon_id(name: str) -> str:
    """Fragment id in the sprite: material/arrow-up -> arrow-up (other sets keep their prefix)."""
    name = name.lower().removeprefix("material/")
    return re.sub(r"[^a-z0-9-]+", "-", name).strip("-")


_SVG = re.compile(r"<svg\b([^>]*)>(.*)</svg>\s*$", re.S)
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')


def sprite(icons: dict[str, str]) -> str:
    """One SVG file holding every frame icon as a <symbol>, in name order."""
    symbols = []
    for name in sorted(icons):
        match = _SVG.search(icons[name].strip())
        if not match:
            raise ValueError(f"ikon {name} bukan SVG")
        box = _VIEWBOX.search(match.group(1))
        symbols.append(f'<symbol id="{icon_id(name)}" viewBox="{box.group(1) if box else "0 0 24 24"}">'
                       f"{match.group(2).strip()}</symbol>")
    return '<svg xmlns="http://www.w3.org/2000/svg">' + "".join(symbols) + "</svg>\n"


def frame_icons(theme_icon_logo: str) -> tuple[str, ...]:
    """Names of the icons the frame draws, for the adapter to read from the theme."""
    return tuple(sorted({theme_icon_logo, "material/menu", "material/magnify", "material/arrow-left",
                         "material/close", "material/arrow-up", "material/translate"}))


@dataclass(frozen=True)
class Chrome:
    """The shared frame script of one language: its site path (named by its
    content, so browsers and the offline cache never keep a stale header) and text."""
    lang: str
    path: str
    text: str


CHROME_MARKER = "%R%"
"""Where the chrome's links start: the script replaces it by the way back to the site root."""


def chrome_script(theme: Theme, lang: str = "id", labels: dict[str, str] | None = None,
                  nav: tuple[NavLink, ...] | None = None) -> Chrome:
    """Render the header and side menus of ``lang`` once, into the script pages load."""
    from .languages import NAMES

    labels = labels or LABELS[lang]
    module = environment().get_template("frame_chrome.html").make_module({
        "theme": theme, "t": labels, "lang": lang, "nav": nav if nav is not None else theme.nav,
        "R": CHROME_MARKER, "sprite": SPRITE, "icon": icon_id})
    config = {  # "base" and the worker's path are filled in per page by the script
        "annotate": None,
        "features": list(theme.features),
        "search": theme.search_worker or None,
        "tags": None,
        "translations": {key: labels[key] for key in _MATERIAL_TRANSLATIONS},
        "version": None,
    }
    data = {"header": str(module.header()).strip(), "sidebars": str(module.sidebars()).strip(),
            "top": str(module.top()).strip(), "languages": NAMES, "config": config}
    code = (files("portal_ekspor") / "templates" / "site" / "rangka.js").read_text(encoding="utf-8")
    text = f"var CHROME = {json.dumps(data, ensure_ascii=False, sort_keys=True)};\n{code}"
    name = hashlib.sha256(text.encode()).hexdigest()[:8]
    # Named like Material's fingerprinted files, so the offline worker (docs/sw.js)
    # serves it from its cache without asking the network on every page.
    return Chrome(lang, f"assets/javascripts/rangka-{lang}.{name}.min.js", text)


def frame_page(theme: Theme, *, url: str, title: str, description: str, head: str, body: str,
               lang: str = "id", labels: dict[str, str] | None = None, nav: tuple[NavLink, ...] | None = None,
               active: str | None = None, alternates: list[dict] | None = None, copyright: str | None = None,
               notice: str | None = None, contents: bool = True, chrome: Chrome | None = None) -> str:
    """The complete HTML document for one generated page.

    ``head`` and ``body`` are HTML this package rendered and escaped;
    ``title`` and ``description`` are plain text and escaped here.
    ``alternates`` are the header's language switch links ({lang, name, href,
    current}, see site/languages.py); ``copyright`` replaces the site's
    footer text (written in the site's language) on pages in another language.
    ``contents`` False hides the table-of-contents column, as Material's
    ``hide: [toc]`` does.
    ``chrome`` is the shared script of the page's language (rendered here when
    not given; a build renders it once per language and writes it, see
    :func:`chrome_script`).
    """
    labels = labels or LABELS[lang]
    nav = nav if nav is not None else theme.nav
    chrome = chrome or chrome_script(theme, lang, labels, nav)
    return environment().get_template("frame.html").render(
        theme=theme, url=url, base=url, title=title, description=description,
        head=Markup(head), body=Markup(body), lang=lang, t=labels, nav=nav, chrome=chrome,
        active=active, canonical=(theme.site_url.rstrip("/") + "/" + url) if theme.site_url else None,
        alternates=alternates or [], copyright=copyright if copyright is not None else theme.copyright,
        notice=notice, contents=contents,
    )

