"""The `portal` command as staff use it: exit codes, messages, files written."""

from __future__ import annotations

from pathlib import Path

from conftest import build, run_portal


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


def test_import_template_header_round_trips(project):
    header = run_portal("import", "--contoh", cwd=project).stdout
    assert header.startswith("nama_usaha,")


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
