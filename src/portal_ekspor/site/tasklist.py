"""Checklists a participant can tick, with the item text as the checkbox label.

pymdownx.tasklist draws an empty <label> around the checkbox and leaves the
text outside it, so screen readers announce an unlabelled checkbox and the
text is not a tap target on a phone. The text is moved inside the label.
"""

from __future__ import annotations

import re

_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control">)(<input type="checkbox"[^>]*>)'
    r'(<span class="task-list-indicator"></span>)</label>(.*?)(?=<ul|<ol|</li>)',
    re.S,
)


def label_task_items(html: str) -> str:
    return _ITEM.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{m.group(4)}</label>", html)
