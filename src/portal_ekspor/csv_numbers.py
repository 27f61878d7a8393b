"""Numbers as staff type them into spreadsheets, read the Indonesian way.

A CSV cell holds text, written in whatever convention the spreadsheet's locale
or the person used: Indonesian Excel writes ``1.500`` for fifteen hundred and
``2,5`` for two and a half; English software writes ``1,500`` and ``2.5``.
The Indonesian reading (dot groups thousands, comma marks decimals) comes
first, as the import template documents. A value is read differently only when
the Indonesian reading is impossible, and refused with both readings named
when two readings remain plausible, so a cell is never silently worth a
thousand times more or less than meant.

Whole-number columns (years, days) and amounts (capacity, minimum order, which
may have decimals) differ: ``1,5`` is an amount but no whole number, and for a
whole number ``1,500`` can only mean fifteen hundred in English notation, or a
typo — too risky to guess.
"""

from __future__ import annotations

import re

_GROUPED_ID = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")   # 1.500  1.250,5  1.000.000
_GROUPED_EN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")   # 1,500  1,250.5  1,000,000
_DECIMAL_COMMA = re.compile(r"\d+,\d+")                     # 2,5  1,500 (ambiguous)
_DECIMAL_DOT = re.compile(r"\d+\.\d+")                      # 2.5 (1.500 is grouped above)
_SPACES = re.compile(r"[\s\u00a0\u202f]")                  # Excel groups with (narrow) no-break spaces too


class NumberProblem(ValueError):
    """A cell that holds a number, but not one that can be used as written (message in Indonesian)."""


def _id(value: float) -> str:
    """``value`` as an Indonesian reader writes it (1.500, 1,5)."""
    whole, _, fraction = f"{value:.6f}".rstrip("0").rstrip(".").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + fraction if fraction else "")


def _number(text: str) -> int | float | None:
    if text.isdigit():
        return int(text)
    if _GROUPED_ID.fullmatch(text):
        whole, _, fraction = text.partition(",")
        whole = whole.replace(".", "")
        return float(f"{whole}.{fraction}") if fraction else int(whole)
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    if _DECIMAL_DOT.fullmatch(text):
        return float(text)
    if _GROUPED_EN.fullmatch(text) and ("." in text or text.count(",") > 1):
        # Only English notation reads this (1,250.5 or 1,000,000): one reading, taken.
        return float(text.replace(",", "")) if "." in text else int(text.replace(",", ""))
    return None


def _ambiguous_comma(text: str) -> tuple[int, float] | None:
    """``1,500``: fifteen hundred (English grouping) or one and a half with trailing zeros."""
    whole, _, fraction = text.partition(",")
    if _DECIMAL_COMMA.fullmatch(text) and len(fraction) == 3 and len(whole) <= 3 and not whole.startswith("0"):
        return int(whole + fraction), float(f"{whole}.{fraction}")
    return None


def _ambiguity_message(text: str, grouped: int, decimal: float, whole_only: bool) -> str:
    second = (f"{_id(decimal)} (koma desimal), yang bukan bilangan bulat" if whole_only
              else f"{_id(decimal)} (koma desimal)")
    return (f"angka `{text}` tidak jelas: bisa dibaca {_id(grouped)} (koma sebagai pemisah ribuan, cara Inggris) "
            f"atau {second}. Tulis tanpa pemisah ribuan, mis. `{grouped}`"
            + ("." if whole_only else f", atau dengan koma desimal tanpa nol di belakang, mis. `{_id(decimal)}`."))


def parse_whole(value: str) -> int | str:
    """A whole number (a year, a number of days) from a cell.

    Returns the number, or the cell unchanged when it is no number at all
    (the validator then names the field and what it expects); raises
    :class:`NumberProblem` for a number that is not whole or reads two ways.
    """
    text = _SPACES.sub("", value)
    if text.startswith("0") and text.isdigit() and len(text) > 1:
        return value  # 021: left to the validator, which names the field
    ambiguous = _ambiguous_comma(text)
    if ambiguous:
        raise NumberProblem(_ambiguity_message(value, *ambiguous, whole_only=True))
    number = _number(text)
    if number is None:
        return value
    if isinstance(number, float):
        if not number.is_integer():
            raise NumberProblem(f"`{value}` bukan bilangan bulat: kolom ini hanya berisi angka bulat, "
                                "tanpa angka di belakang koma.")
        return int(number)
    return number


def parse_amount(value: str) -> int | float | str:
    """An amount that may have decimals (a capacity, a minimum order) from a cell.

    Returns the number, or the cell unchanged when it is no number at all;
    raises :class:`NumberProblem` when it reads two ways.
    """
    text = _SPACES.sub("", value)
    ambiguous = _ambiguous_comma(text)
    if ambiguous:
        raise NumberProblem(_ambiguity_message(value, *ambiguous, whole_only=False))
    number = _number(text)
    return value if number is None else number
