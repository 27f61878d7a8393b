"""The header's language switch: where each page's Indonesian and English links go.

Every page with a twin links to it; an Indonesian page without one (modules,
glossary, statistics) offers the buyers' English landing page, since the
course material stays Indonesian.
"""

from __future__ import annotations

from .render import rel

NAMES = {"id": "Bahasa Indonesia", "en": "English"}
ENGLISH_HOME = "en/"


def switch_links(page_url: str, lang: str = "id", alternate_url: str | None = None) -> list[dict]:
    """[{lang, name, href, current}] for the selector, hrefs relative to ``page_url``."""
    if lang == "en":
        targets = {"id": alternate_url if alternate_url is not None else "", "en": page_url}
    else:
        targets = {"id": page_url, "en": alternate_url if alternate_url is not None else ENGLISH_HOME}
    return [{"lang": code, "name": NAMES[code], "href": rel(targets[code], page_url) if targets[code] != page_url else "./",
             "current": code == lang} for code in ("id", "en")]


ENGLISH_NAV = (("Find exporters", "en/"), ("Exporter directory", "en/exporters/"),
               ("Portal Ekspor (Indonesian)", ""))
ENGLISH_COPYRIGHT = ("Portal Ekspor — export coaching for Indonesian small and medium-sized businesses. "
                     "Alumni profiles are published with the businesses' consent (Indonesian Law 27/2022 "
                     "on personal data protection).")


def english_frame(url: str) -> dict:
    """Frame arguments for an English page: language, menu and footer in English."""
    from .frame import LABELS, NavLink

    active = "en/exporters/" if url.startswith("en/exporters/") else "en/"
    # The English index holds exporters only (modules stay Indonesian).
    labels = {**LABELS["en"], "search.input": "Search exporters by name, product or region",
              "search.placeholder": "Search exporters"}
    return {"lang": "en", "nav": tuple(NavLink(title, href) for title, href in ENGLISH_NAV), "active": active,
            "copyright": ENGLISH_COPYRIGHT, "labels": labels}
