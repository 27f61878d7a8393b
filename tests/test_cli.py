"""The `portal` command as staff use it: exit codes, messages, files written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, build, run_portal


def test_help_is_indonesian(project):
    result = run_portal("--help", cwd=project)
    assert result.returncode == 0
    assert "Penggunaan:" in result.stdout and "tampilkan bantuan" in result.stdout
    assert "usage:" not in result.stdout and "show this help" not in result.stdout
    for command in ("check", "build", "new", "import", "schema"):
        assert command in result.stdout
    sub = run_portal("import", "--help", cwd=project)
    assert "Penggunaan:" in sub.stdout and "--timpa" in sub.stdout


def test_usage_errors_are_indonesian(project):
    result = run_portal("new", cwd=project)
    assert result.returncode == 2
    assert "wajib diisi" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("argv,indonesian", [
    (["--folder"], "argumen --folder: perlu satu nilai"),
    (["server", "status", "--log"], "argumen --log: perlu satu nilai"),
    (["new", "modul", "--sesi", "dua"], "argumen --sesi: bukan bilangan bulat: 'dua'"),
    (["new", "foto"], "pilihan tidak valid: 'foto'"),
    (["check", "--rinci"], "argumen tidak dikenal: --rinci"),
    (["new", "alumni", "--s", "x"], "opsi tidak jelas: --s bisa berarti --sektor, --sesi"),
])
def test_every_usage_error_is_fully_indonesian(capsys, argv, indonesian):
    from portal_ekspor.cli.main import EXIT_USAGE, build_parser

    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(argv)
    assert stopped.value.code == EXIT_USAGE
    error = capsys.readouterr().err.splitlines()[-1]
    assert indonesian in error, error
    assert not {"argument", "expected", "invalid", "value", "match"} & set(error.replace(":", " ").split()), error


def test_check_passes_on_sample(project):
    result = run_portal("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Semua data valid" in result.stdout


def test_check_reports_every_problem_with_file_and_line(project, valid_alumnus_text):
    alumni = project / "data" / "alumni"
    (alumni / "a.yml").write_text(valid_alumnus_text.replace("provinsi: Sumatera Barat", "provinsi: Sumbar"))
    (alumni / "b.yml").write_text(valid_alumnus_text + "nik: \"1234567890123456\"\n")
    (alumni / "c.yml").write_bytes(b"nama_usaha: Caf\xe9\n")
    result = run_portal("check", cwd=project)
    assert result.returncode == 1
    assert "data/alumni/a.yml:6: provinsi:" in result.stderr
    assert "data/alumni/b.yml:21: nik:" in result.stderr
    assert "data/alumni/c.yml:1:" in result.stderr and "UTF-8" in result.stderr
    assert "Ditemukan 3 masalah" in result.stderr
    assert "Traceback" not in result.stderr


def test_failed_build_keeps_published_site(project, valid_alumnus_text):
    site = build(project)
    before = (site / "index.html").read_bytes()
    (project / "data" / "alumni" / "rusak.yml").write_text("nama_usaha: [\n")
    result = run_portal("build", "--keluaran", str(site), cwd=project)
    assert result.returncode == 1
    assert "situs yang sudah ada tidak diubah" in result.stderr
    assert (site / "index.html").read_bytes() == before
    assert not list(site.parent.glob(".site.baru-*")), "no half-built folder is left behind"


def test_failed_mkdocs_build_keeps_published_site(project):
    site = build(project)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    # Valid data, but a broken link: MkDocs --strict fails after starting to write.
    (project / "docs" / "program" / "index.md").write_text("---\ntitle: x\n---\n\n[rusak](tidak-ada.md)\n")
    result = run_portal("build", "--keluaran", str(site), cwd=project)
    assert result.returncode == 1
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_new_alumni_creates_valid_unpublished_file(project):
    result = run_portal("new", "alumni", "Sambal Bu Tini", "--angkatan", "coaching-clinic-jateng-2019", "--bentuk", "ud",
                        "--kabupaten", "Kota Semarang", "--sektor", "kuliner", "--produk", "Sambal bawang", "--hs", "21039090",
                        cwd=project)
    assert result.returncode == 0, result.stderr
    path = project / "data" / "alumni" / "sambal-bu-tini.yml"
    text = path.read_text()
    assert "profil_publik: false" in text and "provinsi: \"Jawa Tengah\"" in text
    assert run_portal("check", cwd=project).returncode == 0
    again = run_portal("new", "alumni", "Sambal Bu Tini", "--angkatan", "coaching-clinic-jateng-2019", "--bentuk", "ud",
                       "--kabupaten", "x", "--sektor", "kuliner", "--produk", "x", "--hs", "2103", cwd=project)
    assert again.returncode == 1 and "tidak ditimpa" in again.stderr
    assert path.read_text() == text


def test_new_alumni_without_terminal_asks_for_options(project):
    result = run_portal("new", "alumni", "Tanpa Opsi", cwd=project, input="")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert not (project / "data" / "alumni" / "tanpa-opsi.yml").exists()


def test_new_module_is_valid(project):
    result = run_portal("new", "modul", "Ekspor Lewat E-Commerce", "--tingkat", "mahir", "--sesi", "8", cwd=project)
    assert result.returncode == 0, result.stderr
    path = project / "docs" / "modul" / "mahir" / "ekspor-lewat-e-commerce.md"
    assert "level: mahir" in path.read_text()
    assert run_portal("check", cwd=project).returncode == 0


CSV_HEADER = ("Cap waktu,nama_usaha,bentuk_usaha,provinsi,kabupaten_kota,sektor,angkatan,produk,kode_hs,negara_tujuan,sejak,"
              "sertifikasi,email,email_publik,whatsapp,whatsapp_publik,persetujuan_profil_publik,tanggal_persetujuan\n")


def test_import_csv_writes_valid_rows_and_reports_bad_ones(project):
    csv_path = project / "formulir.csv"
    csv_path.write_text(
        CSV_HEADER
        + "2024/01/01,Gula Semut Sari Aren,ud,Jawa Tengah,Kabupaten Banyumas,agro,coaching-clinic-jateng-2019,"
          "Gula semut; Gula aren cetak,17011400; 17019990,NL; DE,2020; 2021,organik; halal,info@gula.example,ya,0812000011,tidak,ya,2024-01-01\n"
        + "2024/01/02,Abon Salah,ud,Jateng,Kota Semarang,kuliner,coaching-clinic-jateng-2019,Abon,160250,MY,,halal,,,,,ya,\n"
        + "2024/01/03,Kopi NO,cv,Lampung,Kabupaten Tanggamus,minuman,lampung-kelas-pemula,Kopi robusta,09011110,NO,2024,,,,,,tidak,\n",
        encoding="utf-8")
    result = run_portal("import", str(csv_path), cwd=project)
    assert result.returncode == 1
    assert "formulir.csv:3: provinsi:" in result.stderr
    alumni = project / "data" / "alumni"
    assert (alumni / "gula-semut-sari-aren.yml").exists()
    assert not (alumni / "abon-salah.yml").exists(), "a row with problems writes nothing"
    kopi = (alumni / "kopi-no.yml").read_text()
    assert 'negara: "NO"' in kopi and 'hs: "09011110"' in kopi
    gula = (alumni / "gula-semut-sari-aren.yml").read_text()
    assert 'nomor: "0812000011"' in gula
    assert run_portal("check", cwd=project).returncode == 0
    # A second import never overwrites silently.
    (alumni / "gula-semut-sari-aren.yml").write_text(gula + "# disunting staf\n")
    again = run_portal("import", str(csv_path), cwd=project)
    assert "sudah ada, tidak ditimpa" in again.stderr
    assert (alumni / "gula-semut-sari-aren.yml").read_text().endswith("# disunting staf\n")


def test_import_refuses_personal_data_columns(project):
    csv_path = project / "nik.csv"
    csv_path.write_text(CSV_HEADER.strip() + ",NIK\n" + ",A,ud,Lampung,Kota Metro,agro,lampung-kelas-pemula,Lada,0904,,,,,,,,ya,,317100\n")
    result = run_portal("import", str(csv_path), cwd=project)
    assert result.returncode == 1 and "UU 27/2022" in result.stderr
    assert not (project / "data" / "alumni" / "a.yml").exists()


# One value for every column of the import template, as staff would type them.
FULL_ROW = {
    "nama_usaha": "Kopi Templat Lengkap", "bentuk_usaha": "cv", "provinsi": "Lampung",
    "kabupaten_kota": "Kabupaten Tanggamus", "sektor": "minuman", "angkatan": "lampung-kelas-pemula",
    "produk": "Kopi robusta; Kopi luwak", "kode_hs": "09011110; 09011190", "negara_tujuan": "MY; JP",
    "sejak": "2022; 2023", "sertifikasi": "halal; organik", "ekspor_perdana_tahun": "2022",
    "ekspor_perdana_negara": "MY", "ekspor_perdana_publik": "ya", "duta_ekspor": "ya", "topik_duta": "kemasan",
    "email": "info@templat.example", "email_publik": "ya", "situs": "https://templat.example", "situs_publik": "tidak",
    "whatsapp": "+62 812-1111-2222", "whatsapp_publik": "ya", "persetujuan_profil_publik": "ya",
    "tanggal_persetujuan": "2024-01-02", "bukti_persetujuan": "Formulir arsip dinas", "cerita": "Cerita kopi templat.",
    "produk_en": "Robusta coffee; Civet coffee", "cerita_en": "A coffee story.", "kapasitas_produksi": "2,5",
    "kapasitas_produksi_satuan": "ton", "pesanan_minimum": "1.500", "pesanan_minimum_satuan": "kg",
    "waktu_tunggu_hari": "21", "incoterms": "FOB; CIF", "pembayaran": "tt-uang-muka", "bahasa": "id; en",
    "sertifikat_nomor": "ID123; ", "sertifikat_berlaku_sampai": "2027-01-31; ", "terakhir_diperiksa": "2024-05-01",
}


def test_import_template_header_round_trips(project):
    """The header `--contoh` prints is exactly the importer's columns, and a row under it imports in full."""
    import csv as csvmod

    from portal_ekspor.csv_import import COLUMNS
    from portal_ekspor.repository import load_valid_portal

    header = run_portal("import", "--contoh", cwd=project).stdout
    columns = next(csvmod.reader([header.strip()]))
    assert columns == list(COLUMNS)
    assert set(FULL_ROW) == set(columns), "the test fills every column of the template"
    path = project / "templat.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csvmod.writer(f)
        writer.writerow(columns)
        writer.writerow([FULL_ROW[c] for c in columns])
    result = run_portal("import", str(path), cwd=project)
    assert result.returncode == 0, result.stderr
    record = {r.slug: r for r in load_valid_portal(project).alumni}["kopi-templat-lengkap"].data
    assert [(p.name, p.hs_code, p.name_en) for p in record.products] == [
        ("Kopi robusta", "09011110", "Robusta coffee"), ("Kopi luwak", "09011190", "Civet coffee")]
    assert [(d.country, d.since) for d in record.destinations] == [("MY", 2022), ("JP", 2023)]
    assert [(c.kind, c.number, str(c.valid_until) if c.valid_until else None) for c in record.certifications] == [
        ("halal", "ID123", "2027-01-31"), ("organik", None, None)]
    assert (record.first_export.year, record.first_export.country, record.first_export.public) == (2022, "MY", True)
    assert record.ambassador.available and record.ambassador.topics == ["kemasan"]
    c = record.contacts
    assert (c.email.address, c.email.public, c.website.public, c.whatsapp.number, c.whatsapp.public) == (
        "info@templat.example", True, False, "+62 812-1111-2222", True)
    assert (record.consent.public_profile, str(record.consent.date), record.consent.evidence) == (
        True, "2024-01-02", "Formulir arsip dinas")
    assert record.story.strip() == "Cerita kopi templat." and record.story_en.strip() == "A coffee story."
    assert (record.capacity.amount, record.capacity.unit) == (2.5, "ton")
    assert (record.minimum_order.amount, record.minimum_order.unit) == (1500, "kg")
    assert (record.lead_time_days, record.incoterms, record.payment_terms, record.languages) == (
        21, ["FOB", "CIF"], ["tt-uang-muka"], ["id", "en"])
    assert str(record.last_checked) == "2024-05-01"


def _import_bytes(project, raw: bytes, name: str = "excel.csv"):
    path = project / name
    path.write_bytes(raw)
    return run_portal("import", str(path), cwd=project)


SPREADSHEET_ROWS = [
    ["nama_usaha", "bentuk_usaha", "provinsi", "kabupaten_kota", "sektor", "angkatan", "produk", "kode_hs",
     "negara_tujuan", "persetujuan_profil_publik", "kapasitas_produksi", "kapasitas_produksi_satuan", "cerita"],
    ["Keripik Excel Titik Koma", "ud", "Lampung", "Kota Metro", "kuliner", "lampung-kelas-pemula",
     "Keripik pisang; Keripik nangka", "20089990; 20089990", "MY; SG", "ya", "1.250,5", "kg",
     "Baris pertama,\r\nbaris kedua; " + ", ".join("abcdefghijklmnopqrstuvwxyz" * 2) + "."],
]


def _spreadsheet_csv(delimiter: str, bom: bool, newline: str) -> bytes:
    import csv as csvmod
    import io

    buffer = io.StringIO()
    writer = csvmod.writer(buffer, delimiter=delimiter, lineterminator=newline)
    for row in SPREADSHEET_ROWS:
        writer.writerow(row)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize("delimiter, bom, newline", [
    (";", True, "\r\n"),   # Excel in an Indonesian locale: "CSV UTF-8", semicolons, Windows line ends
    (";", False, "\r\n"),
    (",", True, "\r\n"),   # Excel in an English locale
    (",", False, "\n"),     # Google Sheets / LibreOffice
    ("\t", False, "\n"),    # copied from a sheet as tab-separated text
], ids=["semicolon-bom-crlf", "semicolon-crlf", "comma-bom-crlf", "comma-lf", "tab"])
def test_import_reads_what_spreadsheets_save(project, delimiter, bom, newline):
    from portal_ekspor.repository import load_valid_portal

    result = _import_bytes(project, _spreadsheet_csv(delimiter, bom, newline))
    assert result.returncode == 0, result.stderr
    record = {r.slug: r for r in load_valid_portal(project).alumni}["keripik-excel-titik-koma"].data
    assert record.business_name == "Keripik Excel Titik Koma"
    assert [p.name for p in record.products] == ["Keripik pisang", "Keripik nangka"]
    assert [d.country for d in record.destinations] == ["MY", "SG"]
    assert record.capacity.amount == 1250.5, "decimal comma and thousands dot as Indonesian Excel writes them"
    # More commas in the cells than separators in the file: only the header tells the separator.
    assert record.story == "Baris pertama,\nbaris kedua; " + ", ".join("abcdefghijklmnopqrstuvwxyz" * 2) + ".\n", \
        "CRLF inside a cell becomes LF"


@pytest.mark.parametrize("raw, expected", [
    ("nama_usaha;bentuk_usaha,provinsi\nA;ud,Lampung\n".encode(), "excel.csv:1: pemisah kolom tidak bisa ditentukan"),
    ("Nama;Alamat;Usia\nA;B;C\n".encode(), "excel.csv:1: baris judul tidak berisi satu pun nama kolom yang dikenal"),
    ("nama_usaha;bentuk_usaha\nCaf\xe9;ud\n".encode("latin-1"), "excel.csv:2: file bukan teks UTF-8"),
], ids=["mixed-separators", "no-known-column", "ansi-encoding"])
def test_import_says_in_indonesian_when_it_cannot_read_the_file(project, raw, expected):
    result = _import_bytes(project, raw)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (project / "data" / "alumni").glob("*.yml")) == sorted(
        p.name for p in (ROOT / "data" / "alumni").glob("*.yml"))


@pytest.mark.parametrize("cell, whole, amount", [
    ("1500", 1500, 1500),
    ("1.500", 1500, 1500),           # Indonesian thousands dot
    ("1.000.000", 1_000_000, 1_000_000),
    ("1 500", 1500, 1500),           # grouped with a space, as some locales save
    ("2,5", "bukan bilangan bulat", 2.5),
    ("1.250,5", "bukan bilangan bulat", 1250.5),
    ("0,250", "bukan bilangan bulat", 0.25),
    ("1.5", "bukan bilangan bulat", 1.5),     # a dot with one digit after it can only be a decimal point
    ("1,250.5", "bukan bilangan bulat", 1250.5),  # English notation, one reading only
    ("1,500", "tidak jelas", "tidak jelas"),  # 1.500 the English way, or 1,5 with trailing zeros
    ("21 hari", "21 hari", "21 hari"),        # no number: left to the validator, which names the field
])
def test_spreadsheet_numbers_per_column_type(cell, whole, amount):
    from portal_ekspor.csv_numbers import NumberProblem, parse_amount, parse_whole

    for parse, expected in ((parse_whole, whole), (parse_amount, amount)):
        if isinstance(expected, str) and expected in ("bukan bilangan bulat", "tidak jelas"):
            with pytest.raises(NumberProblem) as problem:
                parse(cell)
            assert expected in str(problem.value)
        else:
            got = parse(cell)
            assert got == expected and type(got) is type(expected), (parse.__name__, cell, got)


def test_import_refuses_numbers_it_cannot_read_one_way_and_names_both_readings(project):
    rows = [SPREADSHEET_ROWS[0] + ["pesanan_minimum", "pesanan_minimum_satuan", "waktu_tunggu_hari"]]
    cells = [("Keripik Koma Ribuan", "1,500", "14"), ("Keripik Hari Pecahan", "1.500", "2,5"),
             ("Keripik Jelas", "1.500", "21")]
    for name, order, days in cells:
        rows.append([name, *SPREADSHEET_ROWS[1][1:10], "2,5", "ton", "", order, "kg", days])
    import csv as csvmod
    import io

    buffer = io.StringIO()
    csvmod.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    result = _import_bytes(project, b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    assert result.returncode == 1
    assert ("excel.csv:2: pesanan_minimum: angka `1,500` tidak jelas: bisa dibaca 1.500 (koma sebagai pemisah "
            "ribuan, cara Inggris) atau 1,5 (koma desimal)") in result.stderr
    assert "excel.csv:3: waktu_tunggu_hari: `2,5` bukan bilangan bulat" in result.stderr
    assert "excel.csv:4" not in result.stderr and "Traceback" not in result.stderr
    alumni = project / "data" / "alumni"
    assert not (alumni / "keripik-koma-ribuan.yml").exists() and not (alumni / "keripik-hari-pecahan.yml").exists()
    from portal_ekspor.repository import load_valid_portal

    clear = {r.slug: r for r in load_valid_portal(project).alumni}["keripik-jelas"].data
    assert (clear.minimum_order.amount, clear.capacity.amount, clear.lead_time_days) == (1500, 2.5, 21)


def test_schema_files_validate_sample_data(project):
    import json

    import jsonschema
    import yaml

    result = run_portal("schema", cwd=project)
    assert result.returncode == 0
    schema = json.loads((project / "schema" / "alumni.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    for path in (project / "data" / "alumni").glob("*.yml"):
        data = yaml.load(path.read_text(), Loader=yaml.BaseLoader)  # all strings: check names and structure only
        errors = [e for e in validator.iter_errors(data) if e.validator in ("additionalProperties", "required", "enum")]
        assert errors == [], (path, errors[:3])
    bad = {"nama_usaha": "x", "provinsi": "Sumbar", "tak_dikenal": 1}
    kinds = {e.validator for e in validator.iter_errors(bad)}
    assert {"additionalProperties", "required", "enum"} <= kinds


def test_publishing_build_warns_loudly_about_the_local_address_and_is_web_readable(project, tmp_path):
    site = tmp_path / "situs"
    result = run_portal("build", "--keluaran", str(site), cwd=project, env={"PORTAL_SITE_URL": ""})
    assert result.returncode == 0, result.stderr
    assert "PERINGATAN: alamat publik situs masih http://127.0.0.1:8000/" in result.stderr
    assert "site_url di mkdocs.yml" in result.stderr
    modes = {oct(p.stat().st_mode & 0o777) for p in [site, *site.rglob("*")] if p.is_dir()}
    assert modes == {"0o755"}
    modes = {oct(p.stat().st_mode & 0o777) for p in site.rglob("*") if p.is_file()}
    assert modes == {"0o644"}


def test_publishing_build_with_a_real_address_is_quiet_and_uses_it(project, tmp_path):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('site_url: !ENV [PORTAL_SITE_URL, "http://127.0.0.1:8000/"]',
                                   "site_url: https://ekspor.contoh.go.id/"), encoding="utf-8")
    site = tmp_path / "situs"
    result = run_portal("build", "--keluaran", str(site), cwd=project, env={"PORTAL_SITE_URL": ""})
    assert result.returncode == 0, result.stderr
    assert "PERINGATAN" not in result.stderr
    assert '<link rel="canonical" href="https://ekspor.contoh.go.id/alumni/rendang-uni-sari/"' in \
        (site / "alumni" / "rendang-uni-sari" / "index.html").read_text(encoding="utf-8")
    assert "https://ekspor.contoh.go.id/alumni/rendang-uni-sari/" in (site / "alumni.csv").read_text(encoding="utf-8-sig")
