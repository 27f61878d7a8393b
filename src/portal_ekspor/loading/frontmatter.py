"""Front matter of Markdown modules, parsed with the same strict YAML rules."""

from __future__ import annotations

from ..problems import Problems
from .strict_yaml import LoadedYaml, parse_yaml_text


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (yaml_text, body); yaml_text is None when the file has none."""
    if not text.startswith("---"):
        return None, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None, text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :])
    return None, text


def parse_front_matter(text: str, path: str, problems: Problems) -> LoadedYaml | None:
    meta, _ = split_front_matter(text)
    if meta is None:
        problems.add(path, 1, "", "modul harus diawali front matter (baris `---`, kolom-kolom modul, lalu `---`)")
        return None
    return parse_yaml_text(meta, path, problems, first_line=2)
