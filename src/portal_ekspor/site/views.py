"""Listings and facets derived from public profiles.

Each facet (province, sector, destination, cohort, certification) groups
profiles once; listing pages and the directory's filter read these groups, so
no page has to scan all alumni again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..formatting import number
from ..privacy import PublicProfile
from ..reference.catalogues import CERTIFICATIONS, SECTORS


@dataclass(frozen=True)
class Facet:
    key: str  # URL segment: provinsi, sektor, negara, angkatan, sertifikasi
    label: str  # "Provinsi"

    @property
    def url(self) -> str:
        return f"alumni/{self.key}/"


@dataclass
class Listing:
    facet: Facet
    value: str  # slug in the URL
    title: str
    profiles: list[PublicProfile] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"alumni/{self.facet.key}/{self.value}/"

    @cached_property
    def countries(self) -> set[str]:
        return {d.country.code for p in self.profiles for d in p.destinations}

    @cached_property
    def summary_text(self) -> str:
        return self.summary()

    def summary(self) -> str:
        n = len(self.profiles)
        c = len(self.countries)
        subject = f"{number(n)} eksportir"
        if self.facet.key == "provinsi":
            return f"{subject} dari {self.title} mengekspor ke {number(c)} negara."
        if self.facet.key == "negara":
            provinces = {p.province for p in self.profiles}
            return f"{subject} dari {number(len(provinces))} provinsi mengekspor ke {self.title}."
        if self.facet.key == "angkatan":
            return f"{subject} lulusan {self.title} mengekspor ke {number(c)} negara."
        if self.facet.key == "sektor":
            return f"{subject} sektor {self.title.lower()} mengekspor ke {number(c)} negara."
        return f"{subject} bersertifikat {self.title} mengekspor ke {number(c)} negara."


PROVINCE = Facet("provinsi", "Provinsi")
SECTOR = Facet("sektor", "Sektor")
COUNTRY = Facet("negara", "Negara tujuan")
COHORT = Facet("angkatan", "Program dan angkatan")
CERTIFICATION = Facet("sertifikasi", "Sertifikasi")
FACETS = (PROVINCE, SECTOR, COUNTRY, COHORT, CERTIFICATION)


def _values(profile: PublicProfile, facet: Facet) -> list[tuple[str, str]]:
    if facet is PROVINCE:
        return [(profile.province_slug, profile.province)]
    if facet is SECTOR:
        return [(profile.sector, SECTORS[profile.sector])]
    if facet is COUNTRY:
        return [(d.country.code.lower(), d.country.name) for d in profile.destinations]
    if facet is COHORT:
        return [(profile.cohort_id, profile.cohort_name)]
    return [(key, CERTIFICATIONS[key]) for key, _ in profile.certifications]


def build_listings(profiles: list[PublicProfile]) -> dict[str, list[Listing]]:
    """Facet key -> listings sorted by size, largest first; profiles keep name order."""
    out: dict[str, list[Listing]] = {}
    for facet in FACETS:
        groups: dict[str, Listing] = {}
        for profile in profiles:
            for value, title in dict.fromkeys(_values(profile, facet)):
                listing = groups.get(value)
                if listing is None:
                    listing = groups[value] = Listing(facet, value, title)
                listing.profiles.append(profile)
        out[facet.key] = sorted(groups.values(), key=lambda l: (-len(l.profiles), l.title))
    return out

