"""The built sample portal, opened in Chromium."""

from __future__ import annotations

import pytest

from browser import PageWatch

pytestmark = pytest.mark.browser

PAGES = ["", "alumni/", "statistik/", "glosarium/", "modul/", "program/", "program/ecp-sumbar/",
         "alumni/rendang-uni-sari/", "alumni/provinsi/sumatera-barat/", "404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_in_indonesian_with_nothing_from_elsewhere(page, site_url, path):
    watch = PageWatch(page, site_url)
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("h1").count() == 1
    assert watch.foreign == []
    assert watch.errors == []


def test_theme_toggle_offers_dark_mode(page, site_url):
    page.goto(site_url)
    toggle = page.locator("label[title='Ganti ke mode gelap']").first
    toggle.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
