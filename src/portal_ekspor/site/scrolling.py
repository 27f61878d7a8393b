"""Wide content that scrolls sideways on a phone, reachable by keyboard.

A table wider than a 360 px screen scrolls inside its own box instead of
widening the page. That box must be focusable and named, or keyboard users
cannot scroll it (axe: scrollable-region-focusable); code blocks likewise.
Material's own script wraps tables again at run time; portal.css keeps the
box made here as the only scroller.
"""

from __future__ import annotations

import html as html_lib
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"(<pre[^>]*>(?:<span></span>)?)<code(?![^>]*tabindex)")


def _label(table_body: str) -> str:
    heads = [html_lib.unescape(_TAG.sub("", cell)).strip() for cell in _HEADER_CELL.findall(table_body)]
    heads = [h for h in heads if h][:4]
    return "Tabel: " + ", ".join(heads) if heads else "Tabel"


def scrollable_tables(html: str) -> str:
    """Wrap every plain Markdown table in a focusable, labelled scroll box."""
    def wrap(match: re.Match) -> str:
        label = html_lib.escape(_label(match.group(1)), quote=True)
        return f'<div class="pe-table-wrap" tabindex="0" role="region" aria-label="{label}">{match.group(0)}</div>'
    return _TABLE.sub(wrap, html)


def focusable_code(html: str) -> str:
    """Code blocks scroll sideways too: let the keyboard reach them."""
    return _CODE.sub(r'\1<code tabindex="0"', html)
