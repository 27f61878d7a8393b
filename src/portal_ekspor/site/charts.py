"""Horizontal bar charts as inline SVG, drawn at build time.

No chart library reaches the reader's phone. Each chart is decorative for
screen readers (``aria-hidden``) because the same numbers follow in a real
table; the SVG scales to the screen width so a 360 px phone never scrolls
sideways.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..formatting import number
from .statistics import Series

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 150
CHART_WIDTH = 320
VALUE_WIDTH = 50


def bar_chart(series: Series) -> Markup:
    rows = series.rows
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + CHART_WIDTH + VALUE_WIDTH
    scale = CHART_WIDTH / series.maximum if series.maximum else 0
    parts = [
        f'<svg class="pe-chart" viewBox="0 0 {width} {height}" role="img" aria-hidden="true" '
        f'focusable="false" preserveAspectRatio="xMinYMin meet">'
    ]
    for i, (label, value) in enumerate(rows):
        y = GAP + i * (BAR_HEIGHT + GAP)
        short = label if len(label) <= 22 else label[:21] + "…"
        bar = max(value * scale, 1)
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT * 0.7:.1f}" text-anchor="end" class="pe-chart__label">{escape(short)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar:.1f}" height="{BAR_HEIGHT}" rx="3" class="pe-chart__bar"/>'
            f'<text x="{LABEL_WIDTH + bar + 6:.1f}" y="{y + BAR_HEIGHT * 0.7:.1f}" class="pe-chart__value">{escape(number(value))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
