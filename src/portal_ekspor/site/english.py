"""The English view of public profiles, for foreign buyers.

Built only from :class:`PublicProfile`, like every other output, so an
unconsented alumnus has no English page and a private channel never reaches
one. Labels come from the English catalogues and Babel's English locale; the
only prose is what staff wrote in English (``cerita_en``) or a short summary
assembled here from structured facts — never a machine translation of the
Indonesian story.

URLs (documented in docs/panduan-staf/alumni.md):
``en/`` landing page for buyers, ``en/exporters/`` directory,
``en/exporters/<slug>/`` profiles, ``en/exporters/<facet>/<value>/`` listings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..formatting import date as fmt_date
from ..formatting import joined, number
from ..privacy import PublicProfile
from ..reference.catalogues import CERTIFICATIONS_EN, DUTA_TOPICS_EN, LEGAL_FORMS_EN, SECTORS_EN
from ..reference.countries import country_name
from ..reference.provinces import PROVINCES_EN, regency_en
from ..reference.trade import language_name
from .trade_terms import quantity, trade_terms
from .views import CERTIFICATION, COHORT, COUNTRY, PROVINCE, SECTOR, Facet, Listing

LOCALE = "en"
ROOT = "en/"
DIRECTORY = "en/exporters/"
# Segments under en/exporters/ used by listing pages are reserved in repository.RESERVED_SLUGS.


@dataclass(frozen=True)
class EnglishFacet:
    source: Facet  # the Indonesian facet whose grouping is reused
    key: str  # URL segment and Pagefind filter name
    label: str

    @property
    def url(self) -> str:
        return f"{DIRECTORY}{self.key}/"


FACETS_EN = (
    EnglishFacet(COUNTRY, "country", "Export market"),
    EnglishFacet(SECTOR, "sector", "Sector"),
    EnglishFacet(PROVINCE, "province", "Province"),
    EnglishFacet(CERTIFICATION, "certification", "Certification"),
    EnglishFacet(COHORT, "cohort", "Programme and cohort"),
)


def profile_url(slug: str) -> str:
    return f"{DIRECTORY}{slug}/"


def province_en(name: str) -> str:
    return PROVINCES_EN.get(name, name)


@dataclass(frozen=True)
class EnglishProduct:
    name: str
    name_is_english: bool
    hs_code: str
    hs_chapter: str
    hs_chapter_name: str


@dataclass(frozen=True)
class EnglishCertificate:
    key: str
    label: str
    number: str | None
    valid_until: str | None


@dataclass(frozen=True)
class EnglishContact:
    kind: str
    label: str
    text: str
    href: str


@dataclass
class EnglishProfile:
    """What the English profile template shows; every text is English or a proper name."""

    p: PublicProfile

    @property
    def slug(self) -> str:
        return self.p.slug

    @property
    def name(self) -> str:
        return self.p.name

    @property
    def url(self) -> str:
        return profile_url(self.p.slug)

    @property
    def indonesian_url(self) -> str:
        return self.p.url

    @cached_property
    def legal_form(self) -> str:
        return LEGAL_FORMS_EN[self.p.legal_form_key] if self.p.legal_form_key else self.p.legal_form

    @cached_property
    def sector(self) -> str:
        return SECTORS_EN[self.p.sector]

    @cached_property
    def province(self) -> str:
        return province_en(self.p.province)

    @cached_property
    def regency(self) -> str:
        return regency_en(self.p.regency)

    @cached_property
    def products(self) -> tuple[EnglishProduct, ...]:
        return tuple(EnglishProduct(x.name_en or x.name, bool(x.name_en), x.hs_code, x.hs_chapter, x.hs_chapter_name_en)
                     for x in self.p.products)

    @cached_property
    def product_names(self) -> str:
        return ", ".join(x.name for x in self.products)

    @cached_property
    def destinations(self) -> tuple[tuple[str, str, str, int | None], ...]:
        """(code, English name, flag file code, since) per export market (flags are SVG files, see site/flags.py)."""
        return tuple((d.country.code, d.country.name_en or country_name(d.country.code, LOCALE), d.country.code.lower(), d.since)
                     for d in self.p.destinations)

    @cached_property
    def country_names(self) -> str:
        return ", ".join(name for _, name, _, _ in self.destinations)

    @cached_property
    def certificates(self) -> tuple[EnglishCertificate, ...]:
        return tuple(EnglishCertificate(c.key, CERTIFICATIONS_EN[c.key], c.number,
                                        fmt_date(c.valid_until, LOCALE) if c.valid_until else None)
                     for c in self.p.certificates)

    @cached_property
    def first_export(self) -> str | None:
        if not self.p.first_export_year or not self.p.first_export_country:
            return None
        return f"{self.p.first_export_year}, to {country_name(self.p.first_export_country.code, LOCALE)}"

    @cached_property
    def ambassador_topics(self) -> tuple[str, ...]:
        return tuple(DUTA_TOPICS_EN[k] for k in self.p.ambassador_topic_keys)

    @cached_property
    def trade_terms(self) -> list[tuple[str, str]]:
        """(label, value) rows of the buyer facts staff recorded; missing ones are left out."""
        return trade_terms(self.p, LOCALE)

    @cached_property
    def contacts(self) -> tuple[EnglishContact, ...]:
        labels = {"whatsapp": "WhatsApp", "email": "Email", "website": "Website"}
        return tuple(EnglishContact(c.kind, labels[c.kind], c.text, c.href) for c in self.p.contacts)

    @cached_property
    def last_checked(self) -> str | None:
        return fmt_date(self.p.last_checked, LOCALE) if self.p.last_checked else None

    @cached_property
    def summary(self) -> str:
        """A factual summary assembled from structured data, for profiles without an English story."""
        p = self.p
        article = "an" if self.legal_form[:1].lower() in "aeiou" else "a"
        parts = [f"{p.name} is {article} {self.legal_form[:1].lower() + self.legal_form[1:]} in {self.regency}, "
                 f"{self.province}, Indonesia, working in {self.sector.lower()}."]
        named = [x.name for x in self.products if x.name_is_english]
        chapters = sorted({f"HS chapter {x.hs_chapter} ({x.hs_chapter_name.lower()})" for x in self.products
                           if not x.name_is_english})
        if named and chapters:
            parts.append(f"It makes {joined(named, LOCALE).lower()}, and products classified under {joined(chapters, LOCALE)}.")
        elif named:
            parts.append(f"It makes {joined(named, LOCALE).lower()}.")
        else:
            parts.append(f"Its products are classified under {joined(chapters, LOCALE)}.")
        if self.destinations:
            parts.append(f"It exports to {joined([n for _, n, _, _ in self.destinations], LOCALE)}.")
        if self.certificates:
            parts.append(f"Certifications: {joined([c.label for c in self.certificates], LOCALE)}.")
        parts.extend(self._order_facts())
        parts.append(f"It graduated from the export coaching cohort {p.cohort_name}.")
        return " ".join(parts)

    def _order_facts(self) -> list[str]:
        """The amounts a buyer plans an order with, in English number format
        (Babel: "12,000 kg", never the Indonesian "12.000 kg")."""
        p, facts = self.p, []
        if p.capacity:
            facts.append(f"It can produce {quantity(p.capacity, LOCALE)} per month.")
        if p.minimum_order:
            facts.append(f"Minimum order: {quantity(p.minimum_order, LOCALE)}.")
        if p.lead_time_days:
            days = "1 day" if p.lead_time_days == 1 else f"{number(p.lead_time_days, LOCALE)} days"
            facts.append(f"Lead time: {days} from confirmed order to ready for shipment.")
        return facts

    @cached_property
    def description(self) -> str:
        text = f"{self.p.name}, {self.sector.lower()} exporter from {self.regency}, {self.province}, Indonesia: {self.product_names}."
        if self.destinations:
            text = text[:-1] + f"; exports to {self.country_names}."
        return text

    def json_ld(self, site_url: str | None = None) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.p.name,  # its description is the page's meta description (see site/pages.py)
            "inLanguage": "en",
            "address": {"@type": "PostalAddress", "addressRegion": self.province, "addressLocality": self.regency,
                        "addressCountry": "ID"},
            "makesOffer": [{"@type": "Offer", "itemOffered": {"@type": "Product", "name": x.name}} for x in self.products],
        }
        if self.p.languages:
            data["knowsLanguage"] = [language_name(c, LOCALE) for c in self.p.languages]
        if self.certificates:
            data["hasCertification"] = [
                {"@type": "Certification", "name": c.label, **({"identifier": c.number} if c.number else {})}
                for c in self.certificates]
        for c in self.p.contacts:
            if c.kind == "email":
                data["email"] = c.text
            elif c.kind == "website":
                data["url"] = c.href
        return data


@dataclass
class EnglishListing:
    """A facet group of the Indonesian listings, titled and summarised in English."""

    facet: EnglishFacet
    source: Listing

    @property
    def value(self) -> str:
        return self.source.value

    @property
    def url(self) -> str:
        return f"{self.facet.url}{self.source.value}/"

    @property
    def indonesian_url(self) -> str:
        return self.source.url

    @cached_property
    def title(self) -> str:
        key, value = self.facet.key, self.source.value
        if key == "country":
            return country_name(value.upper(), LOCALE)
        if key == "sector":
            return SECTORS_EN[value]
        if key == "province":
            return province_en(self.source.title)
        if key == "certification":
            return CERTIFICATIONS_EN[value]
        return self.source.title  # cohort names are proper names

    @property
    def profiles(self) -> list[PublicProfile]:
        return self.source.profiles

    @cached_property
    def summary(self) -> str:
        n = len(self.profiles)
        subject = f"{number(n, LOCALE)} exporter{'s' if n != 1 else ''}"
        countries = len(self.source.countries)
        markets = f"{number(countries, LOCALE)} market{'s' if countries != 1 else ''}"
        key = self.facet.key
        if key == "country":
            provinces = len({p.province for p in self.profiles})
            return f"{subject} from {number(provinces, LOCALE)} Indonesian province{'s' if provinces != 1 else ''} export to {self.title}."
        if key == "province":
            return f"{subject} from {self.title} export to {markets}."
        if key == "sector":
            return f"{subject} in {self.title.lower()} export to {markets}."
        if key == "certification":
            return f"{subject} certified {self.title} export to {markets}."
        return f"{subject} from the cohort {self.title} export to {markets}."


def english_listings(listings: dict[str, list[Listing]]) -> dict[str, list[EnglishListing]]:
    return {f.key: [EnglishListing(f, l) for l in listings[f.source.key]] for f in FACETS_EN}
