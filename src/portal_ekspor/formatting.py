"""Numbers, money, dates and lists the way Indonesian readers write them (Babel)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_currency, format_decimal, format_percent

LOCALE = "id"


def number(value: int | float) -> str:
    return format_decimal(value, locale=LOCALE)


def money(value: int | float, currency: str) -> str:
    if value >= 1_000_000:
        return f"{'US$' if currency == 'USD' else 'Rp'}{format_compact_decimal(value, format_type='long', locale=LOCALE, fraction_digits=2)}"
    return format_currency(value, currency, locale=LOCALE, format="¤#,##0", currency_digits=False)


def percent(value: float) -> str:
    return format_percent(value, locale=LOCALE)


def date(value: dt.date) -> str:
    return format_date(value, format="long", locale=LOCALE)


def joined(items: list[str]) -> str:
    return format_list(list(items), locale=LOCALE) if items else ""


def outcome_value(value: int | float | None, unit: str | None) -> str:
    if value is None:
        return ""
    if unit == "usd":
        return money(value, "USD")
    if unit == "idr":
        return money(value, "IDR")
    if unit == "persen":
        return percent(value / 100)
    label = {"orang": "orang", "usaha": "usaha"}.get(unit or "", "")
    return f"{number(value)} {label}".strip()
