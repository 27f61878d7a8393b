"""One example URL for every kind of page the portal publishes.

Shared by the screenshot command and the browser tests, so a page type added
here is both looked at and checked (layout, axe) in both colour schemes.
"""

from __future__ import annotations

PAGE_TYPES: dict[str, str] = {
    "beranda": "",
    "modul-daftar": "modul/",
    "modul": "modul/menengah/dokumen-ekspor/",
    "program-cara": "program/",
    "program": "program/ecp-sumbar/",
    "direktori": "alumni/",
    "direktori-tersaring": "alumni/?negara=jp",
    "daftar-per-jenis": "alumni/provinsi/",
    "daftar": "alumni/provinsi/sumatera-barat/",
    "profil": "alumni/rendang-uni-sari/",
    "statistik": "statistik/",
    "glosarium": "glosarium/",
    "tentang": "tentang/",
    "panduan-staf": "panduan-staf/pratinjau-dan-publikasi/",
    "404": "404.html",
    "en-direktori": "en/exporters/",
    "en-daftar": "en/exporters/country/jp/",
    "en-profil": "en/exporters/rendang-uni-sari/",
}

VIEWPORTS: dict[str, dict[str, int]] = {
    "ponsel": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}

SCHEMES = {"terang": "light", "gelap": "dark"}
