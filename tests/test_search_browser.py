"""Search in the header, in Chromium: lazy, Indonesian-aware, keyboard-driven, local."""

from __future__ import annotations

import pytest

from browser import SEARCH_SETTLED, PageWatch, search_links
from conftest import CONSENTED_TWIN, UNCONSENTED, slug_of

pytestmark = pytest.mark.browser


def _open_search(page):
    page.locator("h1").first.click()
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'pe-search-input'")


def _results(page):
    """The hrefs listed once the search for what the box holds has finished."""
    page.wait_for_function(SEARCH_SETTLED)
    return page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


def test_nothing_is_loaded_until_the_reader_searches(page, site_url):
    watch = PageWatch(page, site_url)
    page.goto(site_url + "statistik/", wait_until="networkidle")
    assert [u for u in watch.requests if "/cari/" in u] == []
    _open_search(page)
    page.keyboard.type("rendang")
    hrefs = _results(page)
    assert any("alumni/rendang-uni-sari/" in h for h in hrefs)
    assert any("/cari/" in u for u in watch.requests)
    assert watch.foreign == [] and watch.errors == []


def test_affixed_query_finds_the_root_form(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("pengemasan")  # the profiles say "kemasan"; Snowball alone reads that as "masan"
    _results(page)
    page.locator(".pe-chip[data-kind='Alumni']").click()  # modules about packaging rightly come first otherwise
    page.wait_for_function("[...document.querySelectorAll('#pe-search-results a')].length > 0 && "
                           "[...document.querySelectorAll('#pe-search-results a')].every(a => a.href.includes('/alumni/'))")
    # Either rendang profile (both say "kemasan retort"); their order flips with their length.
    assert any(h.rstrip("/").split("/")[-1] in ("rendang-uni-sari", "rendang-dapua-amak") for h in _results(page))


def test_typo_is_corrected(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("andalimam")
    assert any("andaliman" in h for h in _results(page))
    assert "andaliman" in page.locator("#pe-search-status").inner_text()


def test_kind_facet_narrows_results(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("ekspor")
    everything = _results(page)
    assert any("/alumni/" not in h for h in everything)
    page.locator(".pe-chip[data-kind='Alumni']").click()
    page.wait_for_function("document.querySelector('.pe-chip[data-kind=Alumni]').getAttribute('aria-pressed') === 'true'")
    page.wait_for_function(SEARCH_SETTLED)
    only = page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert only and all("/alumni/" in h for h in only)
    kinds = set(page.locator(".pe-search__kind").evaluate_all("els => els.map(e => e.textContent)"))
    assert kinds == {"Alumni"}


def test_keyboard_navigation(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("gambir")
    hrefs = _results(page)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "pe-search-input"
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/").endswith(hrefs[0].rstrip("/").split("/")[-1])


def test_escape_closes_search(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_unconsented_alumni_are_not_found(page, own_site_url):
    """Records written for this test: unconsented ones, and a consented twin built the same way."""
    page.goto(own_site_url, wait_until="networkidle")
    _open_search(page)
    # Positive control on the same page: the consented twin is found by its name.
    assert any(slug_of(CONSENTED_TWIN) in h for h in search_links(page, CONSENTED_TWIN))
    for name in UNCONSENTED:
        hrefs = search_links(page, name)
        assert not any(slug_of(name) in h for h in hrefs), f"{name} (tanpa persetujuan) ditemukan: {hrefs}"


def test_search_keeps_working_offline_once_loaded(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "modul/", wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("rendang")
    online = _results(page)
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload(wait_until="networkidle")  # now controlled by the service worker
    _open_search(page)
    page.keyboard.type("rendang")
    _results(page)
    context.set_offline(True)
    page.reload(wait_until="load")
    assert page.locator("h1").first.is_visible()
    _open_search(page)
    page.keyboard.type("rendang")
    assert _results(page)[:3] == online[:3]
    context.close()


SEARCH_URLS = """async (q) => {
  const r = await window.PortalCari.search(q, {});
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  return data.map(d => d.url);
}"""


def _words(text: str) -> set[str]:
    import re

    return set(re.findall(r"[0-9a-zà-ÿ]+", text.lower()))


def test_excerpts_show_only_words_visible_on_their_page(page, browser, site_url):
    """The root forms that help ranking never reach an excerpt (issue: "nila buka pesan tuju lulus")."""
    reader = browser.new_page()
    for query in ("kopi", "pengemasan", "sertifikat halal"):
        page.goto(site_url, wait_until="networkidle")
        _open_search(page)
        page.keyboard.type(query)
        _results(page)
        shown = page.locator("#pe-search-results a").evaluate_all(
            "els => els.slice(0, 5).map(e => [e.getAttribute('href'), e.querySelector('p').textContent])")
        assert len(shown) == 5
        for href, excerpt in shown:
            assert excerpt.strip(), href
            reader.goto(href if href.startswith("http") else site_url.rstrip("/") + href, wait_until="load")
            visible = _words(reader.locator("body").inner_text())
            stray = _words(excerpt) - visible
            assert not stray, f"{query!r} -> {href}: {sorted(stray)} not on the page"
    reader.close()


@pytest.mark.parametrize("query, module", [
    ("gimana caranya bikin proforma invoice", "modul/menengah/korespondensi-dan-proforma/"),
    ("bagaimana cara menghitung harga ekspor", "modul/pemula/harga-ekspor/"),
    ("apa itu incoterms", "modul/pemula/incoterms-2020/"),
])
def test_question_form_query_finds_its_module(page, site_url, query, module):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type(query)
    assert any(h.rstrip("/").endswith(module.rstrip("/")) for h in _results(page)[:5])


def test_every_glossary_synonym_finds_its_term(page, site_url, built_site):
    from portal_ekspor.repository import load_valid_portal

    synonyms = [(t.term, a) for t in load_valid_portal(built_site.parent).glossary for a in t.aliases]
    assert len(synonyms) > 100
    page.goto(site_url, wait_until="networkidle")
    missed = []
    for term, alias in synonyms:
        urls = page.evaluate(SEARCH_URLS, alias)
        if not any(u.rstrip("/").endswith("glosarium") for u in urls):
            missed.append(f"{alias} ({term})")
    assert missed == []


PAIRS = [("andalimam", "kopi"), ("kopi sumut", "gimana caranya bikin proforma invoice"), ("BL", "rendang sumbar"),
         ("transfer pake TT aman gak", "pengemasan")]


@pytest.mark.parametrize("before, query", PAIRS + [(b, a) for a, b in PAIRS])
def test_a_query_finds_the_same_after_another_search(browser, site_url, before, query):
    def fresh():
        context = browser.new_context()
        p = context.new_page()
        p.goto(site_url, wait_until="networkidle")
        return context, p

    context, alone = fresh()
    expected = alone.evaluate(SEARCH_URLS, query)
    context.close()
    context, second = fresh()
    second.evaluate(SEARCH_URLS, before)
    assert expected and second.evaluate(SEARCH_URLS, query) == expected
    context.close()


def _vocabulary_files(watch) -> list[str]:
    return sorted(u.split("/cari/kata/")[1] for u in watch.requests if "/cari/kata/" in u)


def test_typo_files_are_fetched_only_for_a_word_that_is_no_portal_word(page, site_url, built_site):
    watch = PageWatch(page, site_url)
    page.goto(site_url, wait_until="networkidle")
    for query in ("pengemasan", "dikemas", "BL", "gimana kemasan"):  # root forms, a synonym, a filler
        assert page.evaluate(SEARCH_URLS, query)
    assert _vocabulary_files(watch) == []
    # No root form: the one file that would hold each word whole (kopi sumut = kopi sumatera utara).
    for query in ("rendang", "kopi sumut"):
        assert page.evaluate(SEARCH_URLS, query)
    assert "indeks.json" in _vocabulary_files(watch) and len(_vocabulary_files(watch)) <= 1 + 4
    before = set(_vocabulary_files(watch))
    urls = page.evaluate(SEARCH_URLS, "sertfikai halal")  # two letters wrong in a long word
    assert any("sertifikasi-produk" in u for u in urls[:5])
    fetched = sorted(set(_vocabulary_files(watch)) - before)
    # Only the few files holding the pieces a candidate must share with
    # "sertfikai": a small part of the whole word list.
    folder = built_site / "cari" / "kata"
    every = sorted(f.relative_to(folder).as_posix() for f in folder.rglob("*.json"))
    assert 1 < len(fetched) <= 16, fetched
    size = lambda names: sum((folder / n).stat().st_size for n in names if n != "indeks.json")
    assert size(fetched) <= size(every) * 0.25, (size(fetched), size(every))


def test_a_typo_costs_no_index_chunk_of_its_own(browser, site_url):
    """The typo is corrected before Pagefind is asked for it: a search for
    "egosiasi" loads the same index chunks as one for "negosiasi"."""
    chunks = {}
    for query in ("negosiasi", "egosiasi"):
        context = browser.new_context()
        page = context.new_page()
        watch = PageWatch(page, site_url)
        page.goto(site_url, wait_until="networkidle")
        urls = page.evaluate(SEARCH_URLS, query)
        assert any("negosiasi-dan-kontrak" in u for u in urls[:3])
        chunks[query] = sorted(u for u in watch.requests if "/cari/index/" in u)
        context.close()
    assert chunks["negosiasi"] and chunks["egosiasi"] == chunks["negosiasi"]


def test_first_letter_typo_loads_only_the_one_edit_files(page, site_url):
    watch = PageWatch(page, site_url)
    page.goto(site_url, wait_until="networkidle")
    urls = page.evaluate(SEARCH_URLS, "egosiasi")  # the first letter left out of "negosiasi"
    assert any("negosiasi-dan-kontrak" in u for u in urls[:3])
    one_edit = page.evaluate("w => window.PortalCari.vocabularyKeys(w).one", "egosiasi")
    listed = page.evaluate("() => fetch('cari/kata/indeks.json').then(r => r.json())")
    manifest, version = listed["awal"], listed["versi"]
    holding = {f"{version}/{max(i for i, first in enumerate(manifest) if first <= key)}.json"
               for key in one_edit + ["wegosiasi"]}
    # The file that would hold the word whole (it is no portal word), then those
    # of one-edit pieces: a word one edit away exists, so no two-edit file.
    assert set(_vocabulary_files(watch)) == {"indeks.json"} | holding


def _all_vocabulary(folder) -> list[str]:
    """The whole word list in the order the correction prefers (most frequent first)."""
    import json

    counts = {}
    for path in folder.glob("*/*.json"):
        for key, entries in json.loads(path.read_text(encoding="utf-8")).items():
            if key.startswith("w"):
                continue  # a word filed whole (code-block words among them, never a correction)
            for entry in entries.split(" "):
                word, count = entry.rsplit(":", 1)
                counts[word] = int(count)
    return sorted(counts, key=lambda w: (-counts[w], w))


def _typos(words: list[str], count: int) -> list[str]:
    """Typed slips of portal words: one or two edits anywhere, the first letter included."""
    import random
    import string

    rng = random.Random(16)
    typos = []
    for word in rng.sample([w for w in words if w.isascii() and w.isalpha()], count):
        letters = list(word)
        for _ in range(1 if len(word) < 7 else rng.choice((1, 2))):
            i = rng.choice((0, 0, rng.randrange(len(letters))))
            edit = rng.choice("sdit")
            if edit == "s":
                letters[i] = rng.choice(string.ascii_lowercase)
            elif edit == "d" and len(letters) > 4:
                del letters[i]
            elif edit == "i":
                letters.insert(i, rng.choice(string.ascii_lowercase))
            elif edit == "t" and i + 1 < len(letters):
                letters[i], letters[i + 1] = letters[i + 1], letters[i]
        typos.append("".join(letters))
    return typos + rng.sample(words, 20)  # real words stay as they are


def test_split_word_list_corrects_exactly_as_the_whole_list(page, site_url, built_site):
    """Loading only the files a typo's pieces point to loses no correction the
    whole list makes (two-letter, first-letter, swapped letters; real words kept)."""
    words = _all_vocabulary(built_site / "cari" / "kata")
    typos = _typos(words, 250)
    page.goto(site_url, wait_until="networkidle")
    split, whole = page.evaluate("""async ([typos, words]) => {
      const split = await Promise.all(typos.map(t => window.PortalCari.correct(t)));
      return [split, typos.map(t => window.PortalCari.corrected(t, words))];
    }""", [typos, words])
    assert sum(a != b for a, b in zip(typos, whole)) > 100  # most typos do get corrected
    assert [(t, a) for t, a, b in zip(typos, split, whole) if a != b] == []


def test_the_beginning_of_a_portal_word_is_never_corrected(page, site_url, built_site):
    """A name still being typed ("andalim") is Pagefind's to complete, even when
    another portal word is one or two edits from it."""
    words = [w for w in _all_vocabulary(built_site / "cari" / "kata")[:1500] if len(w) >= 8]
    page.goto(site_url, wait_until="networkidle")
    near = page.evaluate("""async (words) => {
      const known = new Set(words), out = [];
      for (const w of words) {
        const p = w.slice(0, w.length - 2);
        if (!known.has(p) && out.indexOf(p) < 0 && await window.PortalCari.correct(p) !== p) out.push(p);
        if (out.length === 8) break;
      }
      return out;
    }""", words)
    assert len(near) == 8
    corrected = page.evaluate("async (qs) => Promise.all(qs.map(q => window.PortalCari.search(q, {}).then(r => r.corrected)))",
                              near)
    assert dict(zip(near, corrected)) == dict.fromkeys(near)


def test_typo_correction_never_changes_a_real_word(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    result = page.evaluate("""async () => {
      const r = await window.PortalCari.search('ikan asin', {});
      return r.corrected;
    }""")
    assert result is None


def test_a_glossary_term_with_its_module_loads_only_its_own_index_chunks(page, site_url, built_site):
    """The module the glossary names comes with the term ("sertifikasi halal" is
    a synonym naming sertifikasi-produk) without a filter-only search, which made
    Pagefind load every index chunk (8 MB at 20,000 profiles)."""
    watch = PageWatch(page, site_url)
    page.goto(site_url, wait_until="networkidle")
    urls = page.evaluate(SEARCH_URLS, "sertifikasi halal")
    assert any("sertifikasi-produk" in u for u in urls[:3])
    chunks = {u for u in watch.requests if "/cari/index/id_" in u}
    every = list((built_site / "cari" / "index").glob("id_*"))
    assert len(every) >= 6 and 0 < len(chunks) <= len(every) // 2, (len(chunks), len(every))
