"""The one gate between recorded data and anything published.

Every output (pages, search, sitemap, open data) is built from
:class:`PublicProfile` only. A record without consent to a public profile
never becomes one, and a contact channel or first export without its own
``publik: true`` is never copied into it, so no later code can leak what it
never received.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .models.alumni import Alumnus
from .reference.catalogues import CERTIFICATIONS, DUTA_TOPICS, LEGAL_FORMS, SECTORS
from .reference.countries import country_name
from .reference.hs import hs_chapter_name
from .reference.provinces import PROVINCE_SLUGS
from .repository import AlumnusRecord, CohortRef, Portal
from .sanitize import markdown_to_safe_html, plain_text


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    name_en: str = ""

    @classmethod
    def of(cls, code: str) -> "Country":
        return cls(code, country_name(code), country_name(code, "en"))


@dataclass(frozen=True)
class PublicProduct:
    name: str
    hs_code: str
    hs_chapter: str
    hs_chapter_name: str
    name_en: str | None = None
    hs_chapter_name_en: str = ""


@dataclass(frozen=True)
class PublicCertificate:
    key: str
    label: str
    number: str | None
    valid_until: dt.date | None


@dataclass(frozen=True)
class PublicQuantity:
    amount: float
    unit: str  # key of reference.trade.UNITS


@dataclass(frozen=True)
class PublicDestination:
    country: Country
    since: int | None


@dataclass(frozen=True)
class PublicContact:
    kind: str  # "whatsapp" | "email" | "website"
    label: str
    text: str
    href: str


@dataclass(frozen=True)
class PublicProfile:
    slug: str
    name: str
    legal_form: str
    province: str
    province_slug: str
    regency: str
    sector: str
    sector_label: str
    cohort_id: str
    cohort_name: str
    cohort_year: int | None
    program_slug: str
    program_name: str
    products: tuple[PublicProduct, ...]
    destinations: tuple[PublicDestination, ...]
    certifications: tuple[tuple[str, str], ...]
    first_export_year: int | None
    first_export_country: Country | None
    ambassador: bool
    ambassador_topics: tuple[str, ...]
    contacts: tuple[PublicContact, ...]
    photo: str | None
    photo_alt: str | None
    story_html: str
    summary: str
    # Buyer facts (see models.alumni); empty when staff did not record them.
    legal_form_key: str = ""
    certificates: tuple[PublicCertificate, ...] = ()
    capacity: PublicQuantity | None = None
    minimum_order: PublicQuantity | None = None
    lead_time_days: int | None = None
    incoterms: tuple[str, ...] = ()
    payment_terms: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    story_en_html: str = ""
    last_checked: dt.date | None = None
    ambassador_topic_keys: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return f"alumni/{self.slug}/"


_IDD_TO_INDONESIA = ("00162", "00762", "00862", "00962", "0101762")


def whatsapp_link(number: str) -> str:
    """wa.me wants the international number, digits only.

    Staff write numbers as they dial them: "0812…" (trunk 0, Indonesia's 62
    implied), "+62 812…", or with an international dialling prefix — "00" or an
    Indonesian carrier's 001/007/008/009/01017 — before the country code;
    "0062 812…" read as a trunk 0 would give 62062812…, a number that does not
    exist.
    """
    digits = re.sub(r"\D", "", number)
    for prefix in _IDD_TO_INDONESIA:
        if digits.startswith(prefix):
            return f"https://wa.me/{digits[len(prefix) - 2:]}"
    if digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = "62" + digits[1:]
    return f"https://wa.me/{digits}"


def _contacts(alumnus: Alumnus) -> tuple[PublicContact, ...]:
    found = []
    c = alumnus.contacts
    if c.whatsapp and c.whatsapp.public:
        found.append(PublicContact("whatsapp", "WhatsApp", c.whatsapp.number, whatsapp_link(c.whatsapp.number)))
    if c.email and c.email.public:
        found.append(PublicContact("email", "Email", c.email.address, f"mailto:{c.email.address}"))
    if c.website and c.website.public:
        shown = re.sub(r"^https?://", "", c.website.address).rstrip("/")
        found.append(PublicContact("website", "Situs web", shown, c.website.address))
    return tuple(found)


def to_public(record: AlumnusRecord, cohort: CohortRef) -> PublicProfile | None:
    a = record.data
    if not a.consent.public_profile:
        return None
    first = a.first_export if a.first_export and a.first_export.public else None
    story = a.story or ""
    story_html = markdown_to_safe_html(story) if story else ""
    return PublicProfile(
        slug=record.slug,
        name=a.business_name,
        legal_form=LEGAL_FORMS[a.legal_form],
        province=a.province,
        province_slug=PROVINCE_SLUGS[a.province],
        regency=a.regency,
        sector=a.sector,
        sector_label=SECTORS[a.sector],
        cohort_id=a.cohort,
        cohort_name=cohort.cohort.name,
        cohort_year=cohort.cohort.year,
        program_slug=cohort.program.slug,
        program_name=cohort.program.data.name,
        products=tuple(
            PublicProduct(p.name, p.hs_code, p.hs_code.replace(".", "")[:2], hs_chapter_name(p.hs_code),
                          p.name_en, hs_chapter_name(p.hs_code, "en"))
            for p in a.products
        ),
        destinations=tuple(PublicDestination(Country.of(d.country), d.since) for d in a.destinations),
        certifications=tuple((c.kind, CERTIFICATIONS[c.kind]) for c in a.certifications),
        first_export_year=first.year if first else None,
        first_export_country=Country.of(first.country) if first else None,
        ambassador=bool(a.ambassador and a.ambassador.available),
        ambassador_topics=tuple(DUTA_TOPICS[t] for t in a.ambassador.topics) if a.ambassador and a.ambassador.available else (),
        contacts=_contacts(a),
        photo=a.photo,
        photo_alt=a.photo_alt,
        story_html=story_html,
        summary=plain_text(story, html=story_html) if story else "",
        legal_form_key=a.legal_form,
        certificates=tuple(PublicCertificate(c.kind, CERTIFICATIONS[c.kind], c.number, c.valid_until) for c in a.certifications),
        capacity=_quantity(a.capacity),
        minimum_order=_quantity(a.minimum_order),
        lead_time_days=a.lead_time_days,
        incoterms=tuple(a.incoterms),
        payment_terms=tuple(a.payment_terms),
        languages=tuple(a.languages),
        story_en_html=markdown_to_safe_html(a.story_en) if a.story_en else "",
        last_checked=a.last_checked,
        ambassador_topic_keys=tuple(a.ambassador.topics) if a.ambassador and a.ambassador.available else (),
    )


def _quantity(q) -> PublicQuantity | None:
    return PublicQuantity(q.amount, q.unit) if q is not None else None


def public_profiles(portal: Portal) -> list[PublicProfile]:
    """Consented profiles, sorted by name for stable output."""
    cohorts = portal.cohorts
    out = []
    for record in portal.alumni:
        profile = to_public(record, cohorts[record.data.cohort])
        if profile is not None:
            out.append(profile)
    out.sort(key=lambda p: (p.name.casefold(), p.slug))
    return out
