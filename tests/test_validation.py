"""Validation rules on real files in a copy of the sample portal."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_one_problem, line_of, record_problems
from portal_ekspor.repository import load_portal

ROOT_DIR = Path(__file__).resolve().parent.parent


def test_sample_portal_is_valid():
    root = Path(__file__).resolve().parent.parent
    portal, problems = load_portal(root)
    assert not problems, problems.report()
    assert len(portal.alumni) >= 1


def test_valid_record_passes(project, valid_alumnus_text):
    assert record_problems(project, valid_alumnus_text) == []


@pytest.mark.parametrize("old,new,field,needle", [
    ("provinsi: Sumatera Barat", "provinsi: Sumbar", "provinsi", "Mungkin maksud Anda `Sumatera Barat`"),
    ("provinsi: Sumatera Barat", "provinsi: Jawa Tengahh", "provinsi", "Jawa Tengah"),
    ("sektor: minuman", "sektor: minuman-kopi", "sektor", "Pilihan:"),
    ('hs: "09012100"', "hs: 9012100", "produk[1].hs", "kode HS"),
    ('hs: "09012100"', 'hs: "9912"', "produk[1].hs", "bab"),
    ('hs: "09012100"', 'hs: "0901.21.00"', None, None),
    ('hs: "09012100"', "hs: 090121", None, None),
    ("negara: MY", "negara: Malaysia", "tujuan_ekspor[1].negara", "`MY`"),
    ("negara: MY", "negara: my", "tujuan_ekspor[1].negara", "`MY`"),
    ("negara: MY", "negara: NO", None, None),
    ("sejak: 2023", "sejak: 1900", "tujuan_ekspor[1].sejak", "tahun harus"),
    ("sejak: 2023", 'sejak: "2023"', "tujuan_ekspor[1].sejak", "bilangan bulat"),
    ("profil_publik: true", "profil_publik: ya", "persetujuan.profil_publik", "true"),
    ("tanggal: 2024-01-15", "tanggal: 15-01-2024", "persetujuan.tanggal", "TTTT-BB-HH"),
    ("alamat: info@kopi-uji.example", "alamat: bukan-email", "kontak.email.alamat", "email"),
    ("bentuk_usaha: cv", "bentuk_usaha: CV Terbatas", "bentuk_usaha", "bentuk usaha"),
    ("angkatan: ecp-sumbar-2023", "angkatan: ecp-sumbar-2024", "angkatan", "ecp-sumbar-2023"),
])
def test_field_rules(project, valid_alumnus_text, old, new, field, needle):
    found = record_problems(project, valid_alumnus_text.replace(old, new, 1))
    if field is None:
        assert found == []
    else:
        assert_one_problem(found, field, needle, line=line_of(valid_alumnus_text, old))


def test_typo_in_field_name_gets_suggestion(project, valid_alumnus_text):
    found = record_problems(project, valid_alumnus_text.replace("kabupaten_kota:", "kabupaten_kot:"))
    fields = {p.field: p for p in found}
    assert "mungkin maksud Anda `kabupaten_kota`" in fields["kabupaten_kot"].message
    assert fields["kabupaten_kot"].line == 7
    assert "wajib diisi" in fields["kabupaten_kota"].message


def test_nested_typo_suggests_nested_field(project, valid_alumnus_text):
    found = record_problems(project, valid_alumnus_text.replace("    publik: true", "    publick: true"))
    assert any(p.field == "kontak.email.publick" and "`publik`" in p.message for p in found), found


@pytest.mark.parametrize("key,label", [("nik", "NIK"), ("npwp", "NPWP"), ("alamat_rumah", "alamat rumah"),
                                       ("hp_pribadi", "nomor HP pribadi"), ("tanggal_lahir", "tanggal lahir")])
def test_personal_data_fields_rejected(project, valid_alumnus_text, key, label):
    found = record_problems(project, valid_alumnus_text + f"{key}: \"3171234567890123\"\n")
    assert len(found) == 1
    assert found[0].field == key and label in found[0].message and "UU 27/2022" in found[0].message


def test_personal_data_nested_rejected(project, valid_alumnus_text):
    text = valid_alumnus_text.replace("kontak:\n", "kontak:\n  telepon_pribadi: \"0812000\"\n")
    found = record_problems(project, text)
    assert [p.field for p in found] == ["kontak.telepon_pribadi"]


def test_all_problems_reported_in_one_run(project, valid_alumnus_text):
    bad = (valid_alumnus_text.replace("provinsi: Sumatera Barat", "provinsi: Sumbar")
           .replace("negara: MY", "negara: XX").replace("sektor: minuman", "sektor: kopi"))
    (project / "data" / "alumni" / "satu.yml").write_text(bad)
    (project / "data" / "alumni" / "dua.yml").write_text("nama_usaha: [\n")
    (project / "data" / "alumni" / "Tiga Usaha.yml").write_text(valid_alumnus_text)
    _, problems = load_portal(project)
    paths = {p.path for p in problems}
    assert {"data/alumni/satu.yml", "data/alumni/dua.yml", "data/alumni/Tiga Usaha.yml"} <= paths
    assert len([p for p in problems if p.path == "data/alumni/satu.yml"]) == 3


def test_stray_files_are_reported_not_ignored(project, valid_alumnus_text):
    (project / "data" / "alumni" / "catatan.txt").write_text("x")
    _, problems = load_portal(project)
    assert any(p.path == "data/alumni/catatan.txt" for p in problems)


def test_reserved_slug_rejected(project, valid_alumnus_text):
    found = record_problems(project, valid_alumnus_text, "provinsi.yml")
    assert found and "halaman daftar" in found[0].message


def test_missing_photo_reported(project, valid_alumnus_text):
    text = valid_alumnus_text + "foto: foto/kopi-uji.jpg\n"
    assert_one_problem(record_problems(project, text), "foto", "tidak ditemukan", line=line_of(text, "foto:"))


def test_program_funnel(project):
    path = project / "data" / "programs" / "ecp-sumbar.yml"
    path.write_text(path.read_text().replace("lulusan: 30", "lulusan: 300"))
    _, problems = load_portal(project)
    assert [p.path for p in problems] == ["data/programs/ecp-sumbar.yml"], problems.report()
    assert "tidak boleh lebih besar" in list(problems)[0].message


def test_program_outcome_source_must_exist(project):
    path = project / "data" / "programs" / "ecp-sumbar.yml"
    path.write_text(path.read_text().replace("sumber: antara-padang-ecp-2023", "sumber: tidak-ada", 1))
    _, problems = load_portal(project)
    found = [p for p in problems if p.path == "data/programs/ecp-sumbar.yml"]
    assert len(found) == 1 and "sumber `tidak-ada`" in found[0].message and found[0].field.endswith("sumber")


TEMPLATE_BODY = (ROOT_DIR / "src" / "portal_ekspor" / "templates" / "modul.md").read_text(encoding="utf-8").split("---\n", 2)[2]


def test_module_front_matter_and_prerequisites(project):
    module = project / "docs" / "modul" / "pemula" / "uji-modul.md"
    module.parent.mkdir(parents=True, exist_ok=True)
    module.write_text("---\ntitle: Uji\ndescription: Uji.\nlevel: dasar\nsesi: 9\ndurasi: 60\ntujuan: [x]\n"
                      "prasyarat: [modul-yang-tidak-ada]\n---\n" + TEMPLATE_BODY)
    _, problems = load_portal(project)
    found = {p.field: p for p in problems if p.path == "docs/modul/pemula/uji-modul.md"}
    assert found["level"].line == 4 and "pemula" in found["level"].message
    assert found["sesi"].line == 5
    module.write_text("---\ntitle: Uji\ndescription: Uji.\nlevel: pemula\nsesi: 1\ndurasi: 60\ntujuan: [x]\n"
                      "prasyarat:\n  - harga-ekspor\n  - modul-yang-tidak-ada\n---\n" + TEMPLATE_BODY)
    _, problems = load_portal(project)
    found = [p for p in problems if p.path == "docs/modul/pemula/uji-modul.md"]
    assert_one_problem(found, "prasyarat", "modul-yang-tidak-ada", line=10)


def test_program_cross_references_name_the_line(project):
    """A session's module and a cohort id are checked against other files, yet still point at their own line."""
    path = project / "data" / "programs" / "ecp-sumbar.yml"
    text = path.read_text(encoding="utf-8").replace(
        "    jumlah_sesi: 8\n", "    jumlah_sesi: 8\n    sesi:\n      - ke: 1\n        topik: Harga\n        modul: harga-ekspor\n"
        "      - ke: 2\n        topik: Lain\n        modul: modul-hilang\n", 1)
    path.write_text(text, encoding="utf-8")
    other = project / "data" / "programs" / "pelatihan-ekspor-lampung.yml"
    other_text = other.read_text(encoding="utf-8").replace("  - id: lampung-kelas-menengah", "  - id: ecp-sumbar-2023", 1)
    other.write_text(other_text, encoding="utf-8")
    _, problems = load_portal(project)
    assert_one_problem([p for p in problems if p.path == "data/programs/ecp-sumbar.yml"],
                       "angkatan[1].sesi[2].modul", "`modul-hilang` tidak ada", line=line_of(text, "        modul: modul-hilang"))
    assert_one_problem([p for p in problems if p.path == "data/programs/pelatihan-ekspor-lampung.yml"],
                       "angkatan[2].id", "sudah dipakai di data/programs/ecp-sumbar.yml", line=line_of(other_text, "  - id: ecp-sumbar-2023"))


def test_module_without_front_matter(project):
    (project / "docs" / "modul" / "pemula").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "modul" / "pemula" / "tanpa.md").write_text("# Judul\n\nIsi.\n")
    _, problems = load_portal(project)
    assert any(p.path == "docs/modul/pemula/tanpa.md" and "front matter" in p.message for p in problems)


def test_glossary_related_terms_must_exist(project):
    (project / "data" / "glossary.yml").write_text(
        "istilah:\n  - istilah: FOB\n    definisi: Penyerahan di atas kapal.\n    terkait: [CIF]\n")
    _, problems = load_portal(project)
    found = [p for p in problems if p.path == "data/glossary.yml"]
    assert len(found) == 1 and found[0].line == 4 and "CIF" in found[0].message


def test_every_hand_written_page_gets_a_menu_entry(project):
    from portal_ekspor.site.navigation import navigation

    (project / "docs" / "jadwal-pelatihan.md").write_text("# Jadwal\n\nIsi.\n")
    portal, _ = load_portal(project)
    flat = repr(navigation(portal))
    assert "jadwal-pelatihan.md" in flat and "Lainnya" in flat
    assert "tentang.md" in flat
    assert "panduan-staf" not in flat, "the staff guide is linked from the footer, not the participants' menu"
    for module in portal.modules:
        assert module.docs_path in flat


def test_module_without_summary_box_fails_portal_check_with_file_and_line(project):
    from conftest import run_portal

    module = project / "docs" / "modul" / "pemula" / "harga-ekspor.md"
    lines = module.read_text(encoding="utf-8").split("\n")
    start = lines.index('!!! abstract "Ringkasan"')
    end = start + 1
    while lines[end].startswith("    "):
        end += 1
    del lines[start:end + 1]
    module.write_text("\n".join(lines), encoding="utf-8")
    first_section = lines.index("## Penjelasan") + 1
    result = run_portal("check", cwd=project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    output = result.stdout + result.stderr
    assert f"docs/modul/pemula/harga-ekspor.md:{first_section}: kotak ringkasan belum ada" in output, output


def test_module_reading_time_and_summary_in_front_matter_are_redirected(project):
    module = project / "docs" / "modul" / "pemula" / "uji-modul.md"
    module.write_text("---\ntitle: Uji\ndescription: Uji.\nlevel: pemula\nsesi: 1\ndurasi: 60\ntujuan: [x]\n"
                      "prasyarat: []\nwaktu_baca: 10\nringkasan: [a, b, c]\n---\n" + TEMPLATE_BODY, encoding="utf-8")
    _, problems = load_portal(project)
    found = {p.field: p for p in problems if p.path == "docs/modul/pemula/uji-modul.md"}
    assert set(found) == {"waktu_baca", "ringkasan"}, problems.report()
    assert found["waktu_baca"].line == 9 and "dihitung otomatis" in found["waktu_baca"].message
    assert found["ringkasan"].line == 10 and '!!! abstract "Ringkasan"' in found["ringkasan"].message
