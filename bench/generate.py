"""Generate a realistic synthetic portal with N alumni and M modules.

Copies the real project skeleton (mkdocs.yml, hooks, overrides, programs,
glossary, modules) and writes N generated alumni files drawn from realistic
vocabularies, ~10% without consent, so benchmarks exercise the privacy path.
Stories recombine sentences of the bundled sample stories of the same sector,
products are sample product names with qualifiers, and every profile names a
founder-style brand and a village made of syllables, plus a few words from the
modules: the vocabulary grows with N as a real portal's does, so search index
and word-list sizes at 20,000 profiles are honest.

With ``--modul M`` the portal has exactly M modules: real modules first (the
surplus dropped), then synthetic ~440-word modules that follow the module
template (every required section, checklist, quiz with hidden answers) and
use glossary terms, so glossary linking is exercised. Synthetic modules take
first the paths (and #anchors) the kept real modules link to or name as
prerequisites, then the slugs the glossary points at, so real cross-links and
the real glossary stay valid; when the glossary still names a missing module
(or with ``--tanpa-glosarium``) the copy's data/glossary.yml is deleted and a
line says so. ``--hanya-sintetis`` ignores the real modules (useful while they
are being written and may not pass `portal check`).
"""

from __future__ import annotations

import argparse
import random
import re
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
QUALIFIERS = ["kering", "bubuk", "premium", "organik", "kemasan vakum", "sortiran", "olahan", "asli", "pilihan",
              "kualitas ekspor", "dalam kaleng", "beku", "curah", "kemasan pouch", "khas daerah", "tanpa pengawet",
              "hasil fermentasi", "grade A", "ukuran besar", "siap saji", "buatan tangan", "motif tradisional"]
# Syllables for place and family names: real portals carry thousands of distinct
# names (villages, founders, brands), so the vocabulary grows with the alumni.
ONSETS = ["b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "ng", "p", "r", "s", "t", "w", "y", "br", "tr", "kr"]
NUCLEI = ["a", "a", "i", "u", "e", "o", "ua", "ai", "au"]
CODAS = ["", "", "", "n", "ng", "k", "r", "s", "t", "h", "m"]
PLACE_HEADS = ["Desa", "Nagari", "Jorong", "Kampung", "Dusun", "Kecamatan", "Pekon", "Huta", "Kelurahan"]


def proper_noun(rng: random.Random) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS)
                   for _ in range(rng.randint(2, 3))).capitalize()


def _sample_alumni() -> list[dict]:
    """The bundled sample alumni: their stories and products are the pool the
    generator recombines, so generated text reads like what staff write."""
    import yaml

    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / "alumni").glob("*.yml"))]


def _module_words() -> list[str]:
    words: set[str] = set()
    for path in sorted((ROOT / "docs" / "modul").rglob("*.md")):
        words.update(w for w in re.findall(r"[a-z]{5,}", path.read_text(encoding="utf-8").lower()))
    return sorted(words)


class _Pool:
    """Vocabulary drawn from the sample portal, loaded once per process."""
    _loaded = None

    @classmethod
    def get(cls):
        if cls._loaded is None:
            samples = _sample_alumni()
            sentences, products = {}, {}
            for rec in samples:
                story = " ".join((rec.get("cerita") or "").split())
                name = rec.get("nama_usaha", "")
                # Keyed by sector and province: a regional product ("Kopi Sidikalang",
                # "songket Pandai Sikek") and its story stay in their own province.
                key = (rec.get("sektor"), rec.get("provinsi"))
                for sentence in re.split(r"(?<=[.!?])\s+", story):
                    if sentence and name:
                        sentences.setdefault(key, []).append(sentence.replace(name, "{nama}"))
                for prod in rec.get("produk") or []:
                    products.setdefault(key, []).append((prod["nama"], str(prod["hs"]), prod.get("nama_en")))
            cls._loaded = (sentences, products, _module_words())
        return cls._loaded


def story(name: str, sector: str, province: str, product: str, place: str, rng: random.Random) -> str:
    """One sentence about this business's product and village, two to four
    sentences from sample stories of the same sector (its name put in), of the
    same province when there are enough, and one drawn from the modules' vocabulary."""
    by_key, _, module_words = _Pool.get()
    same = by_key.get((sector, province), [])
    pool = same if len(same) >= 2 else (
        [s for (sec, _), group in by_key.items() if sec == sector for s in group]
        or [s for group in by_key.values() for s in group])
    picked = [s.replace("{nama}", name) for s in rng.sample(pool, min(len(pool), rng.randint(2, 4)))]
    lead = (f"{name} mengolah {product.lower()} di {place} bersama {rng.randint(3, 40)} pekerja dari "
            f"{rng.choice(PLACE_HEADS).lower()} sekitar.")
    topic = ", ".join(rng.sample(module_words, 4))
    tail = f"Selama pendampingan, pemiliknya mendalami {topic}."
    return " ".join([lead, *picked, tail]) + "\n"


def _products(sector: str, province: str, rng: random.Random) -> list[tuple[str, str, str | None]]:
    """Generic products of the sector and sample products of the same sector and province."""
    _, sample_products, _ = _Pool.get()
    pool = [(n, hs, None) for n, hs in PRODUCTS.get(sector, [])] + sample_products.get((sector, province), [])
    chosen = rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))
    out = []
    for name, hs, name_en in chosen:
        qualifier = rng.choice(QUALIFIERS) if rng.random() < 0.5 else ""
        if qualifier and not set(qualifier.lower().split()) & set(name.lower().split()):  # never "kemasan kemasan"
            name = f"{name} {qualifier}"
        out.append((name, hs, name_en))
    return out


def alumnus(i: int, rng: random.Random) -> dict:
    cohort, province, regencies = rng.choice(COHORTS)
    sector = rng.choice(list(SECTORS))
    products = _products(sector, province, rng)
    name = f"{rng.choice(WORDS)} {proper_noun(rng)} {i}"
    place = f"{rng.choice(PLACE_HEADS)} {proper_noun(rng)}"
    record: dict = {
        "persetujuan": {"profil_publik": rng.random() > 0.1, "tanggal": "2024-03-01"},
        "nama_usaha": name,
        "bentuk_usaha": rng.choice(list(LEGAL_FORMS)),
        "provinsi": province,
        "kabupaten_kota": rng.choice(regencies),
        "sektor": sector,
        "angkatan": cohort,
        "produk": [{"nama": n, "hs": hs} for n, hs, _ in products],
        "tujuan_ekspor": [{"negara": c, "sejak": rng.randint(2019, 2025)} for c in rng.sample(COUNTRIES, rng.randint(1, 4))],
        "sertifikasi": rng.sample(list(CERTIFICATIONS), rng.randint(0, 3)),
        "ekspor_perdana": {"tahun": rng.randint(2019, 2025), "negara": rng.choice(COUNTRIES), "publik": rng.random() > 0.3},
        "duta_ekspor": {"bersedia": rng.random() > 0.5, "topik": rng.sample(list(DUTA_TOPICS), 2)},
        "kontak": {
            "email": {"alamat": f"info{i}@usaha-{i}.example", "publik": rng.random() > 0.3},
            "whatsapp": {"nomor": f"+62 812-{i // 10000:04d}-{i % 10000:04d}", "publik": rng.random() > 0.5},
        },
        "cerita": story(name, sector, province, products[0][0], place, rng),
        "terakhir_diperiksa": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
    }
    if rng.random() < 0.6:  # buyer facts, as staff fill them in over time
        record["produk"] = [{"nama": n, "nama_en": en or f"{n} (export grade)", "hs": hs} for n, hs, en in products]
        record["kapasitas_produksi"] = {"jumlah": rng.randint(1, 50) * 100, "satuan": "kg"}
        record["pesanan_minimum"] = {"jumlah": rng.randint(1, 10) * 50, "satuan": "kg"}
        record["waktu_tunggu_hari"] = rng.randint(7, 60)
        record["incoterms"] = rng.sample(["EXW", "FOB", "CIF", "CFR", "DAP"], rng.randint(1, 3))
        record["pembayaran"] = rng.sample(["tt-dimuka", "tt-uang-muka", "lc", "dp"], rng.randint(1, 2))
        record["bahasa"] = ["id", "en"]
        if rng.random() < 0.5:
            record["cerita_en"] = (f"{name} exports {products[0][0].lower()} after completing the export coaching "
                                   f"programme. The first shipment was {rng.randint(1, 20) * 100} kg.\n")
    return record


def record_country(rng: random.Random) -> str:
    return rng.choice(["Malaysia", "Singapura", "Belanda", "Jepang", "Arab Saudi"])


MODULE_WORDS = 440
LEVELS = ("pemula", "menengah", "mahir")
TOPICS = ["Kesiapan ekspor", "Legalitas ekspor", "Kode HS dan lartas", "Harga ekspor", "Incoterms 2020",
          "Metode pembayaran", "Dokumen ekspor", "Kepabeanan ekspor", "Surat keterangan asal", "Sertifikasi produk",
          "Kemasan dan label", "Riset pasar", "Mencari buyer", "Korespondensi dan proforma", "Negosiasi dan kontrak",
          "Pameran dan pemasaran digital", "Pembiayaan dan asuransi", "Regulasi negara tujuan", "Rencana ekspor perdana",
          "Devisa, pajak dan risiko", "Merek dan repeat order", "Logistik laut", "Kiriman udara", "Sampel produk",
          "Kontrol mutu", "Kapasitas produksi", "Sertifikat halal", "Perjanjian dagang", "Data perdagangan"]
SENTENCES = [
    "Sebelum mengirim penawaran harga, hitung HPP per karton dengan teliti agar harga FOB tidak merugikan usaha.",
    "Buyer dari Malaysia biasanya meminta sampel dan daftar harga dalam dolar sebelum memesan MOQ pertama.",
    "Pastikan NIB dan NPWP usaha sudah aktif di OSS karena keduanya diminta saat mengurus PEB di CEISA.",
    "Kode HS yang tepat menentukan tarif bea masuk di negara tujuan dan apakah produk terkena lartas.",
    "Dengan FOB, penjual menanggung biaya sampai barang dimuat ke kapal di pelabuhan muat, misalnya Teluk Bayur.",
    "Pada CIF, penjual juga membayar ongkos kapal dan asuransi kargo sampai pelabuhan tujuan.",
    "Freight forwarder membantu memesan ruang kapal, mengurus stuffing kontainer dan menerbitkan Bill of Lading.",
    "Untuk kiriman kecil, LCL lebih hemat daripada FCL karena biaya dibagi dengan pengirim lain.",
    "SKA atau Form D membuat pembeli di negara ASEAN membayar bea masuk lebih rendah berkat ATIGA.",
    "Pembayaran T/T di muka paling aman bagi eksportir pemula, sedangkan L/C cocok untuk nilai transaksi besar.",
    "Commercial invoice dan packing list harus sama persis dengan isi kontainer dan data di PEB.",
    "Produk pangan olahan sering memerlukan izin edar BPOM dan sertifikat halal dari BPJPH.",
    "Shelf life yang panjang memudahkan distributor di Timur Tengah menyimpan stok sebelum dijual.",
    "Gunakan Trade Map untuk melihat negara mana yang paling banyak mengimpor produk dengan kode HS yang sama.",
    "Atase Perdagangan dan ITPC dapat mempertemukan usaha Anda dengan importir melalui business matching.",
    "Pameran dagang seperti Trade Expo Indonesia memberi kesempatan bertemu buyer langsung dan mengumpulkan inquiry.",
    "Tuliskan shipping mark yang jelas pada setiap karton agar consignee mudah memeriksa barang di gudangnya.",
    "Catat ETD dan ETA kapal, lalu kabari buyer begitu Bill of Lading terbit supaya pembayaran tidak tertunda.",
    "Asuransi kargo melindungi nilai barang bila kontainer rusak atau hilang selama pelayaran.",
    "Risiko kurs dapat dikurangi dengan menyepakati harga dalam mata uang yang sama dengan biaya utama usaha.",
    "DHE dari ekspor wajib masuk melalui bank di dalam negeri dan dilaporkan sesuai ketentuan yang berlaku.",
    "Daftarkan merek di dalam negeri dan, bila perlu, di negara tujuan sebelum produk dikenal luas.",
    "Repeat order datang dari mutu yang konsisten, pengiriman tepat waktu dan komunikasi yang cepat.",
    "LPEI menyediakan pembiayaan dan penjaminan bagi UMKM yang sudah memiliki kontrak penjualan.",
    "Rencana ekspor yang baik memuat target pasar, kapasitas produksi, harga, jadwal dan anggaran promosi.",
    "Purchase order dari buyer sebaiknya dibalas dengan proforma invoice yang mencantumkan Incoterms dan jadwal kirim.",
    "Eksportir produsen yang memenuhi 3K, yaitu kualitas, kuantitas dan kontinuitas, lebih dipercaya importir.",
    "Phytosanitary certificate dari Barantin diperlukan untuk produk tumbuhan seperti kopi biji dan rempah.",
]
EXAMPLES = [("rendang kemasan", "Kota Padang", "Kuala Lumpur"), ("kopi arabika", "Kabupaten Karo", "Rotterdam"),
            ("gula semut", "Kabupaten Banyumas", "Tokyo"), ("kerajinan kuningan", "Kabupaten Jepara", "Dubai"),
            ("lada hitam", "Kabupaten Lampung Barat", "Hamburg"), ("gambir", "Kabupaten Solok", "Mumbai")]


def _sentences(rng: random.Random, words: int) -> str:
    out, count = [], 0
    while count < words:
        sentence = rng.choice(SENTENCES)
        out.append(sentence)
        count += len(sentence.split())
    return " ".join(out)


def module_text(title: str, level: str, session: int, rng: random.Random, anchors: list[str] = ()) -> str:
    product, origin, port = rng.choice(EXAMPLES)
    kg = rng.randint(5, 40) * 100
    price = rng.randint(30, 90) * 1000
    extra = "".join(f"\n### {a.replace('-', ' ')}\n\n{_sentences(rng, 12)}\n" for a in anchors)
    body = f"""
{_sentences(rng, 40)}

## Penjelasan

{_sentences(rng, 70)}

### Hal yang sering terlewat

{_sentences(rng, 50)}
{extra}
## Contoh: {product} dari {origin} ke {port}

Sebuah usaha di {origin} menerima inquiry untuk {kg} kg {product}. Harga pokok Rp{price:,} per kg, ditambah
kemasan, angkutan ke pelabuhan dan biaya dokumen. {_sentences(rng, 35)}

## Daftar periksa

- [ ] Periksa kode HS dan ketentuan lartas produk
- [ ] Hitung harga FOB per karton dan per kontainer
- [ ] Siapkan commercial invoice, packing list dan SKA
- [ ] Konfirmasi jadwal kapal dengan freight forwarder

## Uji pemahaman

**1. Siapa yang menanggung ongkos kapal pada FOB?**

- A. Penjual
- B. Pembeli
- C. Forwarder

??? success "Lihat jawaban"
    **B.** Pada FOB, pembeli membayar ongkos kapal dari pelabuhan muat.

**2. Dokumen apa yang diajukan ke Bea Cukai sebelum barang dimuat?**

- A. PEB
- B. Purchase order
- C. Katalog

??? success "Lihat jawaban"
    **A.** PEB diajukan melalui CEISA sebelum barang dimuat.

**3. Apa manfaat SKA bagi buyer di negara ASEAN?**

- A. Ongkos kapal lebih murah
- B. Tidak perlu membayar barang
- C. Bea masuk lebih rendah

??? success "Lihat jawaban"
    **C.** SKA membuktikan asal barang sehingga tarif preferensi berlaku.

## Langkah berikutnya

{_sentences(rng, 25)}

## Referensi

- Kementerian Perdagangan — layanan informasi ekspor
- Direktorat Jenderal Bea dan Cukai — panduan ekspor
"""
    front = (f'---\ntitle: "{title}"\ndescription: "Modul {level} tentang {title.lower()} untuk pelaku UMKM yang akan '
             f'mengekspor."\nlevel: {level}\nsesi: {session}\ndurasi: {rng.choice([60, 90, 120])}\ntujuan:\n'
             f'  - Setelah modul ini, peserta mampu menerapkan {title.lower()} pada usahanya.\n'
             f'  - Peserta mampu menjelaskan {title.lower()} kepada mitra dagang.\nprasyarat: []\n---\n')
    return front + body


def _glossary_modules(path: Path) -> list[str]:
    if not path.exists():
        return []
    found = re.findall(r"^\s+modul:\s*([a-z0-9-]+)\s*$", path.read_text(encoding="utf-8"), flags=re.M)
    return list(dict.fromkeys(found))


_LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#([^)\s]+))?\)")
_PREREQ = re.compile(r"^prasyarat:\s*\[([^\]]*)\]", re.M)


def _needed_by(modules: list[Path], docs: Path) -> dict[str, tuple[str | None, set[str]]]:
    """Modules the kept real modules link to or list as prerequisites: slug -> (level or None, anchors)."""
    needed: dict[str, tuple[str | None, set[str]]] = {}
    for path in modules:
        text = path.read_text(encoding="utf-8")
        for target, anchor in _LINK.findall(text):
            resolved = (path.parent / target).resolve()
            try:
                rel = resolved.relative_to(docs.resolve()).parts
            except ValueError:
                continue
            if len(rel) == 3 and rel[0] == "modul" and rel[1] in LEVELS and not resolved.exists():
                slug = rel[2][:-3]
                level, anchors = needed.get(slug, (None, set()))
                needed[slug] = (rel[1], anchors | ({anchor} if anchor else set()))
        for group in _PREREQ.findall(text):
            for slug in (s.strip() for s in group.split(",")):
                if slug and slug not in needed:
                    needed[slug] = (None, set())
    return needed


def add_modules(target: Path, modules: int, seed: int = 2026, real: bool = True) -> tuple[int, int]:
    """Make docs/modul hold exactly ``modules`` modules; returns (real kept, synthetic added).

    Synthetic modules first take the paths and anchors the kept real modules link
    to, then the slugs the glossary names, then export topics.
    """
    docs = target / "docs"
    folder = docs / "modul"
    existing = sorted(p for p in folder.rglob("*.md") if p.name != "index.md") if folder.is_dir() else []
    if not real:
        existing, drop = [], existing
    else:
        drop = existing[modules:]
        existing = existing[:modules]
    for extra in drop:
        extra.unlink()
    have = {p.stem for p in existing}
    wanted = {slug: spec for slug, spec in _needed_by(existing, docs).items() if slug not in have}
    from portal_ekspor.text import slugify

    for slug in _glossary_modules(target / "data" / "glossary.yml") + [slugify(t) for t in TOPICS]:
        if slug not in have and slug not in wanted:
            wanted[slug] = (None, set())
    order = list(wanted.items())
    rng = random.Random(seed)
    added = 0
    for i in range(modules - len(existing)):
        slug, (level, anchors) = order[i] if i < len(order) else (f"modul-sintetis-{i + 1:03d}", (None, set()))
        level = level or LEVELS[i % 3]
        title = slug.replace("-", " ").capitalize()
        path = folder / level / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(module_text(title, level, i % 8 + 1, rng, sorted(anchors)), encoding="utf-8")
        added += 1
    return len(existing), added


def generate(target: Path, alumni: int, modules: int | None = None, seed: int = 2026,
             glossary: bool = True, real_modules: bool = True) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in ("mkdocs.yml", "hooks", "overrides", "docs"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / part)
    (target / "data" / "alumni").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "programs", target / "data" / "programs")
    if glossary and (ROOT / "data" / "glossary.yml").exists():
        shutil.copy2(ROOT / "data" / "glossary.yml", target / "data" / "glossary.yml")
    if modules is not None:
        add_modules(target, modules, seed, real=real_modules)
    names = {p.stem for p in (target / "docs" / "modul").rglob("*.md")} if (target / "docs" / "modul").is_dir() else set()
    missing = [m for m in _glossary_modules(target / "data" / "glossary.yml") if m not in names]
    if missing:
        (target / "data" / "glossary.yml").unlink()
        print(f"data/glossary.yml dihapus dari salinan: modul {', '.join(missing[:5])}"
              f"{' dst.' if len(missing) > 5 else ''} belum ada")
    rng = random.Random(seed)
    alumni_dir = target / "data" / "alumni"
    for i in range(alumni):
        (alumni_dir / f"alumni-{i:05d}.yml").write_text(dump(alumnus(i, rng)), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Buat portal sintetis untuk tolok ukur.")
    parser.add_argument("target", type=Path)
    parser.add_argument("--alumni", type=int, default=1000)
    parser.add_argument("--modul", type=int, default=None,
                        help="jumlah modul; modul sintetis ~440 kata ditambahkan bila modul asli kurang")
    parser.add_argument("--tanpa-glosarium", action="store_true", help="jangan salin data/glossary.yml")
    parser.add_argument("--hanya-sintetis", action="store_true", help="dengan --modul: abaikan modul asli, semua sintetis")
    args = parser.parse_args()
    generate(args.target, args.alumni, args.modul, glossary=not args.tanpa_glosarium, real_modules=not args.hanya_sintetis)
    print(f"{args.alumni} alumni ditulis ke {args.target}")


if __name__ == "__main__":
    main()
