"""What a built site weighs: bytes and files, the English share, bytes per profile page."""

from __future__ import annotations

import statistics
from pathlib import Path

ENGLISH_LISTS = ("page", "country", "sector", "province", "certification", "cohort")


def both_units(size: float) -> str:
    """A size in decimal megabytes and in mebibytes, labelled, so a budget in
    "MB" is never read in the wrong unit (450 MB = 429 MiB)."""
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def tree(folder: Path) -> tuple[int, int]:
    """(bytes, files) of every regular file under ``folder`` (links not followed)."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def profile_pages(site: Path) -> tuple[list[Path], list[Path]]:
    """(Indonesian, English) profile pages of a built site."""
    indonesian = [p for p in site.glob("alumni/*/index.html") if 'class="pe-profile"' in p.read_text(encoding="utf-8")]
    english = [p for p in (site / "en" / "exporters").glob("*/index.html") if p.parent.name not in ENGLISH_LISTS]
    return sorted(indonesian), sorted(english)


def mean_bytes(files: list[Path]) -> float:
    return statistics.mean(p.stat().st_size for p in files) if files else 0.0


def site_figures(site: Path) -> dict:
    """Size, file count, the en/ subtree and mean bytes per profile page, in one pass of reading."""
    size, files = tree(site)
    english = site / "en"
    english_size, english_files = tree(english) if english.is_dir() else (0, 0)
    indonesian, english_profiles = profile_pages(site)
    return {"bytes": size, "files": files, "en_bytes": english_size, "en_files": english_files,
            "profile_bytes": mean_bytes(indonesian), "profile_count": len(indonesian),
            "en_profile_bytes": mean_bytes(english_profiles), "en_profile_count": len(english_profiles)}
