"""Country flags as self-hosted SVG images, never emoji.

Emoji flags depend on the reader's fonts: empty boxes on many Android phones
and letter pairs on Windows, where many buyers sit. The SVGs (flag-icons,
MIT) ship with the package; a build publishes only the flags its data uses.

A page draws a flag as an empty element with a class (``pe-flag pe-flag--jp``);
one small stylesheet per build (:func:`stylesheet`) gives each class its SVG as
a background. An ``<img>`` per flag cost ~110 bytes of markup on every card and
profile, ~25 MB of a 20,000-alumni site. Each flag is decorative: the element
is empty, so screen readers skip it, and the country's name always follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from markupsafe import Markup

from ..privacy import PublicProfile

SOURCE = Path(__file__).resolve().parent.parent / "assets" / "bendera"
SITE_FOLDER = "assets/bendera/"
"""Where flags are published, relative to the site root."""
STYLESHEET = SITE_FOLDER + "bendera.css"
"""The build's flag classes. Its name is fixed, so no page changes when a new
country first appears in the data (served like portal.css: revalidated, not immutable)."""
PAGE_KINDS = frozenset({"profile", "directory", "listing", "landing"})
"""Kinds of generated page that show flags and so load :data:`STYLESHEET`."""


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


def stylesheet(profiles: Iterable[PublicProfile]) -> str:
    """One rule per flag this build publishes, its SVG next to the stylesheet.

    Only consented destinations are named: like the SVG files, the rules
    reveal no country that no public profile shows."""
    return "".join(f".pe-flag--{c.lower()}{{background-image:url({c.lower()}.svg)}}\n"
                   for c in sorted(used_codes(profiles)))


def flag_mark(code: str) -> Markup:
    """The decorative flag of ``code`` (see :data:`STYLESHEET`); empty if there is none."""
    if not available(code):
        return Markup("")
    return Markup('<span class="pe-flag pe-flag--{}"></span>').format(code.lower())
