"""Open data files of public profiles: alumni.json and alumni.csv.

The columns are a published interface (see docs/panduan-staf/data-terbuka.md):
add columns at the end, never rename or reorder, and bump SCHEMA_VERSION when
meaning changes. Only :class:`PublicProfile` fields are written, so unconsented
data cannot appear here.
"""

from __future__ import annotations

import csv
import io
import json

from .privacy import PublicProfile

SCHEMA_VERSION = 1

COLUMNS = (
    "slug", "nama_usaha", "bentuk_usaha", "provinsi", "kabupaten_kota", "sektor", "angkatan", "program",
    "produk", "kode_hs", "negara_tujuan", "sertifikasi", "ekspor_perdana_tahun", "ekspor_perdana_negara",
    "duta_ekspor", "email", "situs", "whatsapp", "url",
    # Added with the buyers' pages (issue 12); appended, never reordered.
    "produk_en", "kapasitas_produksi_bulanan", "kapasitas_produksi_satuan", "pesanan_minimum",
    "pesanan_minimum_satuan", "waktu_tunggu_hari", "incoterms", "pembayaran", "bahasa", "sertifikat_nomor",
    "terakhir_diperiksa",
)


def _quantity(q) -> dict | None:
    return {"jumlah": _number(q.amount), "satuan": q.unit} if q is not None else None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def record(p: PublicProfile, site_url: str = "") -> dict:
    contact = {c.kind: c for c in p.contacts}
    return {
        "slug": p.slug,
        "nama_usaha": p.name,
        "bentuk_usaha": p.legal_form,
        "provinsi": p.province,
        "kabupaten_kota": p.regency,
        "sektor": p.sector,
        "angkatan": p.cohort_id,
        "program": p.program_name,
        "produk": [{"nama": x.name, "hs": x.hs_code} for x in p.products],
        "negara_tujuan": [{"negara": d.country.code, "sejak": d.since} for d in p.destinations],
        "sertifikasi": [key for key, _ in p.certifications],
        "ekspor_perdana": {"tahun": p.first_export_year, "negara": p.first_export_country.code} if p.first_export_country else None,
        "duta_ekspor": p.ambassador,
        "email": contact["email"].text if "email" in contact else None,
        "situs": contact["website"].href if "website" in contact else None,
        "whatsapp": contact["whatsapp"].text if "whatsapp" in contact else None,
        "url": site_url + p.url,
        "produk_en": [x.name_en for x in p.products],
        "kapasitas_produksi_bulanan": _quantity(p.capacity),
        "pesanan_minimum": _quantity(p.minimum_order),
        "waktu_tunggu_hari": p.lead_time_days,
        "incoterms": list(p.incoterms),
        "pembayaran": list(p.payment_terms),
        "bahasa": list(p.languages),
        "sertifikat": [{"jenis": c.key, "nomor": c.number,
                        "berlaku_sampai": c.valid_until.isoformat() if c.valid_until else None} for c in p.certificates],
        "terakhir_diperiksa": p.last_checked.isoformat() if p.last_checked else None,
    }


def _csv_row(r: dict) -> list[str]:
    return [
        r["slug"], r["nama_usaha"], r["bentuk_usaha"], r["provinsi"], r["kabupaten_kota"], r["sektor"],
        r["angkatan"], r["program"], "; ".join(x["nama"] for x in r["produk"]), "; ".join(x["hs"] for x in r["produk"]),
        "; ".join(x["negara"] for x in r["negara_tujuan"]), "; ".join(r["sertifikasi"]),
        str(r["ekspor_perdana"]["tahun"]) if r["ekspor_perdana"] else "",
        r["ekspor_perdana"]["negara"] if r["ekspor_perdana"] else "",
        "ya" if r["duta_ekspor"] else "tidak", r["email"] or "", r["situs"] or "", r["whatsapp"] or "", r["url"],
        "; ".join(x or "" for x in r["produk_en"]) if any(r["produk_en"]) else "",
        _text(r["kapasitas_produksi_bulanan"], "jumlah"), _text(r["kapasitas_produksi_bulanan"], "satuan"),
        _text(r["pesanan_minimum"], "jumlah"), _text(r["pesanan_minimum"], "satuan"),
        str(r["waktu_tunggu_hari"]) if r["waktu_tunggu_hari"] else "",
        "; ".join(r["incoterms"]), "; ".join(r["pembayaran"]), "; ".join(r["bahasa"]),
        "; ".join(f"{c['jenis']}: {c['nomor']}" for c in r["sertifikat"] if c["nomor"]),
        r["terakhir_diperiksa"] or "",
    ]


def _text(q: dict | None, key: str) -> str:
    return str(q[key]) if q else ""


def _csv_safe(value: str) -> str:
    """Spreadsheet apps run cells starting with = + - @ as formulas.

    A bare carriage return is made a newline first: the csv module quotes
    only cells holding a character of its line terminator ("\n"), and a
    spreadsheet would read an unquoted "\r" as the start of a new row, whose
    first cell could then be a formula.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\n") else value


def _json_text(payload: dict) -> str:
    """The JSON document laid out as the staff guide shows it, one alumnus a line.

    Indenting every field (``indent=1``) made the file ~1.8 times larger (25 MB
    at 20,000 alumni); a line per record stays readable and diffable. Only
    whitespace differs: the document, its keys and their order are the same."""
    def compact(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    head = "".join(f" {compact(key)}: {compact(value)},\n" for key, value in payload.items() if key != "alumni")
    rows = ",\n".join("  " + compact(r) for r in payload["alumni"])
    return "{\n" + head + ' "alumni": [' + ("\n" + rows + "\n " if rows else "") + "]\n}\n"


def open_data_files(profiles: list[PublicProfile], site_url: str = "") -> dict[str, str]:
    """File name -> content; written by the site builder like any other page."""
    records = [record(p, site_url) for p in profiles]
    payload = {"versi_skema": SCHEMA_VERSION, "jumlah": len(records), "alumni": records}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in records:
        writer.writerow([_csv_safe(v) for v in _csv_row(r)])
    return {
        "alumni.json": _json_text(payload),
        "alumni.csv": "\ufeff" + buffer.getvalue(),
    }
