"""ISO 3166-1 alpha-2 country codes with Indonesian and English names from Babel (CLDR)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Code -> Indonesian name, for two-letter codes only (CLDR also has regions)."""
    territories = Locale("id").territories
    excluded = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK"}
    return {code: name for code, name in territories.items() if len(code) == 2 and code.isalpha() and code not in excluded}


@lru_cache(maxsize=1)
def country_names_en() -> dict[str, str]:
    """Code -> English name, for the buyers' pages (same codes as :func:`country_names`)."""
    territories = Locale("en").territories
    return {code: territories.get(code, name) for code, name in country_names().items()}


def country_name(code: str, locale: str = "id") -> str:
    names = country_names_en() if locale == "en" else country_names()
    return names.get(code, code)


def suggest_country(text: str) -> str | None:
    """Map a name or a lowercase code to the code staff probably meant."""
    from difflib import get_close_matches

    names = country_names()
    if text.upper() in names:
        return text.upper()
    by_name = {name.lower(): code for code, name in names.items()}
    key = text.strip().lower()
    if key in by_name:
        return by_name[key]
    match = get_close_matches(key, list(by_name), n=1, cutoff=0.8)
    return by_name[match[0]] if match else None
