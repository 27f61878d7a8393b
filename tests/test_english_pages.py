"""English pages without a browser: the view model, the summary, the setting (issue 12)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from conftest import build
from portal_ekspor.formatting import money
from portal_ekspor.privacy import PublicQuantity, public_profiles
from portal_ekspor.repository import load_portal
from portal_ekspor.site.english import EnglishProfile
from portal_ekspor.site.pages import build_site_content

ROOT = Path(__file__).resolve().parent.parent


def _profiles():
    portal, problems = load_portal(ROOT)
    assert not problems
    return portal, public_profiles(portal)


def test_english_money_is_not_read_as_a_few_dollars():
    assert money(9000, "USD", "en") == "USD 9,000"
    assert money(9000, "USD") == "US$9.000"  # Indonesian pages keep Indonesian separators
    assert money(1_250_000, "USD", "en") == "USD 1.25 million"


def test_summary_is_built_from_facts_only():
    _, profiles = _profiles()
    p = next(x for x in profiles if x.slug == "kapuk-randu-sarimulyo")
    e = EnglishProfile(p)
    assert not p.story_en_html
    assert e.summary.startswith("Kapuk Randu Sarimulyo is a trading business (UD) in Pati Regency, Central Java, Indonesia")
    assert "HS chapter 14 (vegetable plaiting materials; other vegetable products)" in e.summary
    assert "It exports to China, South Korea, and Japan." in e.summary
    names = set(re.findall(r"[a-z]{5,}", f"{p.name} {p.cohort_name} {p.regency} china japan korea".lower()))
    shared = set(re.findall(r"[a-z]{5,}", p.summary.lower())) & set(re.findall(r"[a-z]{5,}", e.summary.lower()))
    assert shared - names == set(), "no word of the Indonesian story is carried into the English summary"


def test_summary_states_order_amounts_in_english_format():
    _, profiles = _profiles()
    p = next(x for x in profiles if x.slug == "kapuk-randu-sarimulyo")
    p = dataclasses.replace(p, capacity=PublicQuantity(12000, "kg"), minimum_order=PublicQuantity(2.5, "ton"),
                            lead_time_days=1200)
    summary = EnglishProfile(p).summary
    assert "It can produce 12,000 kg per month." in summary
    assert "Minimum order: 2.5 tonnes." in summary
    assert "Lead time: 1,200 days from confirmed order to ready for shipment." in summary
    assert "12.000" not in summary and "2,5" not in summary


def test_every_english_view_uses_english_labels():
    _, profiles = _profiles()
    for p in profiles:
        e = EnglishProfile(p)
        assert e.province != p.province or p.province in ("Lampung", "Bali", "Aceh", "Banten", "Riau", "Jambi")
        assert not e.regency.startswith(("Kota ", "Kabupaten "))
        assert all(name != d.country.name or d.country.name == d.country.name_en
                   for (_, name, _, _), d in zip(e.destinations, p.destinations))
        assert all(x.hs_chapter_name and x.hs_chapter_name != y.hs_chapter_name for x, y in zip(e.products, p.products))
        data = e.json_ld()
        assert data["inLanguage"] == "en" and data["address"]["addressCountry"] == "ID"
        assert "telephone" not in data


def test_pages_pair_up_both_ways():
    portal, profiles = _profiles()
    content = build_site_content(portal)
    by_url = {p.url: p for p in content.pages}
    english = [p for p in content.pages if p.lang == "en"]
    assert len([p for p in english if p.kind == "profile"]) == len(profiles)
    for page in english:
        assert page.alternate is not None and page.alternate in by_url or page.alternate == "", page.url
        if page.alternate:
            assert by_url[page.alternate].alternate == page.url
    assert by_url["alumni/"].alternate == "en/exporters/"
    without = build_site_content(portal, english=False)
    assert not [p for p in without.pages if p.lang == "en" or p.alternate]


def test_english_pages_can_be_switched_off(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("halaman_inggris: true", "halaman_inggris: false"))
    site = build(project)
    assert not (site / "en").exists()
    profile = (site / "alumni" / "rendang-uni-sari" / "index.html").read_text()
    assert "hreflang" not in profile and "md-select" not in profile
    home = (site / "index.html").read_text()
    assert 'href="en/"' not in home and "hreflang" not in home
    assert "xhtml:link" not in (site / "sitemap.xml").read_text()


def test_last_checked_shows_on_the_indonesian_profile(built_site):
    portal, profiles = _profiles()
    p = next(x for x in profiles if x.slug == "rendang-uni-sari")
    html = (built_site / "alumni" / p.slug / "index.html").read_text()
    assert f'<time datetime="{p.last_checked.isoformat()}">' in html
    assert "Profil terakhir diperiksa staf program pada" in html and "Lulusan <strong>ECP Sumatera Barat 2023</strong>" in html
    assert "1.500 kg per bulan" in html and "Ketentuan dagang" in html
    assert isinstance(p.last_checked, dt.date)
