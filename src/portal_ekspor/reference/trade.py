"""Trade terms buyers compare suppliers by: units, Incoterms, payment terms,
languages. Each key is what staff write in YAML; each value is the label in
Indonesian and in English, so both page languages read from one vocabulary.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

UNITS: dict[str, tuple[str, str]] = {
    "kg": ("kg", "kg"),
    "ton": ("ton", "tonnes"),
    "liter": ("liter", "litres"),
    "buah": ("buah", "pieces"),
    "pasang": ("pasang", "pairs"),
    "lembar": ("lembar", "sheets"),
    "meter": ("meter", "metres"),
    "set": ("set", "sets"),
    "lusin": ("lusin", "dozen"),
    "karton": ("karton", "cartons"),
    "kontainer-20": ("kontainer 20 kaki", "20-ft containers"),
    "kontainer-40": ("kontainer 40 kaki", "40-ft containers"),
}

INCOTERMS: dict[str, tuple[str, str]] = {
    # Incoterms® 2020; the codes are the same in every language.
    "EXW": ("EXW (di tempat penjual)", "EXW (Ex Works)"),
    "FCA": ("FCA (diserahkan ke pengangkut)", "FCA (Free Carrier)"),
    "FAS": ("FAS (di samping kapal)", "FAS (Free Alongside Ship)"),
    "FOB": ("FOB (di atas kapal)", "FOB (Free On Board)"),
    "CFR": ("CFR (biaya dan ongkos angkut)", "CFR (Cost and Freight)"),
    "CIF": ("CIF (biaya, asuransi, ongkos angkut)", "CIF (Cost, Insurance and Freight)"),
    "CPT": ("CPT (ongkos angkut dibayar sampai)", "CPT (Carriage Paid To)"),
    "CIP": ("CIP (ongkos angkut dan asuransi dibayar sampai)", "CIP (Carriage and Insurance Paid To)"),
    "DAP": ("DAP (diserahkan di tempat tujuan)", "DAP (Delivered At Place)"),
    "DPU": ("DPU (diserahkan dan dibongkar)", "DPU (Delivered at Place Unloaded)"),
    "DDP": ("DDP (diserahkan, bea masuk dibayar)", "DDP (Delivered Duty Paid)"),
}

PAYMENT_TERMS: dict[str, tuple[str, str]] = {
    "tt-dimuka": ("T/T (transfer) penuh di muka", "T/T, full payment in advance"),
    "tt-uang-muka": ("T/T uang muka, sisa sebelum pengiriman", "T/T deposit, balance before shipment"),
    "tt-dokumen": ("T/T uang muka, sisa terhadap salinan B/L", "T/T deposit, balance against copy of B/L"),
    "lc": ("L/C (letter of credit) saat melihat", "Letter of credit (L/C) at sight"),
    "lc-berjangka": ("L/C berjangka (usance)", "Usance letter of credit"),
    "dp": ("D/P (dokumen terhadap pembayaran)", "Documents against payment (D/P)"),
    "da": ("D/A (dokumen terhadap akseptasi)", "Documents against acceptance (D/A)"),
    "open-account": ("Open account (bayar setelah barang diterima)", "Open account"),
    "paypal": ("PayPal", "PayPal"),
}


@lru_cache(maxsize=1)
def _language_codes() -> frozenset[str]:
    names = Locale("en").languages
    return frozenset(code for code in names if len(code) == 2 and code.isalpha() and code.islower())


def language_codes() -> frozenset[str]:
    """ISO 639-1 codes CLDR names, e.g. ``id``, ``en``, ``ar``, ``zh``."""
    return _language_codes()


def language_name(code: str, locale: str) -> str:
    """``language_name("ar", "en") == "Arabic"``; ``(..., "id") == "Arab"``."""
    name = Locale(locale).languages.get(code, code)
    return name[:1].upper() + name[1:]


def suggest_language(text: str) -> str | None:
    """A code for what staff probably meant: ``Inggris`` or ``English`` -> ``en``."""
    key = text.strip().lower()
    if key in language_codes():
        return key
    for locale in ("id", "en"):
        for code, name in Locale(locale).languages.items():
            if code in language_codes() and name.lower() == key:
                return code
    return None
