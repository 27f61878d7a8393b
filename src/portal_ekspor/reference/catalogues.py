"""Closed vocabularies for sectors, certifications, legal forms and levels.

Keys are what staff write in YAML (short, lowercase); values are the labels
readers see. Adding a sector is a one-line change here.
"""

from __future__ import annotations

SECTORS: dict[str, str] = {
    "kuliner": "Kuliner dan makanan olahan",
    "minuman": "Minuman, kopi dan teh",
    "agro": "Agro dan hasil perkebunan",
    "perikanan": "Perikanan dan hasil laut",
    "kerajinan": "Kerajinan tangan",
    "mebel": "Mebel dan produk kayu",
    "fesyen": "Fesyen dan tekstil",
    "herbal": "Herbal, jamu dan kosmetik",
}

CERTIFICATIONS: dict[str, str] = {
    "halal": "Halal (BPJPH)",
    "bpom": "Izin edar BPOM",
    "pirt": "PIRT",
    "sni": "SNI",
    "haccp": "HACCP",
    "iso22000": "ISO 22000",
    "fssc22000": "FSSC 22000",
    "gmp": "GMP",
    "fda": "Registrasi FDA (Amerika Serikat)",
    "organik": "Organik",
    "svlk": "SVLK (legalitas kayu)",
    "fsc": "FSC",
    "fairtrade": "Fairtrade",
    "rainforest": "Rainforest Alliance",
    "sertifikat-kesehatan-ikan": "Sertifikat kesehatan ikan (karantina)",
}

LEGAL_FORMS: dict[str, str] = {
    "pt": "PT",
    "pt-perorangan": "PT Perorangan",
    "cv": "CV",
    "ud": "UD",
    "firma": "Firma",
    "koperasi": "Koperasi",
    "perorangan": "Usaha perorangan",
}

LEVELS: dict[str, str] = {
    "pemula": "Pemula",
    "menengah": "Menengah",
    "mahir": "Mahir",
}

DUTA_TOPICS: dict[str, str] = {
    "kesiapan-ekspor": "Kesiapan ekspor",
    "legalitas": "Legalitas dan perizinan",
    "sertifikasi": "Sertifikasi produk",
    "kemasan": "Kemasan dan label",
    "harga": "Kalkulasi harga ekspor",
    "mencari-buyer": "Mencari buyer",
    "negosiasi": "Negosiasi dan kontrak",
    "pembayaran": "Metode pembayaran",
    "dokumen": "Dokumen ekspor",
    "logistik": "Logistik dan kepabeanan",
    "pameran": "Pameran dan pemasaran digital",
    "pembiayaan": "Pembiayaan ekspor",
}
