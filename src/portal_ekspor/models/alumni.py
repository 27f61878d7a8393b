"""An alumnus: one exporting business that graduated from a cohort.

Consent is modelled where the data is: the whole profile needs
``persetujuan.profil_publik``; each contact channel and the first export carry
their own ``publik`` flag. Only :mod:`portal_ekspor.privacy` decides what a
reader sees.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from ..reference.catalogues import CERTIFICATIONS, DUTA_TOPICS, LEGAL_FORMS, SECTORS
from ..reference.countries import country_names, suggest_country
from ..reference.hs import HS_CHAPTERS
from ..reference.provinces import PROVINCE_NAMES, suggest_province
from ..reference.trade import INCOTERMS, PAYMENT_TERMS, UNITS, language_codes, suggest_language
from .base import Date, Email, LongText, Model, Slug, Text, Url, Year, _as_text, fail, text_matching


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
Unit = _choice(UNITS, "satuan")
PaymentTerm = _choice(PAYMENT_TERMS, "cara pembayaran")


def _incoterm(value: str) -> str:
    if value.upper() in INCOTERMS and value != value.upper():
        raise fail(f"tulis Incoterms dengan huruf besar: `{value.upper()}`")
    if value not in INCOTERMS:
        raise fail(f"Incoterms `{value}` tidak dikenal. Pilihan (Incoterms 2020): {', '.join(INCOTERMS)}")
    return value


Incoterm = Annotated[str, BeforeValidator(_as_text), AfterValidator(_incoterm),
                     Field(json_schema_extra={"enum": list(INCOTERMS)})]


def _listed(known: Sequence[str], suggest: Callable[[str], str | None], problem: str,
            shown: Callable[[str], str] = lambda guess: f"`{guess}`") -> Any:
    """A code from a long reference list (too long to print as choices).

    Staff usually write the name instead of the code, or a near miss, so the
    message offers the entry ``suggest`` finds; ``problem`` is the message
    with ``{value}`` for what they wrote. ``known`` in the order editors list it.
    """
    members = frozenset(known)

    def check(value: str) -> str:
        if value not in members:
            guess = suggest(value)
            hint = f" Mungkin maksud Anda {shown(guess)}?" if guess else ""
            raise fail(problem.format(value=value) + hint)
        return value

    return Annotated[str, BeforeValidator(_as_text), AfterValidator(check), Field(json_schema_extra={"enum": list(known)})]


Language = _listed(sorted(language_codes()), suggest_language,
                   "`{value}` bukan kode bahasa ISO 639-1 dua huruf, mis. `id`, `en`, `ar`, `zh`.")
Province = _listed(list(PROVINCE_NAMES), suggest_province, "provinsi `{value}` tidak ada dalam daftar 38 provinsi.")
Country = _listed(sorted(country_names()), suggest_country, "`{value}` bukan kode negara ISO 3166 dua huruf.",
                  shown=lambda guess: f"`{guess}` ({country_names()[guess]})")


def _not_in_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise fail("tanggal pemeriksaan tidak boleh di masa depan; tulis tanggal staf terakhir memeriksa profil")
    return value


CheckedDate = Annotated[dt.date, Field(strict=False), AfterValidator(_not_in_future)]
Amount = Annotated[float, Field(gt=0, le=1e12)]

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
    name_en: Text | None = Field(default=None, alias="nama_en", description="Nama produk dalam bahasa Inggris, untuk halaman pembeli")
    hs_code: HsCode = Field(alias="hs")


class Quantity(Model):
    amount: Amount = Field(alias="jumlah")
    unit: Unit = Field(alias="satuan")


def _certificate_shorthand(value):
    """``- halal`` is short for ``- jenis: halal`` (no number, no validity)."""
    return {"jenis": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value


class CertificateDetail(Model):
    kind: Certification = Field(alias="jenis")
    number: Text | None = Field(default=None, alias="nomor")
    valid_until: Date | None = Field(default=None, alias="berlaku_sampai")


_CERTIFICATE_SCHEMA = {
    "anyOf": [
        {"enum": list(CERTIFICATIONS)},
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["jenis"],
            "properties": {
                "jenis": {"enum": list(CERTIFICATIONS)},
                "nomor": {"type": "string", "minLength": 1, "maxLength": 300},
                "berlaku_sampai": {"type": "string", "format": "date"},
            },
        },
    ],
}
CertificateItem = Annotated[CertificateDetail, BeforeValidator(_certificate_shorthand), WithJsonSchema(_CERTIFICATE_SCHEMA)]


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


PhotoPath = text_matching(r"foto/[a-z0-9][a-z0-9-]*\.(?:jpg|jpeg|png|webp)",
                          "foto harus berupa `foto/<nama-file>.jpg` (atau .png/.webp) di folder data/alumni/foto")


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
    certifications: list[CertificateItem] = Field(default_factory=list, alias="sertifikasi")
    first_export: FirstExport | None = Field(default=None, alias="ekspor_perdana")
    ambassador: Ambassador | None = Field(default=None, alias="duta_ekspor")
    contacts: Contacts = Field(default_factory=Contacts, alias="kontak")
    photo: PhotoPath | None = Field(default=None, alias="foto")
    photo_alt: Text | None = Field(default=None, alias="foto_keterangan")
    story: LongText | None = Field(default=None, alias="cerita")
    # Facts buyers compare suppliers by (all optional; shown on both page languages).
    story_en: LongText | None = Field(default=None, alias="cerita_en",
                                      description="Cerita usaha dalam bahasa Inggris (bukan terjemahan mesin)")
    capacity: Quantity | None = Field(default=None, alias="kapasitas_produksi", description="Kapasitas produksi per bulan")
    minimum_order: Quantity | None = Field(default=None, alias="pesanan_minimum", description="Jumlah pesanan minimum (MOQ)")
    lead_time_days: Annotated[int, Field(ge=1, le=365)] | None = Field(
        default=None, alias="waktu_tunggu_hari", description="Waktu dari pesanan dikonfirmasi sampai barang siap kirim, dalam hari")
    incoterms: list[Incoterm] = Field(default_factory=list, alias="incoterms")
    payment_terms: list[PaymentTerm] = Field(default_factory=list, alias="pembayaran")
    languages: list[Language] = Field(default_factory=list, alias="bahasa")
    last_checked: CheckedDate | None = Field(default=None, alias="terakhir_diperiksa",
                                             description="Tanggal staf terakhir memeriksa isi profil (TTTT-BB-HH)")
