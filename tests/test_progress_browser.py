"""Progress kept on the device, share and print, in Chromium."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest

from browser import PageWatch

pytestmark = pytest.mark.browser

MODULE = "modul/pemula/kesiapan-ekspor/"
KEY = "portal-ekspor:kemajuan:v1"


def status_on_index(page, site_url, module: str) -> str:
    page.goto(site_url + "modul/")
    badge = page.locator(f'li[data-pe-module="{module}"] [data-pe-status]')
    badge.wait_for(state="visible")
    return badge.inner_text()


def test_ticks_survive_reload_and_a_new_tab_and_show_on_the_index(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    page = context.new_page()
    watch = PageWatch(page, site_url)
    assert status_on_index(page, site_url, MODULE) == "Belum dimulai"
    page.goto(site_url + MODULE)
    items = page.locator(".task-list-item input[type=checkbox]")
    total = items.count()
    assert total >= 3
    page.locator(".task-list-item label").nth(1).click()
    assert items.nth(1).is_checked()
    progress = page.locator("[data-pe-progress]")
    assert progress.locator("[data-pe-status]").inner_text() == "Sedang dipelajari"
    assert f"1 dari {total} butir" in progress.inner_text()

    page.reload()
    assert page.locator(".task-list-item input[type=checkbox]").nth(1).is_checked()
    assert not page.locator(".task-list-item input[type=checkbox]").nth(0).is_checked()
    other = context.new_page()  # a new tab of the same browser
    other.goto(site_url + MODULE)
    assert other.locator(".task-list-item input[type=checkbox]").nth(1).is_checked()
    other.close()

    assert status_on_index(page, site_url, MODULE) == "Sedang dipelajari"
    assert status_on_index(page, site_url, "modul/pemula/riset-pasar/") == "Belum dimulai"

    # Opened quiz answers are remembered too; all ticked and all read -> "Selesai".
    page.goto(site_url + MODULE)
    for i in range(total):
        box = page.locator(".task-list-item input[type=checkbox]").nth(i)
        if not box.is_checked():
            page.locator(".task-list-item label").nth(i).click()
    answers = page.locator("article details")
    for i in range(answers.count()):
        answers.nth(i).locator("summary").click()
    assert page.locator("[data-pe-progress] [data-pe-status]").inner_text() == "Selesai"
    page.reload()
    assert all(answers.nth(i).get_attribute("open") is not None for i in range(answers.count()))
    assert status_on_index(page, site_url, MODULE) == "Selesai"
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored["modul"][MODULE]["centang"] == list(range(total))
    assert watch.errors == []
    assert watch.foreign == []  # nothing leaves the device
    context.close()


def test_reset_forgets_one_module_only(browser, site_url):
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.goto(site_url + "modul/pemula/riset-pasar/")
    page.locator(".task-list-item label").first.click()
    page.goto(site_url + MODULE)
    page.locator(".task-list-item label").first.click()
    page.get_by_role("button", name="Ulangi modul ini").click()
    assert page.get_by_text("Kemajuan modul ini sudah dihapus.").is_visible()
    assert not page.locator(".task-list-item input[type=checkbox]").first.is_checked()
    assert page.locator("[data-pe-progress] [data-pe-status]").inner_text() == "Belum dimulai"
    page.reload()
    assert not page.locator(".task-list-item input[type=checkbox]").first.is_checked()
    assert status_on_index(page, site_url, MODULE) == "Belum dimulai"
    assert status_on_index(page, site_url, "modul/pemula/riset-pasar/") == "Sedang dipelajari"
    context.close()


def test_home_offers_to_continue_the_last_module(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_function("document.querySelector('[data-pe-tools], [data-pe-continue]') !== null")
    assert not page.locator("[data-pe-continue]").is_visible()  # a first visit: nothing to continue
    page.goto(site_url + "modul/pemula/harga-ekspor/")
    title = page.locator("article h1").inner_text()
    page.goto(site_url)
    box = page.locator("[data-pe-continue]")
    box.wait_for(state="visible")
    link = box.locator("a")
    assert link.inner_text() == title
    link.click()
    page.wait_for_url(site_url + "modul/pemula/harga-ekspor/")
    context.close()


def test_share_and_print_on_modules_and_profiles(browser, site_url):
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };"
                         "navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };")
    for path, printable in ((MODULE, True), ("alumni/rendang-uni-sari/", False)):
        page.goto(site_url + path)
        tools = page.locator("[data-pe-tools]")
        wa = tools.get_by_role("link", name="Bagikan ke WhatsApp")
        href = wa.get_attribute("href")
        assert href.startswith("https://wa.me/?text=")
        text = unquote(href.split("text=", 1)[1])
        assert text == page.title() + " " + site_url + path
        tools.get_by_role("button", name="Bagikan…").click()
        assert page.evaluate("window.__shared") == {"title": page.title(), "url": site_url + path}
        print_button = tools.get_by_role("button", name="Cetak / simpan PDF")
        assert print_button.count() == (1 if printable else 0)
        if printable:
            print_button.click()
            assert page.evaluate("window.__printed") == 1
            page.emulate_media(media="print")
            assert not tools.is_visible()  # the print stylesheet leaves the tools off the paper
            assert page.locator("article h1").is_visible()
            page.emulate_media(media="screen")
    context.close()


def test_without_javascript_modules_read_and_only_the_plain_share_link_shows(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="id-ID")
    page = context.new_page()
    page.goto(site_url + MODULE)
    tools = page.locator("[data-pe-tools]")
    assert tools.get_by_role("link", name="Bagikan ke WhatsApp").is_visible()
    assert not tools.get_by_role("button").first.is_visible()
    assert not page.locator("[data-pe-progress]").is_visible()
    assert page.locator("#daftar-periksa").is_visible()
    href = tools.get_by_role("link", name="Bagikan ke WhatsApp").get_attribute("href")
    assert re.search(r"text=.+https?%3A%2F%2F.+kesiapan-ekspor%2F$", href)
    page.goto(site_url)
    assert not page.locator("[data-pe-continue]").is_visible()
    context.close()
