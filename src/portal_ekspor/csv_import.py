"""Alumni from a spreadsheet or Google Forms export (CSV) to YAML files.

Each row goes through exactly the same loader and validator as a hand-written
file: it is rendered to YAML, parsed back strictly and validated. A row with
any problem writes nothing; an existing file is never overwritten unless asked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .csv_numbers import NumberProblem, parse_amount, parse_whole
from .loading.strict_yaml import parse_yaml_text, read_text
from .models.alumni import Alumnus
from .problems import Problems
from .text import slugify
from .validation import PERSONAL_DATA_KEYS, validate
from .yaml_writer import dump

MAX_CSV_BYTES = 20 * 1024 * 1024

COLUMNS = {
    "nama_usaha": "Nama usaha",
    "bentuk_usaha": "pt, cv, ud, koperasi, perorangan ...",
    "provinsi": "Nama provinsi resmi, mis. Sumatera Barat",
    "kabupaten_kota": "mis. Kota Padang",
    "sektor": "kuliner, minuman, agro, perikanan, kerajinan, mebel, fesyen, herbal",
    "angkatan": "id angkatan, mis. ecp-sumbar-2023",
    "produk": "nama produk, dipisah titik koma (;)",
    "kode_hs": "kode HS tiap produk, urutan sama, dipisah titik koma",
    "negara_tujuan": "kode negara ISO dua huruf, dipisah titik koma, mis. MY; SA",
    "sejak": "tahun mulai ekspor ke tiap negara, urutan sama (boleh kosong)",
    "sertifikasi": "mis. halal; bpom",
    "ekspor_perdana_tahun": "tahun",
    "ekspor_perdana_negara": "kode negara",
    "ekspor_perdana_publik": "ya/tidak",
    "duta_ekspor": "ya/tidak",
    "topik_duta": "mis. kemasan; negosiasi",
    "email": "email usaha",
    "email_publik": "ya/tidak",
    "situs": "https://...",
    "situs_publik": "ya/tidak",
    "whatsapp": "nomor WhatsApp usaha",
    "whatsapp_publik": "ya/tidak",
    "persetujuan_profil_publik": "ya/tidak",
    "tanggal_persetujuan": "TTTT-BB-HH",
    "bukti_persetujuan": "mis. formulir persetujuan (arsip dinas)",
    "cerita": "cerita singkat (Markdown)",
    "produk_en": "nama produk dalam bahasa Inggris, urutan sama dengan produk, dipisah titik koma (boleh kosong)",
    "cerita_en": "cerita usaha dalam bahasa Inggris (Markdown), ditulis orang, bukan terjemahan mesin",
    "kapasitas_produksi": "jumlah per bulan, angka saja, mis. 1500 atau 1.500; desimal dengan koma, mis. 2,5",
    "kapasitas_produksi_satuan": "kg, ton, liter, buah, pasang, lembar, meter, set, lusin, karton, kontainer-20, kontainer-40",
    "pesanan_minimum": "jumlah pesanan minimum, angka saja, mis. 1.500 atau 2,5",
    "pesanan_minimum_satuan": "satuan pesanan minimum (daftar sama dengan satuan kapasitas)",
    "waktu_tunggu_hari": "hari dari pesanan dikonfirmasi sampai siap kirim, mis. 21",
    "incoterms": "mis. FOB; CIF",
    "pembayaran": "mis. tt-uang-muka; lc",
    "bahasa": "kode bahasa ISO dua huruf, mis. id; en; ar",
    "sertifikat_nomor": "nomor sertifikat, urutan sama dengan sertifikasi, dipisah titik koma (boleh kosong)",
    "sertifikat_berlaku_sampai": "TTTT-BB-HH tiap sertifikat, urutan sama dengan sertifikasi (boleh kosong)",
    "terakhir_diperiksa": "TTTT-BB-HH, tanggal staf terakhir memeriksa profil",
}
REQUIRED = ("nama_usaha", "bentuk_usaha", "provinsi", "kabupaten_kota", "sektor", "angkatan", "produk", "kode_hs",
            "persetujuan_profil_publik")
IGNORED = {"timestamp", "cap_waktu", "stempel_waktu", "tanda_waktu"}
YES = {"ya", "y", "yes", "true", "setuju", "1", "bersedia"}
NO = {"tidak", "t", "no", "false", "tidak_setuju", "0", "", "tidak_bersedia"}


def header_key(name: str) -> str:
    return slugify(name).replace("-", "_")


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    skipped_existing: list[Path] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)


def template_csv() -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(COLUMNS)
    return buffer.getvalue()


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _yes(value: str, display: str, line: int, column: str, problems: Problems) -> bool | None:
    key = header_key(value)
    if key in YES:
        return True
    if key in NO:
        return False
    problems.add(display, line, column, f"isi `ya` atau `tidak`, bukan `{value}`")
    return None


def _int(value: str, display: str, line: int, column: str, problems: Problems) -> int | str | None:
    """A whole number (year, days); one that is not whole or reads two ways is a problem here,
    anything that is no number at all goes on to the validator, which names what it expects."""
    if not value:
        return None
    try:
        return parse_whole(value)
    except NumberProblem as problem:
        problems.add(display, line, column, str(problem))
        return None


def row_to_record(row: dict[str, str], display: str, line: int, problems: Problems) -> dict | None:
    before = len(problems)
    for column in REQUIRED:
        if not row.get(column):
            problems.add(display, line, column, "wajib diisi")
    if len(problems) > before:
        return None
    products = _split(row["produk"])
    codes = _split(row["kode_hs"])
    if len(products) != len(codes):
        problems.add(display, line, "kode_hs", f"jumlah kode HS ({len(codes)}) tidak sama dengan jumlah produk ({len(products)})")
    countries = _split(row.get("negara_tujuan", ""))
    since = [s.strip() for s in row.get("sejak", "").split(";")] if row.get("sejak") else []
    if since and len(since) != len(countries):
        problems.add(display, line, "sejak", f"jumlah tahun ({len(since)}) tidak sama dengan jumlah negara ({len(countries)})")
    consent = _yes(row["persetujuan_profil_publik"], display, line, "persetujuan_profil_publik", problems)
    record: dict = {"persetujuan": {"profil_publik": consent}}
    if row.get("tanggal_persetujuan"):
        record["persetujuan"]["tanggal"] = row["tanggal_persetujuan"]
    if row.get("bukti_persetujuan"):
        record["persetujuan"]["bukti"] = row["bukti_persetujuan"]
    for key in ("nama_usaha", "bentuk_usaha", "provinsi", "kabupaten_kota", "sektor", "angkatan"):
        record[key] = row[key]
    record["bentuk_usaha"] = row["bentuk_usaha"].lower()
    record["sektor"] = row["sektor"].lower()
    record["produk"] = [{"nama": n, "hs": h} for n, h in zip(products, codes)]
    if countries:
        record["tujuan_ekspor"] = [
            {"negara": c, **({"sejak": _int(since[i], display, line, "sejak", problems)} if i < len(since) and since[i] else {})}
            for i, c in enumerate(countries)
        ]
    if row.get("sertifikasi"):
        record["sertifikasi"] = _certificates(row, display, line, problems)
    elif row.get("sertifikat_nomor") or row.get("sertifikat_berlaku_sampai"):
        problems.add(display, line, "sertifikasi", "isi jenis sertifikasi untuk nomor atau masa berlaku yang ditulis")
    if row.get("ekspor_perdana_tahun") or row.get("ekspor_perdana_negara"):
        record["ekspor_perdana"] = {
            "tahun": _int(row.get("ekspor_perdana_tahun", ""), display, line, "ekspor_perdana_tahun", problems),
            "negara": row.get("ekspor_perdana_negara", ""),
            "publik": _yes(row.get("ekspor_perdana_publik", ""), display, line, "ekspor_perdana_publik", problems),
        }
    if row.get("duta_ekspor"):
        record["duta_ekspor"] = {"bersedia": _yes(row["duta_ekspor"], display, line, "duta_ekspor", problems),
                                 "topik": [t.lower() for t in _split(row.get("topik_duta", ""))]}
    contacts = {}
    for column, key, field_name in (("email", "email", "alamat"), ("situs", "situs", "alamat"), ("whatsapp", "whatsapp", "nomor")):
        if row.get(column):
            contacts[key] = {field_name: row[column],
                             "publik": _yes(row.get(f"{column}_publik", ""), display, line, f"{column}_publik", problems)}
    if contacts:
        record["kontak"] = contacts
    if row.get("cerita"):
        record["cerita"] = row["cerita"].replace("\r\n", "\n") + ("\n" if "\n" in row["cerita"] else "")
    _buyer_facts(row, record, products, display, line, problems)
    return None if len(problems) > before else record


def _parallel(row: dict[str, str], column: str, count: int, what: str, display: str, line: int,
              problems: Problems) -> list[str]:
    """Values of ``column`` matched one by one to ``count`` items (empty parts allowed)."""
    if not row.get(column):
        return [""] * count
    parts = [part.strip() for part in row[column].split(";")]
    if len(parts) != count:
        problems.add(display, line, column, f"jumlah isian ({len(parts)}) tidak sama dengan jumlah {what} ({count})")
        return [""] * count
    return parts


def _certificates(row: dict[str, str], display: str, line: int, problems: Problems) -> list:
    kinds = [s.lower() for s in _split(row["sertifikasi"])]
    numbers = _parallel(row, "sertifikat_nomor", len(kinds), "sertifikasi", display, line, problems)
    until = _parallel(row, "sertifikat_berlaku_sampai", len(kinds), "sertifikasi", display, line, problems)
    out: list = []
    for kind, number, date in zip(kinds, numbers, until):
        if not number and not date:
            out.append(kind)
            continue
        item = {"jenis": kind}
        if number:
            item["nomor"] = number
        if date:
            item["berlaku_sampai"] = date
        out.append(item)
    return out


def _amount(value: str, display: str, line: int, column: str, problems: Problems) -> int | float | str | None:
    """`1500`, `1.500` or `2,5` as staff type them in Indonesian spreadsheets (see csv_numbers)."""
    try:
        return parse_amount(value)
    except NumberProblem as problem:
        problems.add(display, line, column, str(problem))
        return None


def _buyer_facts(row: dict[str, str], record: dict, products: list[str], display: str, line: int,
                 problems: Problems) -> None:
    names_en = _parallel(row, "produk_en", len(products), "produk", display, line, problems)
    for item, name_en in zip(record.get("produk", []), names_en):
        if name_en:
            item["nama_en"] = name_en
    if row.get("cerita_en"):
        record["cerita_en"] = row["cerita_en"].replace("\r\n", "\n") + ("\n" if "\n" in row["cerita_en"] else "")
    for column, key in (("kapasitas_produksi", "kapasitas_produksi"), ("pesanan_minimum", "pesanan_minimum")):
        amount, unit = row.get(column, ""), row.get(f"{column}_satuan", "")
        if amount or unit:
            # A half-filled pair still goes to the validator, which names what is missing.
            record[key] = {**({"jumlah": _amount(amount, display, line, column, problems)} if amount else {}),
                           **({"satuan": unit.lower()} if unit else {})}
    if row.get("waktu_tunggu_hari"):
        record["waktu_tunggu_hari"] = _int(row["waktu_tunggu_hari"], display, line, "waktu_tunggu_hari", problems)
    if row.get("incoterms"):
        record["incoterms"] = [t.upper() for t in _split(row["incoterms"])]
    if row.get("pembayaran"):
        record["pembayaran"] = [t.lower() for t in _split(row["pembayaran"])]
    if row.get("bahasa"):
        record["bahasa"] = [t.lower() for t in _split(row["bahasa"])]
    if row.get("terakhir_diperiksa"):
        record["terakhir_diperiksa"] = row["terakhir_diperiksa"]


_NESTED_COLUMNS = {
    ("kapasitas_produksi", "jumlah"): "kapasitas_produksi", ("kapasitas_produksi", "satuan"): "kapasitas_produksi_satuan",
    ("pesanan_minimum", "jumlah"): "pesanan_minimum", ("pesanan_minimum", "satuan"): "pesanan_minimum_satuan",
    ("sertifikasi", "nomor"): "sertifikat_nomor", ("sertifikasi", "berlaku_sampai"): "sertifikat_berlaku_sampai",
    ("produk", "nama_en"): "produk_en", ("produk", "hs"): "kode_hs",
}


def _csv_column(field_name: str) -> str:
    """The CSV column a problem in the generated YAML came from: ``pesanan_minimum.satuan`` -> its column."""
    if not field_name:
        return ""
    head, _, rest = field_name.partition(".")
    base = head.split("[")[0]
    column = _NESTED_COLUMNS.get((base, rest.split(".")[0])) if rest else None
    if column is None:
        return head
    return column + (head[len(base):] if "[" in head else "")


DELIMITERS = {",": "koma (,)", ";": "titik koma (;)", "\t": "tab"}
_SAVE_AGAIN = ("Simpan ulang dari spreadsheet sebagai CSV (di Excel: Simpan Sebagai → \"CSV UTF-8\") "
               "dengan baris judul dari `portal import --contoh`.")


def _delimiter(text: str, display: str, problems: Problems) -> str | None:
    """The column separator, read from the header row alone.

    Excel in an Indonesian locale saves `;`, in an English one `,`; the cells
    themselves are full of both (lists use `; `, amounts `2,5`), so only the
    header, whose names contain neither, can tell them apart.
    """
    first = text.split("\n", 1)[0].rstrip("\r")
    scores = []
    for delimiter in DELIMITERS:
        header = next(csv.reader([first], delimiter=delimiter), [])
        known = sum(1 for h in header if header_key(h) in COLUMNS)
        scores.append((known, delimiter))
    scores.sort(reverse=True)
    (best, delimiter), (second, _) = scores[0], scores[1]
    if best == 0:
        problems.add(display, 1, "", "baris judul tidak berisi satu pun nama kolom yang dikenal, dengan pemisah kolom "
                     f"koma, titik koma maupun tab. {_SAVE_AGAIN}")
        return None
    if best == second:
        tied = " dan ".join(DELIMITERS[d] for k, d in scores if k == best)
        problems.add(display, 1, "", f"pemisah kolom tidak bisa ditentukan: baris judul sama-sama terbaca dengan {tied}. "
                     f"Pakai satu pemisah saja di seluruh file. {_SAVE_AGAIN}")
        return None
    return delimiter


def import_csv(csv_path: Path, alumni_dir: Path, *, overwrite: bool = False, dry_run: bool = False) -> ImportResult:
    result = ImportResult()
    display = csv_path.name
    text = read_text(csv_path, display, result.problems, max_bytes=MAX_CSV_BYTES)
    if text is None:
        return result
    delimiter = _delimiter(text, display, result.problems)
    if delimiter is None:
        return result
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        result.problems.add(display, 1, "", "file CSV kosong")
        return result
    keys = [header_key(h) for h in header]
    personal = [h for h, k in zip(header, keys) if k in PERSONAL_DATA_KEYS]
    unknown = [h for h, k in zip(header, keys) if k not in COLUMNS and k not in IGNORED and k not in PERSONAL_DATA_KEYS]
    for h in personal:
        result.problems.add(display, 1, h, "kolom data pribadi (UU 27/2022) tidak boleh diimpor; hapus kolom ini dari CSV lalu ulangi")
    for h in unknown:
        result.problems.add(display, 1, h, f"kolom tidak dikenal; kolom yang dikenal: {', '.join(COLUMNS)}")
    missing = [c for c in REQUIRED if c not in keys]
    for c in missing:
        result.problems.add(display, 1, c, "kolom wajib tidak ada di baris judul")
    if result.problems:
        return result
    planned: dict[str, int] = {}
    for line_no, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(keys):
            result.problems.add(display, line_no, "", f"baris berisi {len(values)} kolom, judul hanya {len(keys)}")
            continue
        row = {k: v.strip() for k, v in zip(keys, values) if k in COLUMNS}
        problems = Problems()
        record = row_to_record(row, display, line_no, problems)
        slug = slugify(row.get("nama_usaha", ""))
        if record is not None:
            doc = parse_yaml_text(dump(record), f"{display}:{line_no}", problems)
            if doc is not None:
                validate(Alumnus, doc, problems)
        # Messages point at the CSV row, not at the YAML we generated from it.
        for p in problems:
            where_field = _csv_column(p.field)
            result.problems.add(display, line_no, where_field or p.field, p.message)
        if problems or record is None:
            continue
        if not slug:
            result.problems.add(display, line_no, "nama_usaha", "nama usaha tidak menghasilkan nama file")
            continue
        if slug in planned:
            result.problems.add(display, line_no, "nama_usaha", f"nama usaha sama dengan baris {planned[slug]}")
            continue
        planned[slug] = line_no
        target = alumni_dir / f"{slug}.yml"
        if target.exists() and not overwrite:
            result.skipped_existing.append(target)
            continue
        if not dry_run:
            tmp = target.with_suffix(".yml.tmp")
            tmp.write_text(f"# Diimpor dari {display} baris {line_no}\n" + dump(record), encoding="utf-8")
            tmp.replace(target)
        result.written.append(target)
    return result
