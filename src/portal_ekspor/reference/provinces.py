"""Indonesia's 38 provinces (since the 2022 Papua split), with Kemendagri codes.

Staff type province names by hand; a fixed list catches "Sumbar" or
"Jawa tengah" before they split one province into several listing pages.
"""

from __future__ import annotations

from ..text import slugify

PROVINCES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}

PROVINCE_NAMES: tuple[str, ...] = tuple(PROVINCES.values())

# Common short forms staff write; used only to suggest the official name.
ABBREVIATIONS: dict[str, str] = {
    "sumut": "Sumatera Utara", "sumbar": "Sumatera Barat", "sumsel": "Sumatera Selatan",
    "sumatra utara": "Sumatera Utara", "sumatra barat": "Sumatera Barat",
    "sumatra selatan": "Sumatera Selatan", "kepri": "Kepulauan Riau",
    "babel": "Kepulauan Bangka Belitung", "bangka belitung": "Kepulauan Bangka Belitung",
    "jakarta": "DKI Jakarta", "jabar": "Jawa Barat", "jateng": "Jawa Tengah",
    "jatim": "Jawa Timur", "diy": "DI Yogyakarta", "yogyakarta": "DI Yogyakarta",
    "ntb": "Nusa Tenggara Barat", "ntt": "Nusa Tenggara Timur", "kalbar": "Kalimantan Barat",
    "kalteng": "Kalimantan Tengah", "kalsel": "Kalimantan Selatan", "kaltim": "Kalimantan Timur",
    "kaltara": "Kalimantan Utara", "sulut": "Sulawesi Utara", "sulteng": "Sulawesi Tengah",
    "sulsel": "Sulawesi Selatan", "sultra": "Sulawesi Tenggara", "sulbar": "Sulawesi Barat",
    "malut": "Maluku Utara", "nad": "Aceh",
}

PROVINCE_SLUGS: dict[str, str] = {name: slugify(name) for name in PROVINCE_NAMES}


def suggest_province(text: str) -> str | None:
    from difflib import get_close_matches

    key = " ".join(text.lower().split())
    if key in ABBREVIATIONS:
        return ABBREVIATIONS[key]
    lowered = {name.lower(): name for name in PROVINCE_NAMES}
    if key in lowered:
        return lowered[key]
    match = get_close_matches(key, list(lowered), n=1, cutoff=0.75)
    return lowered[match[0]] if match else None


PROVINCES_EN: dict[str, str] = {
    "Aceh": "Aceh", "Sumatera Utara": "North Sumatra", "Sumatera Barat": "West Sumatra", "Riau": "Riau",
    "Jambi": "Jambi", "Sumatera Selatan": "South Sumatra", "Bengkulu": "Bengkulu", "Lampung": "Lampung",
    "Kepulauan Bangka Belitung": "Bangka Belitung Islands", "Kepulauan Riau": "Riau Islands", "DKI Jakarta": "Jakarta",
    "Jawa Barat": "West Java", "Jawa Tengah": "Central Java", "DI Yogyakarta": "Special Region of Yogyakarta",
    "Jawa Timur": "East Java", "Banten": "Banten", "Bali": "Bali", "Nusa Tenggara Barat": "West Nusa Tenggara",
    "Nusa Tenggara Timur": "East Nusa Tenggara", "Kalimantan Barat": "West Kalimantan",
    "Kalimantan Tengah": "Central Kalimantan", "Kalimantan Selatan": "South Kalimantan",
    "Kalimantan Timur": "East Kalimantan", "Kalimantan Utara": "North Kalimantan", "Sulawesi Utara": "North Sulawesi",
    "Sulawesi Tengah": "Central Sulawesi", "Sulawesi Selatan": "South Sulawesi", "Sulawesi Tenggara": "Southeast Sulawesi",
    "Gorontalo": "Gorontalo", "Sulawesi Barat": "West Sulawesi", "Maluku": "Maluku", "Maluku Utara": "North Maluku",
    "Papua": "Papua", "Papua Barat": "West Papua", "Papua Selatan": "South Papua", "Papua Tengah": "Central Papua",
    "Papua Pegunungan": "Highland Papua", "Papua Barat Daya": "Southwest Papua",
}
"""English names of the provinces, as Indonesia's own English-language publications write them."""


def regency_en(name: str) -> str:
    """``Kota Padang`` -> ``Padang City``, ``Kabupaten Agam`` -> ``Agam Regency``; other text unchanged."""
    for prefix, suffix in (("Kota ", "City"), ("Kabupaten ", "Regency"), ("Kab. ", "Regency")):
        if name.startswith(prefix) and len(name) > len(prefix):
            return f"{name[len(prefix):]} {suffix}"
    return name
