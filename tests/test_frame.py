"""The slim frame of profiles and listings: small, escaped, language-aware, and
working in Chromium like a theme-rendered page (menu, colour toggle, search)."""

from __future__ import annotations

import json
import re

import pytest

from browser import PageWatch
from portal_ekspor.site import frame as frames

THEME = frames.Theme(
    site_name="Portal <Ekspor>", site_url="https://contoh.id/", language="id", copyright="Hak & cipta",
    favicon="assets/favicon.svg", stylesheets=("assets/stylesheets/main.x.min.css",),
    scripts=(frames.Script("assets/javascripts/bundle.x.min.js"),), search_worker="assets/w.js",
    features=("navigation.top",),
    palette=(frames.PaletteOption("(prefers-color-scheme: light)", "default", "custom", "custom",
                                  "material/weather-night", "Ganti ke mode gelap"),
             frames.PaletteOption("(prefers-color-scheme: dark)", "slate", "custom", "custom",
                                  "material/weather-sunny", "Ganti ke mode terang")),
    logo_icon="material/earth-arrow-right",
    nav=(frames.NavLink("Beranda", ""), frames.NavLink("Alumni", "alumni/")),
)


def _markup(chrome: frames.Chrome) -> str:
    """The header and side menus a chrome script inserts."""
    data = json.loads(chrome.text.split("\n", 1)[0].removeprefix("var CHROME = ").removesuffix(";"))
    return data["header"] + data["sidebars"] + data["top"]


def _frame(**kw):
    args = dict(url="alumni/x/", title="<script>alert(1)</script>", description='a "b" <c>',
                head="<meta name=pe>", body="<h1>Isi</h1>")
    args.update(kw)
    return frames.frame_page(THEME, **args)


def test_plain_text_is_escaped_and_markup_is_placed():
    html = _frame()
    assert "<script>alert(1)" not in html
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; - Portal &lt;Ekspor&gt;</title>" in html
    assert 'content="a &#34;b&#34; &lt;c&gt;"' in html
    assert "<meta name=pe>" in html and "<h1>Isi</h1>" in html
    assert "Hak &amp; cipta" in html


def test_links_are_relative_to_the_page():
    html = _frame(url="alumni/provinsi/aceh/2/")
    assert 'href="../../../../assets/stylesheets/main.x.min.css"' in html
    assert 'href="../../../../alumni/"' in html or 'href="../../../"' in html
    chrome = frames.chrome_script(THEME)
    assert f'<script src="../../../../{chrome.path}" data-title=' in html  # the header's links start from it
    assert '<use href="%R%assets/ikon.svg#earth-arrow-right">' in _markup(chrome)
    assert '<link rel="canonical" href="https://contoh.id/alumni/provinsi/aceh/2/">' in html


def test_language_and_labels_are_parameters():
    english = _frame(lang="en")
    assert '<html lang="en"' in english and "Skip to content" in english and "Lewati" not in english
    chrome = frames.chrome_script(THEME, "en")
    assert "Back to top" in _markup(chrome)
    assert "Switch to dark mode" in _markup(chrome) and "Ganti ke mode" not in _markup(chrome)
    assert "Search modules, terms, exporters" in _markup(chrome) and chrome.path.startswith("assets/javascripts/rangka-en.")
    assert f'src="../../{chrome.path}"' in english
    indonesian = _frame()
    assert '<html lang="id"' in indonesian and "Lewati ke isi" in indonesian
    assert "Ganti ke mode gelap" in _markup(frames.chrome_script(THEME))


def test_page_markup_stays_out_of_the_shared_header():
    """The title and the language links reach the script as attributes (escaped), never as markup."""
    html = _frame(alternates=[{"lang": "id", "name": "Bahasa Indonesia", "href": "./", "current": True},
                              {"lang": "en", "name": "English", "href": "../../en/x/", "current": False}])
    assert 'data-title="&lt;script&gt;alert(1)&lt;/script&gt;" data-alt="id ./ en ../../en/x/">' in html
    assert "alert" not in frames.chrome_script(THEME).text
    noscript = html[html.index("<noscript>"):html.index("</noscript>")]
    assert 'href="../../"' in noscript and 'href="../../en/x/" hreflang="en"' in noscript  # home and twin without JavaScript


def test_sprite_holds_each_icon_once_as_a_symbol():
    svg = frames.sprite({"material/menu": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>',
                         "fontawesome/solid/x": '<svg viewBox="0 0 10 10"><path d="M0 0"/></svg>'})
    assert svg.count("<symbol") == 2
    assert '<symbol id="menu" viewBox="0 0 24 24"><path d="M3 6h18"/></symbol>' in svg
    assert '<symbol id="fontawesome-solid-x" viewBox="0 0 10 10">' in svg


def _profile_pages(site):
    return [p for p in sorted((site / "alumni").glob("*/index.html")) if 'class="pe-profile"' in p.read_text()]


def test_profile_pages_are_slim(built_site):
    profiles = _profile_pages(built_site)
    assert len(profiles) > 20
    for path in profiles:
        html = path.read_text(encoding="utf-8")
        article = html[html.index('<article class="md-content__inner'):html.index("</article>\n</div>\n</div>")]
        frame_bytes = len(html.encode()) - len(article.encode())
        # was ~33 KB with Material's full frame, then ~11 KB with the header and menus in every
        # page, ~6 KB with them in the shared script; ~4.3 KB since Material's toggles and dialog
        # joined it (issue 13). ~2 KB of this is the head's description, Open Graph, hreflang and
        # JSON-LD, ~0.5 KB the no-JavaScript menu, ~0.5 KB the footer, ~0.3 KB the share link.
        assert frame_bytes <= 5_000, (path, frame_bytes)
        assert "<path" not in html, path  # icons come from the shared sprite
        # Material's toggles, overlay and dialog serve only its script: the shared script inserts them.
        assert 'id="__drawer"' not in html and 'data-md-component="dialog"' not in html, path
        assert len(re.findall(r'class="md-nav__link', html)) <= 10, path  # top-level menu only, never the tree
        assert "data-pagefind-filter" not in html and "pe-akar" not in html  # search-only fields stay in the index
    sprite = (built_site / frames.SPRITE).read_text(encoding="utf-8")
    chrome = re.search(r'<script src="\.\./\.\./(assets/javascripts/rangka-id\.[0-9a-f]{8}\.min\.js)"', profiles[0].read_text()).group(1)
    chrome_text = (built_site / chrome).read_text(encoding="utf-8")
    chrome_markup = chrome_text.replace('\\"', '"')  # the markup is a JSON string in the script
    assert 'id="__drawer"' in chrome_markup and 'id="__search"' in chrome_markup and 'data-md-component="dialog"' in chrome_markup
    icons = set(re.findall(r'ikon\.svg#([a-z0-9-]+)', profiles[0].read_text() + chrome_text))
    assert {"menu", "magnify", "translate"} <= icons
    for icon in icons:
        assert f'<symbol id="{icon}"' in sprite


@pytest.mark.browser
@pytest.mark.parametrize("path", ["alumni/rendang-uni-sari/", "alumni/provinsi/sumatera-barat/"])
def test_framed_page_works_on_a_phone(browser, site_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + path, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    logo = page.locator(".md-header label[for='__drawer'] svg").bounding_box()
    assert logo and 16 <= logo["width"] <= 32  # a sprite icon sized like Material's inline one
    page.locator("label.md-header__button[for='__drawer']").click()
    # The drawer slides in: wait until the short menu is on screen.
    page.wait_for_function("""() => [...document.querySelectorAll('.md-nav--primary .md-nav__link')]
        .some(a => a.textContent.trim() === 'Modul' && a.getBoundingClientRect().left >= 0)""")
    page.locator("label.md-overlay").click(position={"x": 350, "y": 400})
    page.locator("label[title='Ganti ke mode gelap']").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.reload(wait_until="networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"  # remembered, as on theme pages
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("#pe-search-input").fill("rendang")
    page.locator("#pe-search-results li a", has_text="Rendang Uni Sari").first.wait_for()
    # The shared header's links and icons resolve from this page's depth, its title is this page's.
    resolved = page.evaluate("""() => ({
        home: document.querySelector('.md-header .md-logo').href,
        active: document.querySelector('.md-nav__link--active').href,
        icon: new URL(document.querySelector('.md-header use').getAttribute('href'), location).pathname,
        title: document.querySelector('[data-md-component=header-topic]').textContent.trim(),
        page: document.title,
        config: new URL(JSON.parse(document.getElementById('__config').textContent).base + '/', location).href,
        top: document.querySelectorAll('.md-main > .md-main__inner + .md-top').length})""")
    assert resolved["home"] == site_url and resolved["active"] == site_url + "alumni/"
    assert resolved["config"] == site_url and resolved["top"] == 1  # Material's configuration names the root
    assert resolved["icon"] == "/assets/ikon.svg" and resolved["page"] == resolved["title"] + " - Portal Ekspor"
    assert watch.errors == [] and watch.foreign == []
    context.close()


@pytest.mark.browser
def test_framed_page_without_javascript_keeps_its_menu_and_language_link(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "alumni/rendang-uni-sari/")
    menu = page.locator("nav.pe-noscript")
    assert menu.is_visible()
    links = menu.locator("a").evaluate_all("els => els.map(a => [a.textContent, a.href])")
    assert links[0][1] == site_url and [site_url + "modul/"] == [h for t, h in links if t == "Modul"]
    assert links[-1] == ["English", site_url + "en/exporters/rendang-uni-sari/"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


@pytest.mark.browser
def test_framed_page_looks_like_a_theme_page_on_a_desktop(page, site_url):
    page.goto(site_url + "alumni/rendang-uni-sari/", wait_until="networkidle")
    logo = page.locator(".md-header .md-logo svg").bounding_box()
    assert 16 <= logo["width"] <= 32 and 16 <= logo["height"] <= 32
    framed = {s: page.locator(s).bounding_box() for s in (".md-header", ".md-search__form", ".md-content", ".md-footer-meta")}
    page.goto(site_url + "glosarium/", wait_until="networkidle")
    themed = {s: page.locator(s).bounding_box() for s in framed}
    for selector in (".md-header", ".md-search__form"):
        assert framed[selector] == themed[selector], selector
    assert framed[".md-content"]["x"] == themed[".md-content"]["x"]
    assert framed[".md-content"]["width"] == themed[".md-content"]["width"]
    assert framed[".md-footer-meta"]["height"] == themed[".md-footer-meta"]["height"]


@pytest.mark.browser
def test_chosen_colour_scheme_applies_before_materials_script_runs(page, site_url):
    """The inline palette script, not the bundle, restores the scheme: no light flash on a dark reading."""
    page.goto(site_url + "alumni/rendang-uni-sari/", wait_until="networkidle")
    page.locator("label[title='Ganti ke mode gelap']").click()
    page.route(re.compile(r".*/bundle\.[0-9a-f]+\.min\.js$"), lambda route: route.abort())
    page.goto(site_url + "alumni/provinsi/sumatera-barat/", wait_until="networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
