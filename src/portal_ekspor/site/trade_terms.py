"""Buyer facts as (label, value) rows, in the page's language.

One function for both profile languages, so the Indonesian and English pages
always show the same facts; rows staff did not fill in are left out.
"""

from __future__ import annotations

from ..formatting import joined, number
from ..privacy import PublicProfile, PublicQuantity
from ..reference.trade import INCOTERMS, PAYMENT_TERMS, UNITS, language_name

_LABELS = {
    "id": ("Kapasitas produksi", "per bulan", "Pesanan minimum", "Waktu tunggu",
           "hari sejak pesanan dikonfirmasi sampai siap kirim", "Incoterms® 2020", "Cara pembayaran", "Bahasa"),
    "en": ("Production capacity", "per month", "Minimum order", "Lead time",
           "from confirmed order to ready for shipment", "Incoterms® 2020", "Payment terms", "Languages spoken"),
}


def quantity(q: PublicQuantity, locale: str) -> str:
    return f"{number(q.amount, locale)} {UNITS[q.unit][1 if locale == 'en' else 0]}"


def trade_terms(p: PublicProfile, locale: str = "id") -> list[tuple[str, str]]:
    capacity, per_month, moq, lead, lead_note, inco, pay, langs = _LABELS[locale]
    i = 1 if locale == "en" else 0
    rows = []
    if p.capacity:
        rows.append((capacity, f"{quantity(p.capacity, locale)} {per_month}"))
    if p.minimum_order:
        rows.append((moq, quantity(p.minimum_order, locale)))
    if p.lead_time_days:
        days = number(p.lead_time_days, locale)
        unit = ("day" if p.lead_time_days == 1 else "days") if locale == "en" else ""
        rows.append((lead, f"{days} {unit} {lead_note}".replace("  ", " ")))
    if p.incoterms:
        rows.append((inco, ", ".join(INCOTERMS[t][i] for t in p.incoterms)))
    if p.payment_terms:
        rows.append((pay, "; ".join(PAYMENT_TERMS[t][i] for t in p.payment_terms)))
    if p.languages:
        rows.append((langs, joined([language_name(c, locale) for c in p.languages], locale)))
    return rows
