"""Problems found in staff-written files, reported all at once.

Staff fix their files from these messages alone, so every problem names the
file, the line and the field, in Bahasa Indonesia, and nothing stops at the
first one: a run reports everything it can find.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


@dataclass
class Problems:
    """A collector that code paths append to instead of raising."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, line: int, field_name: str, message: str) -> None:
        self.items.append(Problem(str(path), line, field_name, message))

    def extend(self, other: "Problems | list[Problem]") -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(sorted(set(self.items)))

    def report(self) -> str:
        lines = [str(p) for p in self]
        count = len(lines)
        lines.append(f"Ditemukan {count} masalah. Perbaiki lalu jalankan `portal check` lagi.")
        return "\n".join(lines)


class DataError(Exception):
    """Raised at a boundary (build, CLI) when the data cannot be published."""

    def __init__(self, problems: Problems):
        super().__init__(problems.report())
        self.problems = problems
