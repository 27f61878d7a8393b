"""Offline reading from the first visit, in Chromium with a real service worker.

The site is served by a loopback server the test stops to cut the network:
what opens afterwards can only come from the service worker's cache (the
pages are also checked to come from it). Waits are on conditions (the
worker's "precache-done" state, cache contents), never on time.
"""

from __future__ import annotations

import json
import re
import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest

from browser import PageWatch, serve
from conftest import build, copy_project

pytestmark = pytest.mark.browser

PREFIX = "portal-ekspor-"


def manifest(site: Path) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^var OFFLINE = (.*?); // portal:offline$", text, re.M).group(1))


def cached_urls(page) -> dict[str, list[str]]:
    return page.evaluate("""async () => {
        const out = {};
        for (const name of await caches.keys()) {
            out[name] = (await (await caches.open(name)).keys()).map(r => r.url);
        }
        return out;
    }""")


def wait_async(page, predicate: str, arg=None, timeout_ms: int = 60_000) -> None:
    """Polls an async predicate in the page until it is true (Playwright's
    wait_for_function takes any returned Promise as already true)."""
    met = page.evaluate("""async ([source, arg, timeout]) => {
        const predicate = eval(source);
        const end = performance.now() + timeout;
        while (performance.now() < end) {
            if (await predicate(arg)) return true;
            await new Promise(r => setTimeout(r, 50));
        }
        return false;
    }""", [predicate, arg, timeout_ms])
    assert met, f"in {timeout_ms} ms not met: {predicate} ({arg})"


def wait_until_kept(page, state: str = "siap") -> None:
    page.wait_for_function(f"document.documentElement.dataset.peLuring === '{state}'", timeout=60_000)


def module_urls(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("modul/*/*/index.html"))


@pytest.fixture
def live(built_site, tmp_path):
    """A copy of the built sample portal and a server the test can stop: (folder, url, stop)."""
    folder = tmp_path / "live"
    shutil.copytree(built_site, folder)
    stack = ExitStack()
    url = stack.enter_context(serve(folder))
    yield folder, url, stack.close
    stack.close()


def test_whole_curriculum_opens_offline_after_the_first_visit(browser, live):
    folder, url, stop = live
    expected = manifest(folder)
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    page = context.new_page()
    watch = PageWatch(page, url)
    page.goto(url)
    wait_until_kept(page)
    caches = cached_urls(page)
    assert list(caches) == [PREFIX + expected["version"]]
    kept = set(next(iter(caches.values())))
    missing = [u for u in expected["precache"] if url + u not in kept]
    assert missing == []
    stop()  # from here on, nothing can come from the network

    never_visited = [u for u in module_urls(folder) if u != ""][:5]
    assert len(never_visited) == 5
    for path in never_visited:
        response = page.goto(url + path)
        assert response.from_service_worker, path
        assert response.status == 200
        title = page.locator("h1").inner_text()
        assert title and title != "Anda sedang offline", path
        assert page.locator("#daftar-periksa").is_visible(), path  # the module's own body, not a frame
        # Styled from the cache too: Material's stylesheet applied (header is fixed-height, coloured).
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    for path in ("modul/", "glosarium/", "program/"):
        assert page.goto(url + path).from_service_worker
        assert page.locator("h1").count() == 1

    # A page the worker does not keep: the Indonesian offline page, with what is available.
    page.goto(url + "statistik/")
    assert page.url.startswith(url + "offline/?dari=")
    assert page.locator("h1").inner_text() == "Anda sedang offline"
    assert page.get_by_text("Halaman yang Anda cari: /statistik/").is_visible()
    page.wait_for_function("document.querySelector('[data-pe-offline-count]').textContent !== ''")
    links = page.locator("[data-pe-offline] a[data-pe-module]")
    assert links.count() == len(module_urls(folder))
    assert page.locator(".pe-offline__missing").count() == 0
    links.first.click()
    page.wait_for_url(re.compile(r".*/modul/.+/.+/$"))
    assert page.locator("#daftar-periksa").is_visible()
    assert watch.foreign == []
    context.close()


def test_save_data_keeps_only_what_was_opened(browser, live):
    folder, url, stop = live
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}, configurable: true});")
    page = context.new_page()
    page.goto(url)
    wait_until_kept(page, "hemat")
    opened = "modul/pemula/harga-ekspor/"
    page.goto(url + opened)
    wait_until_kept(page, "hemat")
    wait_async(page, "async (u) => !!(await caches.match(u))", url + opened)
    kept = [u for urls in cached_urls(page).values() for u in urls]
    pages = sorted(u[len(url):] for u in kept if u.endswith("/") or "?" in u)
    assert opened in pages and "offline/" in pages
    assert not any(p.startswith("modul/") and p != opened for p in pages), pages
    stop()
    assert page.goto(url + opened).from_service_worker
    page.goto(url + "modul/pemula/incoterms-2020/")
    assert page.locator("h1").inner_text() == "Anda sedang offline"
    page.wait_for_function("document.querySelector('[data-pe-offline-count]').textContent !== ''")
    assert page.locator(".pe-offline__missing").count() > 20
    context.close()


def test_a_new_release_replaces_the_cache_and_forgets_a_taken_down_profile(browser, tmp_path):
    project = copy_project(tmp_path / "portal")
    slug = "rendang-uni-sari"
    release_a = build(project, tmp_path / "a")
    (project / "data/alumni" / f"{slug}.yml").unlink()
    release_b = build(project, tmp_path / "b")
    assert not (release_b / "alumni" / slug).exists()
    version_a, version_b = manifest(release_a)["version"], manifest(release_b)["version"]
    assert version_a != version_b

    folder = tmp_path / "live"
    shutil.copytree(release_a, folder)
    with ExitStack() as stack:
        url = stack.enter_context(serve(folder))
        context = browser.new_context(locale="id-ID")
        page = context.new_page()
        page.goto(url)
        wait_until_kept(page)
        page.goto(url + f"alumni/{slug}/")
        wait_async(page, "async (u) => !!(await caches.match(u))", url + f"alumni/{slug}/")
        assert list(cached_urls(page)) == [PREFIX + version_a]  # positive control: kept under release A

        shutil.rmtree(folder)
        shutil.copytree(release_b, folder)  # release B goes live at the same address
        page.goto(url + "modul/")
        wait_async(page, "async (want) => JSON.stringify(await caches.keys()) === JSON.stringify(want)", [PREFIX + version_b])
        wait_until_kept(page)
        kept = [u for urls in cached_urls(page).values() for u in urls]
        assert url + f"alumni/{slug}/" not in kept
        assert url + "modul/" in kept and len(kept) >= len(manifest(release_b)["precache"])
        stack.close()
        page.goto(url + f"alumni/{slug}/")
        assert page.locator("h1").inner_text() == "Anda sedang offline"
        context.close()
