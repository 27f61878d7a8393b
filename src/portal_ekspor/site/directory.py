"""Every text of the alumni directory, in Indonesian and in English.

Both directories (``alumni/`` and ``en/exporters/``) render the one template
``directory.html``; only these texts and the card macros differ, so the
phone-first layout (results first, filters behind a toggle that counts the
active ones, a heading that names the filter, a reset) cannot drift between
the two languages. direktori.js takes its texts from the form's ``data-text-*``
attributes written from :attr:`DirectoryTexts.data_attributes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formatting import number


@dataclass(frozen=True)
class DirectoryTexts:
    lang: str
    macros: str  # template holding the card and pager macros of this language
    url: str  # the directory's first page: the reset link goes there
    heading: str
    intro: str
    filter: str  # the toggle that opens the filters
    reset: str
    form_label: str
    text_label: str
    all: str  # the empty choice of every facet
    ambassador_label: str
    ambassador_value: str  # the checkbox value in the URL (?duta=ya)
    show: str  # closes the filters on a phone
    browse: str
    browse_label: str
    by: str  # "Per provinsi", "By sector"
    unit: str  # "7 alumni"
    unit_one: str  # "1 alumni", "1 exporter"
    phrases: dict[str, str] = field(default_factory=dict)
    """How the heading names an active filter per facet key: "7 alumni · tujuan Jepang"."""
    script: dict[str, str] = field(default_factory=dict)
    """Texts only direktori.js shows; with the units they become the form's data-* attributes."""

    @property
    def data_attributes(self) -> dict[str, str]:
        """data-* attributes of the filter form, read by direktori.js (units stated once, above)."""
        return {**self.script, "text-unit": self.unit, "text-unit-one": self.unit_one}

    def count(self, n: int) -> str:
        """The results heading before any filter: "32 alumni", "32 exporters"."""
        return f"{number(n, self.lang)} {self.unit_one if n == 1 else self.unit}"


INDONESIAN = DirectoryTexts(
    lang="id", macros="_macros.html", url="alumni/",
    heading="Direktori alumni",
    intro=("Cari eksportir yang sudah berhasil mengekspor produk sejenis dengan produk Anda, atau pemasok untuk "
           "pembeli di luar negeri. Hanya usaha yang setuju profilnya dipublikasikan yang tampil di sini."),
    filter="Saring", reset="Hapus saringan", form_label="Saring alumni",
    text_label="Nama usaha, produk atau daerah", all="Semua",
    ambassador_label="Hanya yang bersedia menjadi duta ekspor", ambassador_value="ya",
    show="Lihat hasil", browse="Jelajahi", browse_label="Jelajahi alumni", by="Per",
    unit="alumni", unit_one="alumni",
    phrases={"provinsi": "provinsi", "sektor": "sektor", "negara": "tujuan", "angkatan": "angkatan",
             "sertifikasi": "sertifikasi"},
    script={
        "kind-filter": "jenis", "kind": "Alumni", "ambassador-filter": "duta",
        "text-more": "Tampilkan lebih banyak", "text-filtering": "Menyaring…",
        "text-none": "Tidak ada alumni yang cocok. Kurangi saringan.", "text-badge": "Duta ekspor",
        "text-ambassador": "duta ekspor",
        "text-error": ("Saringan belum bisa dimuat. Periksa koneksi, atau jelajahi daftar per provinsi dan "
                       "sektor di bawah."),
    },
)

ENGLISH = DirectoryTexts(
    lang="en", macros="en/_macros.html", url="en/exporters/",
    heading="Indonesian exporters",
    intro=("Small and medium-sized Indonesian businesses that completed an export coaching programme of the "
           "Ministry of Trade and made their first export. Only businesses that agreed to publish their profile "
           "appear here."),
    filter="Filter", reset="Clear filters", form_label="Filter exporters",
    text_label="Business name, product or region", all="All",
    ambassador_label="Only export ambassadors (alumni who mentor new exporters)", ambassador_value="yes",
    show="Show results", browse="Browse", browse_label="Browse exporters", by="By",
    unit="exporters", unit_one="exporter",
    phrases={"country": "market", "sector": "sector", "province": "province", "certification": "certified",
             "cohort": "cohort"},
    script={
        "kind-filter": "type", "kind": "Exporter", "ambassador-filter": "ambassador",
        "text-more": "Show more", "text-filtering": "Filtering…",
        "text-none": "No exporters match. Remove a filter.", "text-badge": "Export ambassador",
        "text-ambassador": "export ambassadors",
        "text-error": "Filters could not be loaded. Check your connection, or browse by market and sector below.",
    },
)

TEXTS = {"id": INDONESIAN, "en": ENGLISH}
