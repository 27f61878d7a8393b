"""Figures from data inside hand-written pages.

Staff write ``<!-- portal:angka-alumni -->`` in Markdown where the home page
should show live figures; the build replaces it. An unknown name is an error,
not silently left as an invisible comment.
"""

from __future__ import annotations

import re

from ..reference.catalogues import LEVELS
from .calculator import calculator_html
from .learning import continue_learning_html
from .render import render

_PLACEHOLDER = re.compile(r"<!--\s*portal:([a-z0-9-]+)\s*-->")


def _session_plan(portal, base: str) -> str:
    sessions: dict[int, list] = {}
    for m in sorted(portal.modules, key=lambda m: (m.meta.session, list(LEVELS).index(m.meta.level), m.meta.title)):
        sessions.setdefault(m.meta.session, []).append({"url": m.docs_path[:-3] + "/", "title": m.meta.title,
                                                         "level": LEVELS[m.meta.level]})
    return render("session_plan.html", base=base, sessions=sorted(sessions.items()))


def fill_placeholders(html: str, portal, content, page_url: str) -> tuple[str, list[str]]:
    problems: list[str] = []
    makers = {
        "angka-alumni": lambda: render("_figures.html", figures=content.figures),
        "kalender-sesi": lambda: _session_plan(portal, page_url),
        "kalkulator-harga": lambda: calculator_html(page_url),
        "lanjutkan-belajar": continue_learning_html,
        # The buyers' pages are written outside MkDocs, so Markdown cannot link to them.
        "tautan-pembeli": lambda: render("_buyers_link.html", base=page_url, english=content.english),
    }

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in makers:
            problems.append(f"penanda `portal:{name}` tidak dikenal (yang tersedia: {', '.join(makers)})")
            return match.group(0)
        return makers[name]()

    return _PLACEHOLDER.sub(replace, html), problems
