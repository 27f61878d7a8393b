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
    "en-beranda": "en/",
    "en-direktori": "en/exporters/",
    "en-direktori-tersaring": "en/exporters/?country=jp",
    "en-daftar-per-jenis": "en/exporters/country/",
    "en-daftar": "en/exporters/country/jp/",
    "en-profil": "en/exporters/rendang-uni-sari/",
}

SERVE_ERROR_TYPE = "galat-pratinjau"
"""The page `make serve` shows while data is invalid: not a file of the built
site, so it is rendered from :func:`serve_error_sample` and loaded with
``page.set_content``."""


def serve_error_sample() -> str:
    """The error page for two typical mistakes, worded as `portal check` reports them."""
    from portal_ekspor.problems import Problems
    from portal_ekspor.site.serve_error import error_page_html

    problems = Problems()  # what `portal check` says for these two mistakes
    problems.add("data/alumni/kopi-lereng-talang.yml", 22, "tujuan_ekspor[1].sejak",
                 "harus berupa bilangan bulat tanpa tanda kutip, mis. 2023")
    problems.add("data/alumni/rendang-uni-sari.yml", 11, "sektor",
                 "sektor `kulinerr` tidak dikenal. Mungkin maksud Anda `kuliner`? Pilihan: kuliner, minuman, agro, "
                 "perikanan, kerajinan, mebel, fesyen, herbal")
    return error_page_html(problems.report())

VIEWPORTS: dict[str, dict[str, int]] = {
    "ponsel": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}

SCHEMES = {"terang": "light", "gelap": "dark"}
