"""Buyer facts in the data model: validation, staleness warnings, CSV import,
`portal new`, JSON Schema and open data (issue 12, part 1)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from conftest import assert_one_problem, line_of, record_problems, run_portal
from portal_ekspor.freshness import a_year_before, freshness_warnings
from portal_ekspor.open_data import open_data_files
from portal_ekspor.privacy import public_profiles
from portal_ekspor.reference.catalogues import (CERTIFICATIONS, CERTIFICATIONS_EN, DUTA_TOPICS, DUTA_TOPICS_EN,
                                                LEGAL_FORMS, LEGAL_FORMS_EN, SECTORS, SECTORS_EN)
from portal_ekspor.reference.hs import HS_CHAPTERS, HS_CHAPTERS_EN
from portal_ekspor.repository import load_portal

BUYER_FACTS = """\
terakhir_diperiksa: 2026-01-10
cerita_en: |
  We roast Solok Arabica for cafés in Taipei.
kapasitas_produksi:
  jumlah: 2.5
  satuan: ton
pesanan_minimum:
  jumlah: 300
  satuan: kg
waktu_tunggu_hari: 21
incoterms: [FOB, CIF]
pembayaran: [tt-uang-muka, lc]
bahasa: [id, en]
"""


def with_facts(valid_alumnus_text):
    text = valid_alumnus_text.replace("    hs: \"09012100\"", "    nama_en: Roasted Arabica beans\n    hs: \"09012100\"")
    return text.replace("sertifikasi: [halal]\n", "sertifikasi:\n  - jenis: halal\n    nomor: \"ID1234\"\n"
                        "    berlaku_sampai: 2030-01-31\n  - bpom\n") + BUYER_FACTS


def test_english_catalogues_cover_every_key():
    for ind, eng in ((SECTORS, SECTORS_EN), (CERTIFICATIONS, CERTIFICATIONS_EN), (LEGAL_FORMS, LEGAL_FORMS_EN),
                     (DUTA_TOPICS, DUTA_TOPICS_EN), (HS_CHAPTERS, HS_CHAPTERS_EN)):
        assert list(ind) == list(eng)
        assert all(eng.values())


def test_buyer_facts_validate_and_reach_the_public_profile(project, valid_alumnus_text):
    assert record_problems(project, with_facts(valid_alumnus_text)) == []
    portal, _ = load_portal(project)
    p = next(x for x in public_profiles(portal) if x.slug == "kopi-uji")
    assert p.products[0].name_en == "Roasted Arabica beans"
    assert p.capacity.amount == 2.5 and p.capacity.unit == "ton"
    assert p.minimum_order.amount == 300 and p.lead_time_days == 21
    assert p.incoterms == ("FOB", "CIF") and p.payment_terms == ("tt-uang-muka", "lc") and p.languages == ("id", "en")
    assert [(c.key, c.number, c.valid_until) for c in p.certificates] == [
        ("halal", "ID1234", dt.date(2030, 1, 31)), ("bpom", None, None)]
    assert p.certifications == (("halal", "Halal (BPJPH)"), ("bpom", "Izin edar BPOM"))
    assert p.last_checked == dt.date(2026, 1, 10)
    assert "Taipei" in p.story_en_html


@pytest.mark.parametrize("old,new,field,needle", [
    ("  jumlah: 2.5\n", "  jumlah: \"2.5\"\n", "kapasitas_produksi.jumlah", "angka tanpa tanda kutip"),
    ("  jumlah: 2.5\n", "  jumlah: 0\n", "kapasitas_produksi.jumlah", "minimal 0"),
    ("  satuan: ton\n", "  satuan: tonne\n", "kapasitas_produksi.satuan", "Mungkin maksud Anda `ton`"),
    ("pesanan_minimum:\n  jumlah: 300\n  satuan: kg\n", "pesanan_minimum:\n  jumlah: 300\n", "pesanan_minimum.satuan",
     "wajib diisi"),
    ("waktu_tunggu_hari: 21", "waktu_tunggu_hari: 400", "waktu_tunggu_hari", "maksimal 365"),
    ("waktu_tunggu_hari: 21", "waktu_tunggu_hari: 3 minggu", "waktu_tunggu_hari", "bilangan bulat"),
    ("incoterms: [FOB, CIF]", "incoterms: [FOB, fob]", "incoterms[2]", "huruf besar: `FOB`"),
    ("incoterms: [FOB, CIF]", "incoterms: [FOB, FOX]", "incoterms[2]", "Incoterms `FOX` tidak dikenal"),
    ("pembayaran: [tt-uang-muka, lc]", "pembayaran: [lc, transfer]", "pembayaran[2]", "cara pembayaran `transfer`"),
    ("bahasa: [id, en]", "bahasa: [id, Inggris]", "bahasa[2]", "Mungkin maksud Anda `en`"),
    ("terakhir_diperiksa: 2026-01-10", "terakhir_diperiksa: 10-01-2026", "terakhir_diperiksa", "TTTT-BB-HH"),
    ("terakhir_diperiksa: 2026-01-10", f"terakhir_diperiksa: {dt.date.today().year + 1}-01-10",
     "terakhir_diperiksa", "masa depan"),
    ("    berlaku_sampai: 2030-01-31\n", "    berlaku_sampai: 31 Januari 2030\n", "sertifikasi[1].berlaku_sampai", "TTTT-BB-HH"),
    ("  - bpom\n", "  - bpomm\n", "sertifikasi[2].jenis", "Mungkin maksud Anda `bpom`"),
    ("    nomor: \"ID1234\"\n", "    nomer: \"ID1234\"\n", "sertifikasi[1].nomer", "`nomor`"),
    ("cerita_en: |", "cerita_inggris: |", "cerita_inggris", "`cerita_en`"),
])
def test_buyer_fact_errors_name_file_line_and_field(project, valid_alumnus_text, old, new, field, needle):
    good = with_facts(valid_alumnus_text)
    found = record_problems(project, good.replace(old, new, 1))
    assert_one_problem(found, field, needle, line=line_of(good, old))


def test_all_buyer_fact_problems_reported_at_once(project, valid_alumnus_text):
    bad = (with_facts(valid_alumnus_text).replace("incoterms: [FOB, CIF]", "incoterms: [FOX]")
           .replace("bahasa: [id, en]", "bahasa: [xx]").replace("waktu_tunggu_hari: 21", "waktu_tunggu_hari: 0"))
    assert {p.field for p in record_problems(project, bad)} == {"incoterms[1]", "bahasa[1]", "waktu_tunggu_hari"}


def _record_with(project, text):
    (project / "data" / "alumni" / "kopi-uji.yml").write_text(text, encoding="utf-8")
    portal, problems = load_portal(project)
    assert not problems, problems.report()
    return portal


def test_stale_and_undated_public_profiles_warn(project, valid_alumnus_text):
    portal = _record_with(project, with_facts(valid_alumnus_text))
    today = dt.date(2027, 1, 11)
    mine = [w for w in freshness_warnings(portal, today) if w.path == "data/alumni/kopi-uji.yml"]
    assert [w.field for w in mine] == ["terakhir_diperiksa"]
    lines = with_facts(valid_alumnus_text).split("\n")
    assert mine[0].line == lines.index("terakhir_diperiksa: 2026-01-10") + 1  # the line staff must edit
    assert "2026-01-10" in mine[0].message and "12 bulan" in mine[0].message
    assert not [w for w in freshness_warnings(portal, dt.date(2027, 1, 10)) if w.path == "data/alumni/kopi-uji.yml"]
    undated = _record_with(project, with_facts(valid_alumnus_text).replace("terakhir_diperiksa: 2026-01-10\n", ""))
    assert [w.field for w in freshness_warnings(undated, today) if w.path == "data/alumni/kopi-uji.yml"] == ["terakhir_diperiksa"]
    private = _record_with(project, valid_alumnus_text.replace("profil_publik: true", "profil_publik: false"))
    assert not [w for w in freshness_warnings(private, today) if w.path == "data/alumni/kopi-uji.yml"]


def test_expired_certificate_warns(project, valid_alumnus_text):
    portal = _record_with(project, with_facts(valid_alumnus_text))
    mine = [w for w in freshness_warnings(portal, dt.date(2030, 2, 1)) if w.path == "data/alumni/kopi-uji.yml"]
    assert "sertifikasi[1].berlaku_sampai" in [w.field for w in mine]


def test_a_year_before_handles_leap_day():
    assert a_year_before(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)
    assert a_year_before(dt.date(2027, 3, 1)) == dt.date(2026, 3, 1)


def test_check_prints_warnings_but_succeeds(project, valid_alumnus_text):
    text = with_facts(valid_alumnus_text).replace("terakhir_diperiksa: 2026-01-10", "terakhir_diperiksa: 2019-05-02")
    (project / "data" / "alumni" / "kopi-uji.yml").write_text(text, encoding="utf-8")
    result = run_portal("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Peringatan: data/alumni/kopi-uji.yml:" in result.stderr
    assert "terakhir_diperiksa: profil publik terakhir diperiksa 2019-05-02" in result.stderr
    assert "Semua data valid" in result.stdout


def test_sample_data_carries_buyer_facts():
    from pathlib import Path

    portal, problems = load_portal(Path(__file__).resolve().parent.parent)
    assert not problems
    profiles = public_profiles(portal)
    with_story = [p for p in profiles if p.story_en_html and p.capacity and p.incoterms and p.payment_terms
                  and p.languages and p.minimum_order and p.lead_time_days and all(x.name_en for x in p.products)]
    assert len(with_story) >= 10
    assert any(not p.story_en_html for p in profiles)  # the rest show the generated summary
    assert all(p.last_checked for p in profiles)
    assert any(c.number and c.valid_until for p in profiles for c in p.certificates)


def test_csv_import_reads_buyer_columns(project):
    header = ("nama_usaha,bentuk_usaha,provinsi,kabupaten_kota,sektor,angkatan,produk,kode_hs,produk_en,sertifikasi,"
              "sertifikat_nomor,sertifikat_berlaku_sampai,kapasitas_produksi,kapasitas_produksi_satuan,pesanan_minimum,"
              "pesanan_minimum_satuan,waktu_tunggu_hari,incoterms,pembayaran,bahasa,terakhir_diperiksa,cerita_en,"
              "persetujuan_profil_publik\n")
    rows = ('Kopi Impor,cv,Sumatera Barat,Kota Padang,minuman,ecp-sumbar-2023,Kopi A; Kopi B,09011110; 09012110,'
            'Coffee A;,halal; bpom,ID123;,2027-01-01;,"2,5",ton,1.500,kg,21,fob; cif,lc,id; EN,2026-05-01,Good coffee.,ya\n'
            'Kopi Salah,cv,Sumatera Barat,Kota Padang,minuman,ecp-sumbar-2023,Kopi A,09011110,,halal,,,banyak,ton,5,,'
            '400,FOX,kartu,xx,2026-13-01,,ya\n')
    (project / "form.csv").write_text(header + rows, encoding="utf-8")
    result = run_portal("import", "form.csv", cwd=project)
    assert result.returncode == 1
    for column in ("kapasitas_produksi", "pesanan_minimum_satuan", "waktu_tunggu_hari", "incoterms[1]",
                   "pembayaran[1]", "bahasa[1]", "terakhir_diperiksa"):
        assert f"form.csv:3: {column}:" in result.stderr, result.stderr
    portal, problems = load_portal(project)
    assert not problems, problems.report()
    p = next(x for x in public_profiles(portal) if x.slug == "kopi-impor")
    assert p.capacity.amount == 2.5 and p.minimum_order.amount == 1500 and p.incoterms == ("FOB", "CIF")
    assert [x.name_en for x in p.products] == ["Coffee A", None]
    assert [(c.key, c.number) for c in p.certificates] == [("halal", "ID123"), ("bpom", None)]
    assert p.languages == ("id", "en") and p.last_checked == dt.date(2026, 5, 1)
    assert not (project / "data" / "alumni" / "kopi-salah.yml").exists()


def test_import_template_lists_buyer_columns(project):
    header = run_portal("import", "--contoh", cwd=project).stdout
    for column in ("produk_en", "cerita_en", "kapasitas_produksi", "incoterms", "pembayaran", "bahasa",
                   "sertifikat_nomor", "terakhir_diperiksa"):
        assert column in header.split(",") or column + "\n" in header


def test_new_alumni_records_today_and_english_product(project):
    result = run_portal("new", "alumni", "Kopi Baru", "--angkatan", "ecp-sumbar-2023", "--bentuk", "cv",
                        "--kabupaten", "Kota Padang", "--sektor", "minuman", "--produk", "Kopi bubuk",
                        "--hs", "09012120", "--produk-en", "Ground coffee", cwd=project)
    assert result.returncode == 0, result.stderr
    text = (project / "data" / "alumni" / "kopi-baru.yml").read_text()
    assert f'terakhir_diperiksa: "{dt.date.today().isoformat()}"' in text
    assert 'nama_en: "Ground coffee"' in text and "cerita_en" in text


def test_schema_describes_buyer_facts():
    from pathlib import Path

    schema = json.loads((Path(__file__).resolve().parent.parent / "schema" / "alumni.schema.json").read_text())
    props = schema["properties"]
    for key in ("cerita_en", "kapasitas_produksi", "pesanan_minimum", "waktu_tunggu_hari", "incoterms",
                "pembayaran", "bahasa", "terakhir_diperiksa"):
        assert key in props, key
    assert "FOB" in json.dumps(props["incoterms"]) and "nama_en" in json.dumps(schema["$defs"]["Product"])
    assert "nomor" in json.dumps(props["sertifikasi"]) and "halal" in json.dumps(props["sertifikasi"])


def test_open_data_carries_public_buyer_facts_only(project, valid_alumnus_text):
    text = with_facts(valid_alumnus_text)
    (project / "data" / "alumni" / "kopi-uji.yml").write_text(text, encoding="utf-8")
    (project / "data" / "alumni" / "kopi-rahasia.yml").write_text(
        text.replace("profil_publik: true", "profil_publik: false").replace("Kopi Uji Coba", "Kopi Rahasia Sekali")
        .replace("We roast", "Secretroast"), encoding="utf-8")
    portal, problems = load_portal(project)
    assert not problems, problems.report()
    files = open_data_files(public_profiles(portal), "https://portal.example/")
    data = json.loads(files["alumni.json"])
    mine = next(r for r in data["alumni"] if r["slug"] == "kopi-uji")
    assert mine["kapasitas_produksi_bulanan"] == {"jumlah": 2.5, "satuan": "ton"}
    assert mine["incoterms"] == ["FOB", "CIF"] and mine["terakhir_diperiksa"] == "2026-01-10"
    assert mine["sertifikat"][0] == {"jenis": "halal", "nomor": "ID1234", "berlaku_sampai": "2030-01-31"}
    rows = list(csv.DictReader(io.StringIO(files["alumni.csv"].lstrip("\ufeff"))))
    row = next(r for r in rows if r["slug"] == "kopi-uji")
    assert row["pesanan_minimum"] == "300" and row["pesanan_minimum_satuan"] == "kg"
    assert row["sertifikat_nomor"] == "halal: ID1234" and row["produk_en"] == "Roasted Arabica beans"
    assert list(rows[0])[:19] == ["slug", "nama_usaha", "bentuk_usaha", "provinsi", "kabupaten_kota", "sektor", "angkatan",
                                 "program", "produk", "kode_hs", "negara_tujuan", "sertifikasi", "ekspor_perdana_tahun",
                                 "ekspor_perdana_negara", "duta_ekspor", "email", "situs", "whatsapp", "url"]
    assert "Kopi Rahasia" not in files["alumni.json"] + files["alumni.csv"]
