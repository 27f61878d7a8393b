"""Generate a realistic synthetic portal with N alumni and M modules.

Copies the real project skeleton (mkdocs.yml, hooks, overrides, programs,
glossary, modules) and writes N generated alumni files drawn from realistic
vocabularies, ~10% without consent, so benchmarks exercise the privacy path.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from portal_ekspor.reference.catalogues import CERTIFICATIONS, DUTA_TOPICS, LEGAL_FORMS, SECTORS
from portal_ekspor.yaml_writer import dump

ROOT = Path(__file__).resolve().parent.parent

PRODUCTS = {
    "kuliner": [("Rendang kemasan retort", "16025000"), ("Abon sapi", "16025000"), ("Sambal bawang", "21039090"),
                ("Kerupuk sanjai", "19059090"), ("Bakmi kering", "19023040")],
    "minuman": [("Kopi robusta biji", "09011110"), ("Kopi arabika sangrai", "09012110"), ("Sirup jeruk kasturi", "21069059")],
    "agro": [("Gula semut", "17011400"), ("Gambir", "13021990"), ("Kayu manis", "09061100"), ("Lada hitam", "09041110")],
    "perikanan": [("Ikan teri kering", "03055990"), ("Rumput laut kering", "12122190")],
    "kerajinan": [("Kerajinan kerang", "96019099"), ("Sapu lidi", "96031020"), ("Kerajinan logam kuningan", "83062910")],
    "mebel": [("Kursi kayu jati", "94016100"), ("Meja kayu mahoni", "94036090")],
    "fesyen": [("Kain songket", "58110090"), ("Kain tapis", "58101000"), ("Kemeja batik", "62052090")],
    "herbal": [("Minyak kayu putih", "33012990"), ("Jamu serbuk", "21069099")],
}
COHORTS = [("ecp-sumbar-2023", "Sumatera Barat", ["Kota Padang", "Kabupaten Agam", "Kabupaten Solok", "Kota Bukittinggi"]),
           ("coaching-clinic-jateng-2019", "Jawa Tengah", ["Kota Semarang", "Kabupaten Jepara", "Kabupaten Banyumas"]),
           ("klinik-ekspor-sumut", "Sumatera Utara", ["Kabupaten Karo", "Kabupaten Simalungun", "Kabupaten Deli Serdang"]),
           ("pelatihan-medan", "Sumatera Utara", ["Kota Medan"]),
           ("lampung-kelas-pemula", "Lampung", ["Kota Bandar Lampung", "Kabupaten Tanggamus"]),
           ("lampung-kelas-menengah", "Lampung", ["Kabupaten Lampung Barat"]),
           ("lampung-kelas-mahir", "Lampung", ["Kota Metro"])]
COUNTRIES = ["MY", "SG", "SA", "AE", "NL", "DE", "US", "JP", "AU", "CN", "KR", "TW", "HK", "BN", "EG", "KH", "CZ",
             "HU", "AR", "CL", "TR", "GB", "FR", "IT", "QA", "NZ", "CA", "PH", "TH", "VN"]
WORDS = ["Jaya", "Makmur", "Sentosa", "Abadi", "Lestari", "Mandiri", "Berkah", "Sejahtera", "Nusantara", "Prima",
         "Sari", "Indah", "Karya", "Tani", "Rasa", "Minang", "Andalas", "Bahari", "Mulia", "Cipta"]


def alumnus(i: int, rng: random.Random) -> dict:
    cohort, province, regencies = rng.choice(COHORTS)
    sector = rng.choice(list(SECTORS))
    products = rng.sample(PRODUCTS[sector], k=min(len(PRODUCTS[sector]), rng.randint(1, 3)))
    name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i}"
    record: dict = {
        "persetujuan": {"profil_publik": rng.random() > 0.1, "tanggal": "2024-03-01"},
        "nama_usaha": name,
        "bentuk_usaha": rng.choice(list(LEGAL_FORMS)),
        "provinsi": province,
        "kabupaten_kota": rng.choice(regencies),
        "sektor": sector,
        "angkatan": cohort,
        "produk": [{"nama": n, "hs": hs} for n, hs in products],
        "tujuan_ekspor": [{"negara": c, "sejak": rng.randint(2019, 2025)} for c in rng.sample(COUNTRIES, rng.randint(1, 4))],
        "sertifikasi": rng.sample(list(CERTIFICATIONS), rng.randint(0, 3)),
        "ekspor_perdana": {"tahun": rng.randint(2019, 2025), "negara": rng.choice(COUNTRIES), "publik": rng.random() > 0.3},
        "duta_ekspor": {"bersedia": rng.random() > 0.5, "topik": rng.sample(list(DUTA_TOPICS), 2)},
        "kontak": {
            "email": {"alamat": f"info{i}@usaha-{i}.example", "publik": rng.random() > 0.3},
            "whatsapp": {"nomor": f"+62 812-{i // 10000:04d}-{i % 10000:04d}", "publik": rng.random() > 0.5},
        },
        "cerita": (f"{name} mulai mengekspor {products[0][0].lower()} setelah mengikuti program pendampingan. "
                   f"Pengiriman pertama sebanyak {rng.randint(1, 20) * 100} kg ke **{record_country(rng)}**.\n"),
    }
    return record


def record_country(rng: random.Random) -> str:
    return rng.choice(["Malaysia", "Singapura", "Belanda", "Jepang", "Arab Saudi"])


def generate(target: Path, alumni: int, modules: int | None = None, seed: int = 2026) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in ("mkdocs.yml", "hooks", "overrides", "docs"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / part)
    (target / "data" / "alumni").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "programs", target / "data" / "programs")
    if (ROOT / "data" / "glossary.yml").exists():
        shutil.copy2(ROOT / "data" / "glossary.yml", target / "data" / "glossary.yml")
    if modules is not None:
        existing = sorted((target / "docs" / "modul").rglob("*.md"))
        existing = [p for p in existing if p.name != "index.md"]
        for extra in existing[modules:]:
            extra.unlink()
    rng = random.Random(seed)
    alumni_dir = target / "data" / "alumni"
    for i in range(alumni):
        (alumni_dir / f"alumni-{i:05d}.yml").write_text(dump(alumnus(i, rng)), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Buat portal sintetis untuk tolok ukur.")
    parser.add_argument("target", type=Path)
    parser.add_argument("--alumni", type=int, default=1000)
    parser.add_argument("--modul", type=int, default=None)
    args = parser.parse_args()
    generate(args.target, args.alumni, args.modul)
    print(f"{args.alumni} alumni ditulis ke {args.target}")


if __name__ == "__main__":
    main()
