"""No value from an unconsented record or channel reaches any built file."""

from __future__ import annotations

import gzip
from pathlib import Path

from conftest import build
from portal_ekspor.reference.countries import country_name, flag_emoji
from portal_ekspor.repository import load_portal

HIDDEN_RECORD = """\
persetujuan:
  profil_publik: false
nama_usaha: Usaha Zqxrahasia
bentuk_usaha: ud
provinsi: Lampung
kabupaten_kota: Kota Zqxkota
sektor: agro
angkatan: lampung-kelas-pemula
produk:
  - nama: Lada Zqxproduk
    hs: "09041100"
tujuan_ekspor:
  - negara: IS
    sejak: 2024
kontak:
  email:
    alamat: zqx-email@rahasia.example
    publik: true
  whatsapp:
    nomor: "+62 811-7777-1111"
    publik: true
cerita: Cerita Zqxcerita yang tidak boleh tampil.
"""

PARTLY_PUBLIC = """\
persetujuan:
  profil_publik: true
  tanggal: 2024-02-01
nama_usaha: Keripik Sebagian Publik
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
    nomor: "+62 811-9999-4242"
    publik: false
  situs:
    alamat: https://keripik-terbuka.example
    publik: true
"""

SECRETS = ["Zqxrahasia", "Zqxkota", "Zqxproduk", "zqx-email", "Zqxcerita", "7777-1111", "81177771111",
           "zqxkontak", "9999-4242", "81199994242", country_name("GL"), flag_emoji("GL"),
           country_name("IS"), flag_emoji("IS")]


def _all_text(site: Path):
    for path in site.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            if raw[:2] == b"\x1f\x8b":  # sitemap.xml.gz and Pagefind's index files are gzip
                raw = gzip.decompress(raw)
            yield path, raw.decode("utf-8", errors="replace")


def test_unconsented_values_appear_in_no_built_file(project):
    alumni = project / "data" / "alumni"
    (alumni / "usaha-rahasia.yml").write_text(HIDDEN_RECORD)
    (alumni / "keripik-sebagian.yml").write_text(PARTLY_PUBLIC)
    portal, problems = load_portal(project)
    assert not problems, problems.report()
    hidden = [a for a in portal.alumni if not a.data.consent.public_profile]
    secrets = list(SECRETS)
    for record in hidden:  # every unconsented sample record too
        secrets.append(record.data.business_name)
        secrets.append(f"alumni/{record.slug}/")
        contacts = record.data.contacts
        secrets += [c for c in (contacts.email and contacts.email.address, contacts.website and contacts.website.address) if c]
    site = build(project)
    texts = dict(_all_text(site))
    assert any("Keripik Sebagian Publik" in t for t in texts.values()), "the consented record must be published"
    assert any("Keripik Sebagian Publik" in t for p, t in texts.items() if "cari/fragment" in str(p)), \
        "search fragments are read decompressed, so a leak there would be seen"
    assert any("keripik-terbuka.example" in t for t in texts.values()), "its consented channel must be published"
    leaks = [(secret, str(path.relative_to(site))) for path, text in texts.items() for secret in secrets if secret in text]
    assert leaks == []
    assert not (site / "alumni" / "usaha-rahasia").exists()
    profile = (site / "alumni" / "keripik-sebagian" / "index.html").read_text()
    assert "Ekspor perdana" not in profile


def test_withdrawing_consent_removes_every_trace(project):
    alumni = project / "data" / "alumni"
    (alumni / "keripik-sebagian.yml").write_text(PARTLY_PUBLIC)
    site = build(project)
    assert "Keripik Sebagian Publik" in (site / "alumni.json").read_text()
    (alumni / "keripik-sebagian.yml").write_text(PARTLY_PUBLIC.replace("profil_publik: true", "profil_publik: false"))
    site = build(project)
    leaks = [str(p.relative_to(site)) for p, t in _all_text(site) if "Keripik Sebagian" in t or "keripik-sebagian" in t]
    assert leaks == []
    (alumni / "keripik-sebagian.yml").write_text(PARTLY_PUBLIC)
    build(project)
    (alumni / "keripik-sebagian.yml").unlink()
    site = build(project)
    assert [str(p) for p, t in _all_text(site) if "Keripik Sebagian" in t] == []
