"""The pages of one saved alumni file, for the preview's quick path.

The staff preview shows a saved profile before the whole site is rebuilt
(preview/session.py). The pages come from the same functions a full build
uses, so the quick result is the page the full build writes again, byte for
byte. Anything this file alone cannot decide — a validation problem, an
unknown cohort, two files claiming one address — is left to the full build,
which reports it; a withdrawn consent or a deleted file removes the pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..privacy import to_public
from ..repository import YAML_SUFFIXES, Portal, load_alumnus_file
from .english import EnglishProfile, profile_url
from .english_pages import english_profile_pages
from .pages import GeneratedPage, profile_pages


@dataclass
class ProfileUpdate:
    slug: str
    pages: list[GeneratedPage] = field(default_factory=list)
    """The Indonesian profile page, then its English twin (when the site has English pages)."""
    gone: list[str] = field(default_factory=list)
    """URLs whose pages must disappear (consent withdrawn, file deleted)."""


def profile_update(portal: Portal, path: Path, english: bool) -> ProfileUpdate | None:
    """The pages to write or remove for ``path``; None when only a full build can tell."""
    if path.suffix not in YAML_SUFFIXES:
        return None
    slug = path.stem
    urls = [f"alumni/{slug}/", *([profile_url(slug)] if english else [])]
    others = [r for r in portal.alumni if r.slug == slug and Path(r.source).name != path.name]
    if others:
        return None  # another file claims this address: the full build reports it
    if not path.exists():
        return ProfileUpdate(slug, gone=urls)
    record, problems = load_alumnus_file(portal.root, path)
    if record is None or problems:
        return None
    cohort = portal.cohorts.get(record.data.cohort)
    if cohort is None:
        return None
    public = to_public(record, cohort)
    if public is None:
        return ProfileUpdate(slug, gone=urls)
    page = profile_pages([public])[0]
    pages = [page]
    if english:
        twin = english_profile_pages([EnglishProfile(public)])[0]
        page.alternate = twin.url
        pages.append(twin)
    return ProfileUpdate(slug, pages)
