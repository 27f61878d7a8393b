"""New files from templates, so staff start from something valid."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from pathlib import Path

from .text import slugify
from .yaml_writer import dump


def module_text(title: str, level: str, session: int) -> str:
    template = (files("portal_ekspor") / "templates" / "modul.md").read_text(encoding="utf-8")
    template = template.replace("title: Judul Modul", f"title: {_yaml_str(title)}", 1)
    template = template.replace("level: pemula ", f"level: {level} ", 1)
    return template.replace("sesi: 1 ", f"sesi: {session} ", 1)


def _yaml_str(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def alumnus_text(*, name: str, legal_form: str, province: str, regency: str, sector: str, cohort: str,
                 product: str, hs_code: str, product_en: str | None = None, checked: dt.date | None = None) -> str:
    item = {"nama": product, **({"nama_en": product_en} if product_en else {}), "hs": hs_code}
    record = {
        "persetujuan": {"profil_publik": False},
        "terakhir_diperiksa": (checked or dt.date.today()).isoformat(),
        "nama_usaha": name,
        "bentuk_usaha": legal_form,
        "provinsi": province,
        "kabupaten_kota": regency,
        "sektor": sector,
        "angkatan": cohort,
        "produk": [item],
    }
    header = (
        "# Profil alumni. Belum tampil di situs sampai persetujuan.profil_publik diubah menjadi true\n"
        "# dan tanggal serta bukti persetujuan diisi. Kolom lain yang bisa ditambahkan:\n"
        "#   tujuan_ekspor, sertifikasi, ekspor_perdana, duta_ekspor, kontak, foto, cerita\n"
        "# Untuk halaman pembeli (bahasa Inggris): produk[].nama_en, cerita_en, kapasitas_produksi,\n"
        "#   pesanan_minimum, waktu_tunggu_hari, incoterms, pembayaran, bahasa\n"
        "# Lihat contoh lengkap di docs/panduan-staf/alumni.md.\n"
    )
    return header + dump(record)


def target_for_alumnus(root: Path, name: str) -> Path:
    return root / "data" / "alumni" / f"{slugify(name)}.yml"


def target_for_module(root: Path, level: str, title: str) -> Path:
    return root / "docs" / "modul" / level / f"{slugify(title)}.md"
