"""No value from an unconsented record or channel reaches any file a browser can download.

Every check reads the whole built site through :mod:`site_scan`: pages, the
decoded Pagefind index, fragments and filters, every JSON word list, open data,
sitemaps. Secrets are compared casefolded and word by word, because a search
index stores lowercase single words, not the phrase staff typed. Each negative
check has its positive control: the same scan over a build where the same
record is consented finds every one of its words, in the search index too.
"""

from __future__ import annotations

import pytest

from conftest import build, copy_project
from portal_ekspor.reference.countries import country_name
from portal_ekspor.repository import load_portal
from site_scan import found, leaks, read_site, secret_words

pytestmark = pytest.mark.slow

# Every free-text field carries a word that occurs nowhere else, chosen so that
# Indonesian stemming (Pagefind's and ours) leaves it whole.
def flag_ref(code: str) -> str:
    """How a page refers to a country's flag: its class, which the build's flag
    stylesheet maps to the self-hosted SVG (emoji are never used)."""
    return f"pe-flag--{code.lower()}"


HIDDEN_RECORD = """\
persetujuan:
  profil_publik: false
  bukti: Formulir Zqxbukti
nama_usaha: Usaha Zqxnamausaha
bentuk_usaha: ud
provinsi: Lampung
kabupaten_kota: Kota Zqxkabupaten
sektor: agro
angkatan: lampung-kelas-pemula
produk:
  - nama: Lada Zqxproduk
    nama_en: Pepper Zqxproduct
    hs: "09041100"
tujuan_ekspor:
  - negara: IS
    sejak: 2024
sertifikasi:
  - jenis: halal
    nomor: "ZQXSERTIFIKAT 99173"
ekspor_perdana:
  tahun: 2022
  negara: GL
  publik: true
kontak:
  email:
    alamat: zqxsurel@zqxdomain.example
    publik: true
  whatsapp:
    nomor: "+62 811-7391-4826"
    publik: true
  situs:
    alamat: https://zqxsitus.example
    publik: true
foto_keterangan: Foto Zqxfoto di gudang
cerita: Cerita Zqxcerita yang tidak boleh tampil di mana pun.
cerita_en: A Zqxtold tale that must never be shown.
"""
HIDDEN_SLUG = "usaha-zqxnamausaha"

# Words of HIDDEN_RECORD that its profile shows once consented.
GATED_WORDS = ["zqxnamausaha", "zqxkabupaten", "zqxproduk", "zqxproduct", "zqxsertifikat", "zqxsurel", "zqxdomain",
               "zqxsitus", "zqxcerita", "zqxtold"]
GATED_TEXT = [f"alumni/{HIDDEN_SLUG}/", f"en/exporters/{HIDDEN_SLUG}/", "zqxsurel@zqxdomain.example", "811-7391-4826",
              "6281173914826", country_name("IS"), country_name("IS", "en"), flag_ref("IS"), country_name("GL"),
              flag_ref("GL")]
# Never published, consent or not: the evidence of consent is an internal record.
ALWAYS_PRIVATE = ["zqxbukti"]
# Shown in the search index of a consented profile (its body is what Pagefind reads).
SEARCHABLE_WORDS = ["zqxnamausaha", "zqxkabupaten", "zqxproduk", "zqxcerita", "zqxproduct", "zqxtold"]
"""The last two only on the English page, in Pagefind's English index (words its English stemmer keeps whole)."""

PARTLY_PUBLIC = """\
persetujuan:
  profil_publik: true
  tanggal: 2024-02-01
nama_usaha: Keripik Zqxseparuh
bentuk_usaha: cv
provinsi: Lampung
kabupaten_kota: Kota Bandar Lampung
sektor: kuliner
angkatan: lampung-kelas-pemula
produk:
  - nama: Keripik pisang
    hs: "20089990"
tujuan_ekspor:
  - negara: MY
ekspor_perdana:
  tahun: 2021
  negara: GL
  publik: false
kontak:
  email:
    alamat: tersembunyi@zqxkontak.example
    publik: false
  whatsapp:
    nomor: "+62 811-9357-4242"
    publik: false
  situs:
    alamat: https://zqxterbuka.example
    publik: true
"""
PARTLY_SLUG = "keripik-zqxseparuh"
PARTLY_PRIVATE = ["zqxkontak", "tersembunyi@", "9357-4242", "6281193574242", "81193574242", country_name("GL"),
                  flag_ref("GL")]


def consented(text: str) -> str:
    return text.replace("profil_publik: false", "profil_publik: true\n  tanggal: 2024-03-01")


def in_search_index(files, secret: str) -> bool:
    """Found in a CBOR-decoded Pagefind file, i.e. in the word index itself."""
    return any(f.how.endswith("cbor") for f in files if f.path in found(files, secret))


@pytest.fixture(scope="module")
def hidden_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("rahasia") / "portal")
    alumni = project / "data" / "alumni"
    (alumni / f"{HIDDEN_SLUG}.yml").write_text(HIDDEN_RECORD)
    (alumni / f"{PARTLY_SLUG}.yml").write_text(PARTLY_PUBLIC)
    portal, problems = load_portal(project)
    assert not problems, problems.report()
    return project, portal, read_site(build(project))


@pytest.fixture(scope="module")
def consented_build(tmp_path_factory):
    """The positive control: the same records, all consented and every channel public."""
    project = copy_project(tmp_path_factory.mktemp("terbuka") / "portal")
    alumni = project / "data" / "alumni"
    (alumni / f"{HIDDEN_SLUG}.yml").write_text(consented(HIDDEN_RECORD))
    (alumni / f"{PARTLY_SLUG}.yml").write_text(PARTLY_PUBLIC.replace("publik: false", "publik: true"))
    return read_site(build(project))


def test_positive_control_finds_every_secret_of_a_consented_record(consented_build):
    files = consented_build
    # A first export shows no flag.
    shown = [w for w in GATED_WORDS + GATED_TEXT + PARTLY_PRIVATE if w != flag_ref("GL")]
    missing = [s for s in shown if not found(files, s)]
    assert missing == [], "the scan must see every value once it is consented"
    not_indexed = [w for w in SEARCHABLE_WORDS + ["zqxseparuh"] if not in_search_index(files, w)]
    assert not_indexed == [], "the scan must see words inside the decoded search index"
    word_lists = {p for w in SEARCHABLE_WORDS for p in found(files, w)
                  if p.endswith(".json") and not p.startswith("alumni")}
    assert word_lists, "the scan must see the search word lists"
    assert leaks(files, ALWAYS_PRIVATE) == []


def test_unconsented_values_appear_in_no_built_file(hidden_build):
    _, _, files = hidden_build
    assert found(files, "zqxseparuh"), "the consented record is published"
    assert in_search_index(files, "zqxseparuh"), "and searchable"
    assert found(files, "zqxterbuka.example"), "with its consented channel"
    assert leaks(files, GATED_WORDS + GATED_TEXT + ALWAYS_PRIVATE + ["zqxfoto"]) == []
    assert leaks(files, PARTLY_PRIVATE) == []


def test_unconsented_sample_records_appear_in_no_built_file(hidden_build):
    """The sample data's own unconsented records: names as phrases, and their pages' addresses."""
    _, portal, files = hidden_build
    hidden = [a for a in portal.alumni if not a.data.consent.public_profile and a.slug != HIDDEN_SLUG]
    secrets = []
    for record in hidden:
        secrets += [record.data.business_name, f"alumni/{record.slug}/", f"en/exporters/{record.slug}/"]
        contacts = record.data.contacts
        secrets += [c for c in (contacts.email and contacts.email.address, contacts.website and contacts.website.address) if c]
    assert leaks(files, secrets) == []


def test_no_page_of_an_unconsented_record_and_no_private_section(hidden_build):
    project, _, files = hidden_build
    paths = {f.path for f in files}
    assert not any(p.startswith((f"alumni/{HIDDEN_SLUG}/", f"en/exporters/{HIDDEN_SLUG}/")) for p in paths)
    assert "assets/bendera/jp.svg" in paths, "flags of published destinations are published"
    assert not {"assets/bendera/is.svg", "assets/bendera/gl.svg"} & paths, "flags only for consented destinations"
    assert f"alumni/{PARTLY_SLUG}/index.html" in paths and f"en/exporters/{PARTLY_SLUG}/index.html" in paths
    english = (project / "site" / "en" / "exporters" / PARTLY_SLUG / "index.html").read_text(encoding="utf-8")
    assert "First export" not in english and "zqxterbuka.example" in english


def test_withdrawing_consent_or_deleting_the_record_removes_every_trace(project):
    record = project / "data" / "alumni" / f"{PARTLY_SLUG}.yml"
    record.write_text(PARTLY_PUBLIC)
    secrets = secret_words("Zqxseparuh", "zqxterbuka") + [PARTLY_SLUG]
    files = read_site(build(project))
    assert [s for s in secrets if not found(files, s)] == [], "positive control: published while consented"
    assert in_search_index(files, "zqxseparuh")
    record.write_text(PARTLY_PUBLIC.replace("profil_publik: true", "profil_publik: false"))
    assert leaks(read_site(build(project)), secrets) == [], "consent withdrawn"
    record.unlink()
    assert leaks(read_site(build(project)), secrets) == [], "record deleted"


@pytest.mark.parametrize(("written", "link"), [
    ("0812-3456-7890", "https://wa.me/6281234567890"),
    ("+62 812-3456-7890", "https://wa.me/6281234567890"),
    ("62 812 3456 7890", "https://wa.me/6281234567890"),
    ("0062 812-3456-7890", "https://wa.me/6281234567890"),
    ("001 62 812 3456 7890", "https://wa.me/6281234567890"),
    ("007-62-812-3456-7890", "https://wa.me/6281234567890"),
    ("01017 62 812 3456 7890", "https://wa.me/6281234567890"),
    ("+65 9123 4567", "https://wa.me/6591234567"),
    ("0065 9123 4567", "https://wa.me/6591234567"),
])
def test_whatsapp_links_dial_the_number_staff_wrote(written, link):
    from portal_ekspor.privacy import whatsapp_link

    assert whatsapp_link(written) == link
