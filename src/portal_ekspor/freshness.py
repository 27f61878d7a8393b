"""Warnings about public profiles nobody has vouched for lately.

A buyer trusts a profile because program staff checked it; one checked more
than a year ago (or never) may list products, channels or certificates that
no longer hold. These are warnings, not problems: `portal check` prints them
and still succeeds, so an old profile never blocks publishing.
"""

from __future__ import annotations

import datetime as dt

from .problems import Problem
from .repository import Portal

STALE_AFTER_MONTHS = 12


def a_year_before(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def freshness_warnings(portal: Portal, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    limit = a_year_before(today)
    out = []
    for record in portal.alumni:
        a = record.data
        if not a.consent.public_profile:
            continue
        if a.last_checked is None:
            out.append(Problem(record.source, 1, "terakhir_diperiksa",
                               "profil publik ini belum pernah dicatat tanggal pemeriksaannya; periksa isinya bersama "
                               "pemilik usaha lalu tulis `terakhir_diperiksa: TTTT-BB-HH`"))
        elif a.last_checked < limit:
            out.append(Problem(record.source, record.line_of_checked, "terakhir_diperiksa",
                               f"profil publik terakhir diperiksa {a.last_checked.isoformat()}, lebih dari "
                               f"{STALE_AFTER_MONTHS} bulan lalu; periksa lagi bersama pemilik usaha lalu perbarui tanggalnya"))
        for i, cert in enumerate(a.certifications):
            if cert.valid_until is not None and cert.valid_until < today:
                out.append(Problem(record.source, record.line_of_certificates[i] if i < len(record.line_of_certificates) else 0, f"sertifikasi[{i + 1}].berlaku_sampai",
                                   f"sertifikat {cert.kind} sudah habis masa berlakunya ({cert.valid_until.isoformat()}); "
                                   "perbarui nomor dan tanggalnya atau hapus sertifikat ini"))
    return sorted(out)


def warnings_report(warnings: list[Problem], limit: int = 30) -> str:
    lines = [f"Peringatan: {w}" for w in warnings[:limit]]
    if len(warnings) > limit:
        lines.append(f"... dan {len(warnings) - limit} peringatan lain.")
    lines.append(f"{len(warnings)} peringatan (bukan kesalahan: situs tetap bisa dibangun).")
    return "\n".join(lines)
