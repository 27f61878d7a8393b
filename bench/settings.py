"""Change a copied project's build settings (mkdocs.yml extra.portal) for a comparison run."""

from __future__ import annotations

import re
from pathlib import Path


def set_portal_settings(config: Path, **values: bool | str) -> None:
    text = config.read_text(encoding="utf-8")
    for key, value in values.items():
        rendered = ("true" if value else "false") if isinstance(value, bool) else str(value)
        text, count = re.subn(rf"^(\s+{key}:)\s*\S+", rf"\g<1> {rendered}", text, count=1, flags=re.M)
        if count != 1:
            raise ValueError(f"{config}: extra.portal.{key} not found")
    config.write_text(text, encoding="utf-8")
