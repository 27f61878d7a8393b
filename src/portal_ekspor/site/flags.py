"""Country flags as self-hosted SVG images, never emoji.

Emoji flags depend on the reader's fonts: empty boxes on many Android phones
and letter pairs on Windows, where many buyers sit. The SVGs (flag-icons,
MIT) ship with the package; a build publishes only the flags its data uses.
Each flag is decorative (empty ``alt``): the country's name always follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from markupsafe import Markup

from ..privacy import PublicProfile

SOURCE = Path(__file__).resolve().parent.parent / "assets" / "bendera"
SITE_FOLDER = "assets/bendera/"
"""Where flags are published, relative to the site root."""


def available(code: str) -> bool:
    return (SOURCE / f"{code.lower()}.svg").is_file()


def site_path(code: str) -> str:
    return f"{SITE_FOLDER}{code.lower()}.svg"


def used_codes(profiles: Iterable[PublicProfile]) -> set[str]:
    """Codes of every destination a public profile names, with a flag to show."""
    codes = {d.country.code for p in profiles for d in p.destinations}
    return {c for c in codes if available(c)}


def published_files(profiles: Iterable[PublicProfile]) -> dict[str, Path]:
    """Site path -> packaged SVG, for the flags this build's pages show."""
    return {site_path(c): SOURCE / f"{c.lower()}.svg" for c in sorted(used_codes(profiles))}


def flag_img(code: str, base: str) -> Markup:
    """An ``<img>`` of the flag for ``code`` linked from page URL ``base``; empty if there is none."""
    from .render import rel

    if not available(code):
        return Markup("")
    return Markup('<img class="pe-flag" src="{}" alt="" width="20" height="15" loading="lazy" decoding="async">').format(
        rel(site_path(code), base))
