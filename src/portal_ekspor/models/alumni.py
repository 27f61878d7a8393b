"""An alumnus: one exporting business that graduated from a cohort.

Consent is modelled where the data is: the whole profile needs
``persetujuan.profil_publik``; each contact channel and the first export carry
their own ``publik`` flag. Only :mod:`portal_ekspor.privacy` decides what a
reader sees.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from ..reference.catalogues import CERTIFICATIONS, DUTA_TOPICS, LEGAL_FORMS, SECTORS
from ..reference.countries import country_names, suggest_country
from ..reference.hs import HS_CHAPTERS
from ..reference.provinces import PROVINCE_NAMES, suggest_province
from .base import Date, Email, LongText, Model, Slug, Text, Url, Year, _as_text, fail


def _choice(catalogue: dict[str, str], what: str):
    def check(value: str) -> str:
        if value not in catalogue:
            from difflib import get_close_matches

            close = get_close_matches(value.lower(), list(catalogue), n=1)
            hint = f" Mungkin maksud Anda `{close[0]}`?" if close else ""
            raise fail(f"{what} `{value}` tidak dikenal.{hint} Pilihan: {', '.join(catalogue)}")
        return value

    return Annotated[str, BeforeValidator(_as_text), AfterValidator(check), Field(json_schema_extra={"enum": list(catalogue)})]


Sector = _choice(SECTORS, "sektor")
Certification = _choice(CERTIFICATIONS, "sertifikasi")
LegalForm = _choice(LEGAL_FORMS, "bentuk usaha")
DutaTopic = _choice(DUTA_TOPICS, "topik")


def _province(value: str) -> str:
    if value not in PROVINCE_NAMES:
        guess = suggest_province(value)
        hint = f" Mungkin maksud Anda `{guess}`?" if guess else ""
        raise fail(f"provinsi `{value}` tidak ada dalam daftar 38 provinsi.{hint}")
    return value


Province = Annotated[str, BeforeValidator(_as_text), AfterValidator(_province),
                     Field(json_schema_extra={"enum": list(PROVINCE_NAMES)})]


def _country(value: str) -> str:
    if value not in country_names():
        guess = suggest_country(value)
        hint = f" Mungkin maksud Anda `{guess}` ({country_names()[guess]})?" if guess else ""
        raise fail(f"`{value}` bukan kode negara ISO 3166 dua huruf.{hint}")
    return value


Country = Annotated[str, BeforeValidator(_as_text), AfterValidator(_country),
                    Field(json_schema_extra={"enum": sorted(country_names())})]

_HS = re.compile(r"[0-9]{4}(?:[0-9]{2}){0,3}")


def _hs_code(value: str) -> str:
    digits = value.replace(".", "")
    if not _HS.fullmatch(digits) or len(digits) not in (4, 6, 8, 10):
        raise fail("kode HS harus 4, 6, 8 atau 10 angka dalam tanda kutip, mis. \"09012100\" atau \"0901.21.00\"")
    if digits[:2] not in HS_CHAPTERS:
        raise fail(f"kode HS diawali bab `{digits[:2]}`, padahal bab HS hanya 01 sampai 97 (tanpa 77)")
    return value


HsCode = Annotated[str, BeforeValidator(_as_text), AfterValidator(_hs_code),
                   Field(json_schema_extra={"pattern": r"^[0-9]{2}\.?[0-9]{2}(\.?[0-9]{2}){0,3}$"})]

_PHONE = re.compile(r"\+?[0-9][0-9 \-]{6,20}")


def _whatsapp(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if not _PHONE.fullmatch(value) or not 9 <= len(digits) <= 15:
        raise fail("nomor WhatsApp tidak valid; tulis dalam tanda kutip, mis. \"+62 812-3456-7890\"")
    return value


WhatsApp = Annotated[str, BeforeValidator(_as_text), AfterValidator(_whatsapp)]


class Consent(Model):
    public_profile: bool = Field(alias="profil_publik")
    date: Date | None = Field(default=None, alias="tanggal")
    evidence: Text | None = Field(default=None, alias="bukti")


class Product(Model):
    name: Text = Field(alias="nama")
    hs_code: HsCode = Field(alias="hs")


class Destination(Model):
    country: Country = Field(alias="negara")
    since: Year | None = Field(default=None, alias="sejak")


class FirstExport(Model):
    year: Year = Field(alias="tahun")
    country: Country = Field(alias="negara")
    public: bool = Field(alias="publik")


class Ambassador(Model):
    available: bool = Field(alias="bersedia")
    topics: list[DutaTopic] = Field(default_factory=list, alias="topik")


class EmailChannel(Model):
    address: Email = Field(alias="alamat")
    public: bool = Field(alias="publik")


class WebsiteChannel(Model):
    address: Url = Field(alias="alamat")
    public: bool = Field(alias="publik")


class WhatsAppChannel(Model):
    number: WhatsApp = Field(alias="nomor")
    public: bool = Field(alias="publik")


class Contacts(Model):
    email: EmailChannel | None = None
    website: WebsiteChannel | None = Field(default=None, alias="situs")
    whatsapp: WhatsAppChannel | None = None


_PHOTO = re.compile(r"foto/[a-z0-9][a-z0-9-]*\.(?:jpg|jpeg|png|webp)")


def _photo(value: str) -> str:
    if not _PHOTO.fullmatch(value):
        raise fail("foto harus berupa `foto/<nama-file>.jpg` (atau .png/.webp) di folder data/alumni/foto")
    return value


PhotoPath = Annotated[str, BeforeValidator(_as_text), AfterValidator(_photo)]


class Alumnus(Model):
    consent: Consent = Field(alias="persetujuan")
    business_name: Text = Field(alias="nama_usaha")
    legal_form: LegalForm = Field(alias="bentuk_usaha")
    province: Province = Field(alias="provinsi")
    regency: Text = Field(alias="kabupaten_kota")
    sector: Sector = Field(alias="sektor")
    cohort: Slug = Field(alias="angkatan")
    products: list[Product] = Field(alias="produk", min_length=1)
    destinations: list[Destination] = Field(default_factory=list, alias="tujuan_ekspor")
    certifications: list[Certification] = Field(default_factory=list, alias="sertifikasi")
    first_export: FirstExport | None = Field(default=None, alias="ekspor_perdana")
    ambassador: Ambassador | None = Field(default=None, alias="duta_ekspor")
    contacts: Contacts = Field(default_factory=Contacts, alias="kontak")
    photo: PhotoPath | None = Field(default=None, alias="foto")
    photo_alt: Text | None = Field(default=None, alias="foto_keterangan")
    story: LongText | None = Field(default=None, alias="cerita")
