"""Write YAML that reads back exactly as written, whatever the strict loader.

Every string is double-quoted (JSON escaping is valid YAML), so "NO", "0812"
and "090121" stay text; multi-line text becomes a literal block.
"""

from __future__ import annotations

import json
from typing import Any


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # 2.5 reads back as the same float
    return json.dumps(str(value), ensure_ascii=False)


def dump(data: dict[str, Any], indent: int = 0) -> str:
    lines: list[str] = []
    _emit_map(data, indent, lines)
    return "\n".join(lines) + "\n"


def _emit_map(data: dict, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            _emit_map(value, indent + 2, lines)
        elif isinstance(value, list):
            if not value:
                lines.append(f"{pad}{key}: []")
                continue
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    first = True
                    for k, v in item.items():
                        prefix = f"{pad}  - " if first else f"{pad}    "
                        lines.append(f"{prefix}{k}: {_scalar(v)}")
                        first = False
                else:
                    lines.append(f"{pad}  - {_scalar(item)}")
        elif isinstance(value, str) and "\n" in value.strip():
            lines.append(f"{pad}{key}: |")
            for line in value.rstrip("\n").split("\n"):
                lines.append(f"{pad}  {line}" if line else "")
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")
