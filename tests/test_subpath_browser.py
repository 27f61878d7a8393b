"""A portal published under a sub-path (GitHub/GitLab project pages: https://host/<repo>/).

The site is built for http://127.0.0.1:<port>/portal-ekspor/ and served only
there: every other path answers 404 and is recorded, so a link, script or
index file that assumes the site sits at "/" breaks visibly instead of
happening to work on a root-served test server.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from browser import PageWatch, search_links
from conftest import alumnus, build, copy_project, slug_of

pytestmark = pytest.mark.browser

PREFIX = "/portal-ekspor/"
OWN = "Kopi Sub Jalur Lestari"  # written by this test: the profile opened and searched for


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder at PREFIX only; every 404 (outside PREFIX or a missing file) is recorded."""

    missing: list[str]  # set on the subclass the fixture makes

    def log_message(self, *args):
        pass

    def send_head(self):
        self.asked = self.path
        if not self.path.startswith(PREFIX):
            self.send_error(404, "outside the sub-path")
            return None
        self.path = "/" + self.path[len(PREFIX):]
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            self.missing.append(getattr(self, "asked", self.path))
        super().send_error(code, message, explain)


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    """(url of the portal, list of every path answered 404)."""
    missing: list[str] = []
    handler = type("Handler", (_SubPathHandler,), {"missing": missing})
    project = copy_project(tmp_path_factory.mktemp("subjalur") / "portal")
    (project / "data" / "alumni" / f"{slug_of(OWN)}.yml").write_text(alumnus(OWN), encoding="utf-8")
    # The port is bound first: the build needs the address it will be served at.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(project / "site")))
    url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    mkdocs = project / "mkdocs.yml"
    lines = mkdocs.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[2].startswith("site_url:"), lines[2]
    lines[2] = f"site_url: {url}\n"
    # The search index in shards (search/shards.py): the merged ones must load from the sub-path too.
    text = "".join(lines)
    assert "    folder_cache:" in text
    mkdocs.write_text(text.replace("halaman_per_bagian_cari: 10000", "halaman_per_bagian_cari: 20", 1),
                      encoding="utf-8")
    build(project)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url, missing
    finally:
        server.shutdown()
        server.server_close()


def test_the_server_really_serves_only_the_sub_path(subpath_site):
    """The control: the same files asked for at the root are not found (so "/" links would break)."""
    import urllib.error
    import urllib.request

    url, missing = subpath_site
    seen = len(missing)
    root = url[: -len(PREFIX)] + "/"
    with urllib.request.urlopen(url + "modul/") as response:
        assert response.status == 200
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(root + "modul/")
    assert refused.value.code == 404
    assert missing[seen:] == ["/modul/"]


def test_module_directory_profile_twin_and_search_work_under_the_sub_path(browser, subpath_site):
    url, missing = subpath_site
    seen = len(missing)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    watch = PageWatch(page, url)
    failed = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    # A module, styled (Material's stylesheet applied) and with its own body.
    response = page.goto(url + "modul/pemula/harga-ekspor/", wait_until="networkidle")
    assert response.status == 200
    assert page.locator("h1").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")

    # The directory, with its script: a text filter (answered from the sub-path's index) ranks
    # the alumnus written here first.
    page.goto(url + "alumni/", wait_until="networkidle")
    assert page.locator("#pe-results .pe-card").count() > 0
    page.goto(url + f"alumni/?q={OWN.replace(' ', '+')}", wait_until="networkidle")
    page.wait_for_function(f"document.getElementById('daftar').textContent.endsWith('\u201c{OWN}\u201d') "
                           "&& document.querySelectorAll('#pe-results .pe-card').length > 0")
    link = page.locator("#pe-results .pe-card__title a").first
    assert link.inner_text() == OWN

    # The profile, through the directory's own link, then its English twin through the language menu.
    link.click()
    page.wait_for_url(url + f"alumni/{slug_of(OWN)}/")
    assert page.locator("h1").first.inner_text() == OWN
    twin = page.locator("a.md-select__link[hreflang=en]")
    assert twin.count() == 1
    page.goto(twin.evaluate("a => a.href"), wait_until="networkidle")
    assert page.url == url + f"en/exporters/{slug_of(OWN)}/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() == OWN

    # The header search: the index comes from the sub-path and the result's link opens the profile.
    page.goto(url, wait_until="networkidle")
    page.locator("h1").first.click()
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'pe-search-input'")
    # A common word: results from every shard, each linked under the sub-path.
    common = search_links(page, "ekspor")
    assert len(common) == 10 and all(h.startswith(PREFIX) for h in common), common
    hrefs = search_links(page, OWN)
    assert any(slug_of(OWN) in h for h in hrefs), hrefs
    assert any(PREFIX + "cari/" in u for u in watch.requests)
    page.locator(f"#pe-search-results a[href*='{slug_of(OWN)}']").first.click()
    page.wait_for_url(url + f"alumni/{slug_of(OWN)}/")
    assert page.locator("h1").first.inner_text() == OWN

    # Nothing went outside the sub-path, nothing was missing, nothing failed.
    assert [u for u in watch.requests if not u.startswith(url) and not u.startswith(("data:", "blob:"))] == []
    assert missing[seen:] == [] and failed == [] and watch.errors == []
    context.close()


def test_not_found_page_loads_from_the_sub_path(browser, subpath_site):
    """The 404 page a host shows for a wrong address loads its styles and links from the sub-path."""
    url, missing = subpath_site
    seen = len(missing)
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    watch = PageWatch(page, url)
    body = (page.context.request.get(url + "404.html")).text()
    page.route(url + "tidak-ada/", lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(url + "tidak-ada/", wait_until="networkidle")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    home = page.locator("a.md-header__button.md-logo, a.md-logo").first.evaluate("a => a.href")
    assert home == url
    # Material gives the 404 page an absolute base: its search must still ask the sub-path.
    page.locator("h1").first.click()
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'pe-search-input'")
    assert any(slug_of(OWN) in h for h in search_links(page, OWN))
    assert any(PREFIX + "cari/" in u for u in watch.requests)
    assert [u for u in watch.requests if not u.startswith(url) and not u.startswith(("data:", "blob:"))] == []
    assert missing[seen:] == []
    context.close()
