"""Numbers, money, dates and lists the way readers write them (Babel).

Indonesian (``id``) is the default everywhere; the buyers' pages pass
``locale="en"`` so "USD 9.000" (nine dollars to an English reader) becomes
"USD 9,000".
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_currency, format_decimal, format_percent

LOCALE = "id"


def number(value: int | float, locale: str = LOCALE) -> str:
    return format_decimal(value, locale=locale)


def money(value: int | float, currency: str, locale: str = LOCALE) -> str:
    if locale == "en":
        # ISO code first: "$" alone is ambiguous to buyers paying in SGD, AUD or HKD.
        if value >= 1_000_000:
            return f"{currency} {format_compact_decimal(value, format_type='long', locale=locale, fraction_digits=2)}"
        return f"{currency} {format_decimal(value, format='#,##0', locale=locale)}"
    if value >= 1_000_000:
        return f"{'US$' if currency == 'USD' else 'Rp'}{format_compact_decimal(value, format_type='long', locale=locale, fraction_digits=2)}"
    return format_currency(value, currency, locale=locale, format="¤#,##0", currency_digits=False)


def percent(value: float, locale: str = LOCALE) -> str:
    return format_percent(value, locale=locale)


def date(value: dt.date, locale: str = LOCALE) -> str:
    return format_date(value, format="long", locale=locale)


def joined(items: list[str], locale: str = LOCALE) -> str:
    return format_list(list(items), locale=locale) if items else ""


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
