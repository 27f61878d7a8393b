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

# English labels for buyers' pages. Keys must match the Indonesian catalogues
# above (tests/test_buyer_facts.py checks it).
SECTORS_EN: dict[str, str] = {
    "kuliner": "Processed food",
    "minuman": "Beverages, coffee and tea",
    "agro": "Agricultural and plantation products",
    "perikanan": "Fish and seafood",
    "kerajinan": "Handicrafts",
    "mebel": "Furniture and wood products",
    "fesyen": "Fashion and textiles",
    "herbal": "Herbal products and cosmetics",
}

CERTIFICATIONS_EN: dict[str, str] = {
    "halal": "Halal (BPJPH)",
    "bpom": "BPOM food registration",
    "pirt": "PIRT home-industry food permit",
    "sni": "SNI (Indonesian National Standard)",
    "haccp": "HACCP",
    "iso22000": "ISO 22000",
    "fssc22000": "FSSC 22000",
    "gmp": "GMP",
    "fda": "FDA registration (United States)",
    "organik": "Organic",
    "svlk": "SVLK (timber legality)",
    "fsc": "FSC",
    "fairtrade": "Fairtrade",
    "rainforest": "Rainforest Alliance",
    "sertifikat-kesehatan-ikan": "Fish health certificate (quarantine)",
}

LEGAL_FORMS_EN: dict[str, str] = {
    "pt": "Limited company (PT)",
    "pt-perorangan": "Sole-owner limited company (PT Perorangan)",
    "cv": "Limited partnership (CV)",
    "ud": "Trading business (UD)",
    "firma": "Partnership (Firma)",
    "koperasi": "Cooperative",
    "perorangan": "Sole proprietorship",
}

DUTA_TOPICS_EN: dict[str, str] = {
    "kesiapan-ekspor": "Export readiness",
    "legalitas": "Legal status and permits",
    "sertifikasi": "Product certification",
    "kemasan": "Packaging and labelling",
    "harga": "Export pricing",
    "mencari-buyer": "Finding buyers",
    "negosiasi": "Negotiation and contracts",
    "pembayaran": "Payment methods",
    "dokumen": "Export documents",
    "logistik": "Logistics and customs",
    "pameran": "Trade fairs and digital marketing",
    "pembiayaan": "Export finance",
}
