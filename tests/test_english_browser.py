"""The English view for foreign buyers, checked in Chromium (issue 12)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from browser import PageWatch
from portal_ekspor.privacy import public_profiles
from portal_ekspor.reference.countries import country_name
from portal_ekspor.repository import load_valid_portal

pytestmark = pytest.mark.browser

# Labels of the Indonesian pages; none may be left on an English page (outside
# elements marked lang="id", i.e. proper names and the link back).
INDONESIAN_LABELS = ["Negara tujuan", "Kontak usaha", "Hubungi", "sejak", "Produk", "Kode HS", "Bab HS", "Sertifikasi",
                     "Ekspor perdana", "Lulusan", "Ketentuan dagang", "per bulan", "hari", "Duta ekspor", "Direktori",
                     "Halaman", "Sebelumnya", "Berikutnya", "Semua", "Jelajahi", "Saring", "eksportir", "negara",
                     "provinsi", "Kapasitas", "Pesanan minimum", "Waktu tunggu", "Cara pembayaran", "Bahasa",
                     "terakhir diperiksa", "dan", "ke", "dari", "Kabupaten", "Kota ", "Bagikan", "Cetak",
                     "Hapus saringan", "Lihat hasil"]


@pytest.fixture(scope="module")
def profiles(built_site):
    return public_profiles(load_valid_portal(built_site.parent))


@pytest.fixture(scope="module")
def hidden(built_site):
    return [a for a in load_valid_portal(built_site.parent).alumni if not a.data.consent.public_profile]


def _english_text(page, selector="article") -> str:
    """Visible text of the content without elements marked as Indonesian (and without the
    no-JavaScript menu, which a reader with JavaScript never sees)."""
    return page.locator(selector).first.evaluate("""el => {
        const copy = el.cloneNode(true);
        copy.querySelectorAll('[lang="id"], [hidden], .pe-visually-hidden, noscript').forEach(n => n.remove());
        return copy.innerText;
    }""")


def _indonesian_labels(text: str, names: list[str]) -> list[str]:
    for name in names:  # business, cohort and programme names are proper names
        text = text.replace(name, " ")
    return [w for w in INDONESIAN_LABELS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


def _names(p) -> list[str]:
    return [p.name, p.cohort_name, p.program_name]


def test_switch_opens_english_twin_and_back(page, site_url):
    watch = PageWatch(page, site_url)
    page.goto(site_url + "alumni/rendang-uni-sari/", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "id"
    page.locator(".md-select button").first.click()
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url("**/en/exporters/rendang-uni-sari/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() == "Rendang Uni Sari"
    page.locator(".md-select button").first.click()
    page.get_by_role("link", name="Bahasa Indonesia", exact=True).click()
    page.wait_for_url("**/alumni/rendang-uni-sari/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert watch.foreign == [] and watch.errors == []


def test_home_page_buyer_paragraph_links_to_english_landing(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    link = page.get_by_role("link", name="Pembeli luar negeri?")
    assert link.get_attribute("hreflang") == "en"
    link.click()
    page.wait_for_url(re.compile(r".*/en/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() == "Find Indonesian exporters"
    page.get_by_role("link", name=re.compile(r"Search and filter all \d+ exporters")).click()
    page.wait_for_url(re.compile(r".*/en/exporters/$"))


def test_every_english_profile_has_no_indonesian_labels(page, site_url, profiles):
    for p in profiles:
        page.goto(site_url + f"en/exporters/{p.slug}/")
        assert page.locator("html").get_attribute("lang") == "en"
        found = _indonesian_labels(_english_text(page, "body"), _names(p))  # header, menu and footer too
        assert found == [], (p.slug, found)
        assert "Indonesia" in page.title() or p.name in page.title()


def test_english_profile_can_be_shared_in_english(page, site_url):
    page.goto(site_url + "en/exporters/rendang-uni-sari/", wait_until="networkidle")
    share = page.get_by_role("link", name="Share on WhatsApp")
    assert share.is_visible()
    assert "en%2Fexporters%2Frendang-uni-sari%2F" in share.get_attribute("href")


def test_english_amounts_countries_and_facts(page, site_url):
    page.goto(site_url + "en/exporters/kopi-lereng-talang/")
    text = _english_text(page)
    assert "USD 9,600" in text and "USD 9.600" not in text
    assert "Taiwan" in text and "Japan" in text and "Jepang" not in text
    assert "3 tonnes per month" in text and "300 kg" in text and "30 days" in text
    assert re.search(r"\b\d{1,3}\.\d{3}\b", text) is None, "Indonesian thousands separators on an English page"
    page.goto(site_url + "en/exporters/rendang-uni-sari/")
    text = _english_text(page)
    assert "Saudi Arabia" in text and "Arab Saudi" not in text
    assert "1,500 kg per month" in text and "West Sumatra" in text and "Padang City" in text
    assert "FOB (Free On Board)" in text and "Letter of credit (L/C) at sight" in text
    assert "Indonesian, English, and Malay" in text
    assert re.search(r"No\. ID13110000154320923\s*· valid until September 30, 2027", text)
    assert "Preparations of meat, fish, crustaceans or molluscs" in text
    assert re.search(r"Graduate of ECP Sumatera Barat 2023 .*last checked by programme staff on [A-Z][a-z]+ \d{1,2}, 20\d\d",
                     text, re.S)


def test_missing_english_story_is_said_plainly_with_a_generated_summary(page, site_url, profiles):
    without = [p for p in profiles if not p.story_en_html]
    assert without
    p = without[0]
    page.goto(site_url + f"en/exporters/{p.slug}/")
    note = page.locator(".pe-story--summary")
    assert "has not yet written its story in English" in note.inner_text()
    summary = note.locator("p").nth(1).inner_text()
    assert p.name in summary and "graduated from the export coaching cohort" in summary
    indonesian_story_words = set(re.findall(r"\w{6,}", p.summary.lower()))
    names = " ".join(_names(p) + [p.regency, p.province, "Indonesia"] + [d.country.name_en for d in p.destinations])
    shared = [w for w in re.findall(r"\w{6,}", summary.lower()) if w in indonesian_story_words
              and w not in {x.lower() for x in re.findall(r"\w+", names)}]
    assert shared == [], f"summary repeats words of the Indonesian story: {shared}"


def test_head_links_both_ways_with_locale_and_json_ld(page, site_url):
    page.goto(site_url + "en/exporters/rendang-uni-sari/")
    alternates = {a.get_attribute("hreflang"): a.get_attribute("href")
                  for a in page.locator("link[rel~=alternate][hreflang]").all()}
    assert alternates["id"].endswith("/alumni/rendang-uni-sari/")
    assert alternates["en"].endswith("/en/exporters/rendang-uni-sari/")
    assert alternates["x-default"] == alternates["id"]
    assert page.locator("meta[property='og:locale']").get_attribute("content") == "en_US"
    data = json.loads(page.locator("script[type='application/ld+json']").inner_text())
    assert data["inLanguage"] == "en" and data["address"]["addressRegion"] == "West Sumatra"
    assert "Beef rendang in retort pouches" in [o["itemOffered"]["name"] for o in data["makesOffer"]]
    page.goto(site_url + "alumni/rendang-uni-sari/")
    back = {a.get_attribute("hreflang"): a.get_attribute("href") for a in page.locator("link[rel~=alternate][hreflang]").all()}
    assert back == alternates
    assert page.locator("meta[property='og:locale']").get_attribute("content") == "id_ID"


def test_sitemap_lists_both_languages_with_alternates(built_site, profiles):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert all(line.startswith("<url><loc>") and line.endswith("</url>") for line in lines[2:-1]), "one <url> a line"
    assert len(lines) > 2 * len(profiles) and not [line for line in lines if line != line.strip()], "no indentation"
    root = ET.fromstring(text.encode("utf-8"))
    entries = {u.find("s:loc", ns).text: {l.get("hreflang"): l.get("href") for l in u.findall("x:link", ns)}
               for u in root.findall("s:url", ns)}
    for p in profiles:
        id_url = next(u for u in entries if u.endswith(f"/alumni/{p.slug}/"))
        en_url = next(u for u in entries if u.endswith(f"/en/exporters/{p.slug}/"))
        assert entries[id_url] == entries[en_url] == {"id": id_url, "en": en_url, "x-default": id_url}
    home = next(u for u in entries if u.endswith("/en/"))
    assert entries[home]["id"] == entries[home]["x-default"]


def test_english_directory_filters_by_country_and_sector(page, site_url, profiles):
    pairs = {}
    for p in profiles:
        for d in p.destinations:
            pairs[(d.country.code, p.sector)] = pairs.get((d.country.code, p.sector), 0) + 1
    country, sector = max(pairs, key=pairs.get)
    expected = sorted(p.name for p in profiles if p.sector == sector and any(d.country.code == country for d in p.destinations))
    by_country = sorted(p.name for p in profiles if any(d.country.code == country for d in p.destinations))
    assert 1 < len(expected) < len(by_country) < len(profiles)
    page.goto(site_url + "en/exporters/", wait_until="networkidle")  # a desktop: the filters stand open
    page.select_option("#pe-f-country", country.lower())
    page.wait_for_function(f"document.querySelectorAll('#pe-results .pe-card').length === {len(by_country)}")
    name = country_name(country, "en")
    assert page.locator(f"#pe-f-country option[value='{country.lower()}']").inner_text() == f"{name} ({len(by_country)})"
    assert page.locator("#daftar").inner_text() == f"{len(by_country)} exporters · market {name}"
    page.select_option("#pe-f-sector", sector)
    page.wait_for_function(f"document.querySelectorAll('#pe-results .pe-card').length === {len(expected)}")
    assert sorted(page.locator("#pe-results .pe-card__title").all_inner_texts()) == expected
    hrefs = page.locator("#pe-results .pe-card__title a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all("/en/exporters/" in h for h in hrefs), hrefs
    assert f"country={country.lower()}" in page.url and f"sector={sector}" in page.url
    labels = _indonesian_labels(_english_text(page, "body"), [n for p in profiles for n in _names(p)])
    assert labels == []
    assert page.locator("#pe-search-input").get_attribute("placeholder") == "Search exporters"


def test_header_search_on_english_pages_finds_english_pages_only(page, site_url):
    page.goto(site_url + "en/exporters/", wait_until="networkidle")
    page.locator("#pe-search-input").click()
    page.locator("#pe-search-input").fill("pepper")
    page.wait_for_function("document.querySelectorAll('#pe-search-results a').length > 0")
    hrefs = page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all("/en/exporters/" in h for h in hrefs), hrefs
    assert "Lada Hitam Kasui Jaya" in page.locator("#pe-search-results").inner_text()


def test_unconsented_alumni_have_no_english_page_or_trace(page, site_url, built_site, hidden):
    assert hidden
    english = [p for p in built_site.joinpath("en").rglob("*") if p.is_file()]
    assert english
    for record in hidden:
        response = page.goto(site_url + f"en/exporters/{record.slug}/")
        assert response.status == 404
        leaks = [str(p) for p in english if record.data.business_name in p.read_text(errors="replace")
                 or f"exporters/{record.slug}/" in p.read_text(errors="replace")]
        assert leaks == []


@pytest.mark.parametrize("path", ["en/", "en/exporters/", "en/exporters/rendang-uni-sari/", "en/exporters/country/my/"])
def test_english_pages_fit_a_phone(browser, site_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    assert page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)") <= 360
    h1 = page.locator("h1").first.bounding_box()
    assert h1 and h1["y"] + h1["height"] < 740, "the page title is above the fold"
    context.close()


def test_profile_facts_sit_beside_their_labels_on_a_desktop(page, site_url):
    page.goto(site_url + "en/exporters/rendang-uni-sari/", wait_until="networkidle")
    dt, dd = page.locator("dl.pe-facts dt").first.bounding_box(), page.locator("dl.pe-facts dd").first.bounding_box()
    assert abs(dt["y"] - dd["y"]) < 4 and dd["x"] > dt["x"] + dt["width"]
    vouch = page.locator(".pe-vouch").bounding_box()
    assert vouch["y"] + vouch["height"] < 900, "who vouches for the profile is above the fold"
