"""alumni.json and alumni.csv: only public fields, safe in a spreadsheet, columns in a documented, stable order."""

from __future__ import annotations

import csv
import io
import json
import os
import re

import pytest

from conftest import ROOT, VALID_ALUMNUS, build
from portal_ekspor.open_data import open_data_files
from portal_ekspor.privacy import public_profiles
from portal_ekspor.repository import load_portal

# The published interface as of versi_skema 1 (docs/panduan-staf/data-terbuka.md). Columns may be
# appended after these; none of these may be renamed, removed or moved.
CSV_COLUMNS_V1 = [
    "slug", "nama_usaha", "bentuk_usaha", "provinsi", "kabupaten_kota", "sektor", "angkatan", "program",
    "produk", "kode_hs", "negara_tujuan", "sertifikasi", "ekspor_perdana_tahun", "ekspor_perdana_negara",
    "duta_ekspor", "email", "situs", "whatsapp", "url",
    "produk_en", "kapasitas_produksi_bulanan", "kapasitas_produksi_satuan", "pesanan_minimum",
    "pesanan_minimum_satuan", "waktu_tunggu_hari", "incoterms", "pembayaran", "bahasa", "sertifikat_nomor",
    "terakhir_diperiksa",
]
JSON_KEYS_V1 = {
    "slug", "nama_usaha", "bentuk_usaha", "provinsi", "kabupaten_kota", "sektor", "angkatan", "program", "produk",
    "negara_tujuan", "sertifikasi", "ekspor_perdana", "duta_ekspor", "email", "situs", "whatsapp", "url", "produk_en",
    "kapasitas_produksi_bulanan", "pesanan_minimum", "waktu_tunggu_hari", "incoterms", "pembayaran", "bahasa",
    "sertifikat", "terakhir_diperiksa",
}

PRIVATE_PARTS = """\
persetujuan:
  profil_publik: true
  tanggal: 2024-01-15
  bukti: Formulir Zqxbukti arsip dinas
nama_usaha: Kopi Data Terbuka
bentuk_usaha: cv
provinsi: Lampung
kabupaten_kota: Kota Metro
sektor: minuman
angkatan: lampung-kelas-pemula
produk:
  - nama: Kopi robusta
    hs: "09011110"
tujuan_ekspor:
  - negara: MY
ekspor_perdana:
  tahun: 2021
  negara: JP
  publik: false
kontak:
  email:
    alamat: zqx-tertutup@data.example
    publik: false
  whatsapp:
    nomor: "+62 811-4545-1212"
    publik: false
  situs:
    alamat: https://zqx-terbuka.example
    publik: true
cerita: Cerita Zqxcerita tidak masuk data terbuka.
"""

FORMULAS = ["=HYPERLINK(\"http://x.example\")", "+62 811-0000-1111", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def _profiles(project, *records: tuple[str, str]):
    for slug, text in records:
        (project / "data" / "alumni" / f"{slug}.yml").write_text(text, encoding="utf-8")
    portal, problems = load_portal(project)
    assert not problems, problems.report()
    return public_profiles(portal)


def _rows(csv_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text.removeprefix("\ufeff"), newline="")))


def test_open_data_has_only_public_fields(project):
    hidden = PRIVATE_PARTS.replace("profil_publik: true", "profil_publik: false").replace(
        "Kopi Data Terbuka", "Kopi Zqxtersembunyi")
    files = open_data_files(_profiles(project, ("kopi-data-terbuka", PRIVATE_PARTS), ("kopi-zqx", hidden)),
                            "https://portal.example/")
    data = json.loads(files["alumni.json"])
    assert set(data) == {"versi_skema", "jumlah", "alumni"} and data["versi_skema"] == 1
    assert data["jumlah"] == len(data["alumni"])
    assert {frozenset(r) for r in data["alumni"]} == {frozenset(JSON_KEYS_V1)}, "every record has exactly the documented keys"
    mine = next(r for r in data["alumni"] if r["slug"] == "kopi-data-terbuka")
    assert (mine["email"], mine["whatsapp"], mine["ekspor_perdana"]) == (None, None, None)
    assert mine["situs"] == "https://zqx-terbuka.example"
    rows = _rows(files["alumni.csv"])
    assert list(rows[0]) == CSV_COLUMNS_V1
    row = next(r for r in rows if r["slug"] == "kopi-data-terbuka")
    assert (row["email"], row["whatsapp"], row["ekspor_perdana_tahun"], row["ekspor_perdana_negara"]) == ("", "", "", "")
    assert row["situs"] == "https://zqx-terbuka.example"
    both = (files["alumni.json"] + files["alumni.csv"]).casefold()
    assert [s for s in ("zqxbukti", "zqxcerita", "zqx-tertutup", "4545-1212", "zqxtersembunyi", "kopi-zqx")
            if s in both] == []
    assert [r["slug"] for r in rows] == [r["slug"] for r in data["alumni"]]


@pytest.mark.parametrize("value", FORMULAS)
def test_csv_cells_never_start_a_formula(project, value):
    text = (VALID_ALUMNUS.replace("nama_usaha: Kopi Uji Coba", f"nama_usaha: {json.dumps('Kopi ' + value.strip())}")
            .replace("kabupaten_kota: Kabupaten Solok", f"kabupaten_kota: {json.dumps(value)}")
            .replace("- nama: Kopi arabika biji sangrai", f"- nama: {json.dumps(value)}"))
    files = open_data_files(_profiles(project, ("kopi-rumus", text)), "https://portal.example/")
    rows = list(csv.reader(io.StringIO(files["alumni.csv"].removeprefix("\ufeff"), newline="")))
    for cells in rows:
        assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r", "\n")] == []
    # Read as a spreadsheet would: any CR or LF outside quotes starts a new row.
    naive = [line.split(",") for line in re.split(r"\r\n|\r|\n", files["alumni.csv"].removeprefix("\ufeff"))
             if '"' not in line]
    assert [c for cells in naive for c in cells if c[:1] in ("=", "+", "-", "@")] == []
    row = next(dict(zip(rows[0], cells)) for cells in rows[1:] if cells[0] == "kopi-rumus")
    in_cell = value.replace("\r", "\n")  # a bare CR would end the row in a spreadsheet
    assert row["kabupaten_kota"] == "'" + in_cell and row["produk"] == "'" + in_cell, "kept, behind an apostrophe"
    record = next(r for r in json.loads(files["alumni.json"])["alumni"] if r["slug"] == "kopi-rumus")
    assert record["kabupaten_kota"] == value, "JSON carries the value unchanged"


def test_csv_is_utf8_with_one_bom_for_excel(built_site):
    raw = (built_site / "alumni.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert "\ufeff" not in text
    assert not (built_site / "alumni.json").read_bytes().startswith(b"\xef\xbb\xbf"), "JSON must not carry a BOM"
    assert json.loads((built_site / "alumni.json").read_text(encoding="utf-8"))["jumlah"] == len(_rows(text))


def test_built_files_are_what_the_core_writes(built_site):
    portal, problems = load_portal(built_site.parent)
    assert not problems
    # mkdocs.yml: site_url: !ENV [PORTAL_SITE_URL, "<default>"]
    default = re.search(r'^site_url: !ENV \[PORTAL_SITE_URL, "([^"]+)"\]', (built_site.parent / "mkdocs.yml").read_text(), re.M)
    site_url = os.environ.get("PORTAL_SITE_URL", default.group(1))
    files = open_data_files(public_profiles(portal), site_url)
    assert (built_site / "alumni.csv").read_text(encoding="utf-8") == files["alumni.csv"]
    assert (built_site / "alumni.json").read_text(encoding="utf-8") == files["alumni.json"]


def test_json_has_one_alumnus_a_line_and_the_documented_head(built_site):
    """Whitespace is not the format, but the file's size is (issue 13): the guide's
    head, then each alumnus compact on its own line, readable and diffable."""
    text = (built_site / "alumni.json").read_text(encoding="utf-8")
    data = json.loads(text)
    lines = text.splitlines()
    assert data["jumlah"] > 10 and len(lines) == data["jumlah"] + 6
    assert lines[:4] == ["{", f' "versi_skema": {data["versi_skema"]},', f' "jumlah": {data["jumlah"]},',
                         ' "alumni": [']
    assert [json.loads(line.strip().rstrip(",")) for line in lines[4:-2]] == data["alumni"]
    assert lines[-2:] == [" ]", "}"]


def test_column_order_is_documented_for_staff():
    """The staff guide lists the CSV columns in the order the file has them."""
    doc = (ROOT / "docs" / "panduan-staf" / "data-terbuka.md").read_text(encoding="utf-8")
    listed = re.search(r"Urutan kolom `alumni\.csv`[^\n]*\n+```text\n(.+?)\n```", doc, re.S)
    assert listed, "data-terbuka.md must list the CSV columns in order in a ```text block"
    assert listed.group(1).replace("\n", "").split(",") == CSV_COLUMNS_V1


def test_stable_columns_are_a_prefix_of_the_published_header(built_site):
    header = next(csv.reader(io.StringIO((built_site / "alumni.csv").read_text(encoding="utf-8-sig"))))
    assert header[:len(CSV_COLUMNS_V1)] == CSV_COLUMNS_V1
    assert len(set(header)) == len(header)


def test_sitemap_lists_every_public_profile(built_site):
    portal, _ = load_portal(built_site.parent)
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for p in public_profiles(portal):
        assert f"alumni/{p.slug}/" in sitemap
