"""Every text field carries an injection payload; nothing runs in Chromium."""

from __future__ import annotations

import json

import pytest

from browser import PageWatch, search_links, serve
from conftest import FILLER, alumnus, build, copy_project, run_portal, slug_of

pytestmark = pytest.mark.browser

P = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)></title><svg onload=alert(3)>{{7*7}}"


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


ALUMNUS = f"""\
persetujuan:
  profil_publik: true
  tanggal: 2024-01-01
  bukti: {q(P)}
nama_usaha: {q("Usaha " + P)}
bentuk_usaha: cv
provinsi: Lampung
kabupaten_kota: {q("Kota " + P)}
sektor: kuliner
angkatan: uji-injeksi
produk:
  - nama: {q("Produk " + P)}
    hs: "21039090"
tujuan_ekspor:
  - negara: MY
    sejak: 2024
duta_ekspor:
  bersedia: true
  topik: [kemasan]
kontak:
  email:
    alamat: "x@injeksi.example"
    publik: true
  whatsapp:
    nomor: "+62 811-0000-9999"
    publik: true
foto_keterangan: {q(P)}
cerita: |
  Cerita {P}
  [klik](javascript:alert(5)) [data](data:text/html,<script>alert(6)</script>)
  ![gambar](javascript:alert(7)) <iframe src="javascript:alert(8)"></iframe>
  <a href="javascript:alert(9)">tautan</a> <div onclick="alert(10)">div</div>
"""

PROGRAM = f"""\
nama: {q("Program " + P)}
penyelenggara: [{q("Dinas " + P)}]
provinsi: Lampung
deskripsi: {q("Deskripsi " + P)}
sumber:
  - id: sumber-uji
    media: {q("Media " + P)}
    judul: {q("Judul " + P)}
angkatan:
  - id: uji-injeksi
    nama: {q("Angkatan " + P)}
    tahun: 2024
    catatan: {q(P)}
    sesi:
      - ke: 1
        topik: {q("Topik " + P)}
    capaian:
      - uraian: {q("Capaian " + P)}
        nilai: 1
        satuan: usaha
        sumber: sumber-uji
"""


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("injeksi") / "portal")
    (project / "data" / "alumni" / "usaha-injeksi.yml").write_text(ALUMNUS, encoding="utf-8")
    (project / "data" / "programs" / "program-injeksi.yml").write_text(PROGRAM, encoding="utf-8")
    glossary = project / "data" / "glossary.yml"
    if glossary.exists():
        glossary.write_text(glossary.read_text(encoding="utf-8") + f"  - istilah: {q('Zz ' + P)}\n    definisi: {q(P)}\n",
                            encoding="utf-8")
    for name in FILLER:  # the second list page exists whatever the sample holds
        (project / "data" / "alumni" / f"{slug_of(name)}.yml").write_text(alumnus(name), encoding="utf-8")
    check = run_portal("check", cwd=project)
    assert check.returncode == 0, check.stderr
    site = build(project)
    with serve(site) as url:
        yield site, url


@pytest.mark.parametrize("channel", [
    '  email:\n    alamat: "javascript:alert(1)//@x.example"\n    publik: true\n',
    '  situs:\n    alamat: "javascript:alert(1)"\n    publik: true\n',
    '  situs:\n    alamat: "data:text/html,<script>alert(1)</script>"\n    publik: true\n',
    '  situs:\n    alamat: "https://x.example/\\"><script>"\n    publik: true\n',
])
def test_dangerous_urls_rejected_in_contact_fields(project, valid_alumnus_text, channel):
    text = valid_alumnus_text.split("kontak:")[0] + "kontak:\n" + channel
    (project / "data" / "alumni" / "bad.yml").write_text(text)
    result = run_portal("check", cwd=project)
    assert result.returncode == 1 and "data/alumni/bad.yml" in result.stderr


def settled(page) -> None:
    """Waits until everything the page loaded has had its chance to run: the document
    and every image it fetched done (a failed image has fired its error handler by
    then; lazy ones out of view are never fetched), then one turn of the page's task
    queue for handlers queued with them."""
    page.wait_for_function("document.readyState === 'complete' && "
                           "[...document.images].every(i => i.complete || i.loading === 'lazy')")
    page.evaluate("() => new Promise(resolve => setTimeout(resolve, 0))")


PAGES = ["alumni/usaha-injeksi/", "alumni/", "alumni/provinsi/lampung/", "alumni/angkatan/uji-injeksi/",
         "alumni/sektor/kuliner/", "statistik/", "program/program-injeksi/", "glosarium/", "alumni/daftar/2/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_script_runs(browser, injected_site, path):
    site, url = injected_site
    assert (site / path / "index.html").is_file(), f"{path} not generated"
    page = browser.new_page()
    watch = PageWatch(page, url)
    page.add_init_script("window.alert = (m) => { window.__ran = (window.__ran || []).concat([String(m)]); };")
    page.goto(url + path, wait_until="networkidle")
    settled(page)
    assert watch.dialogs == []
    assert page.evaluate("window.__ran || []") == []
    assert page.locator("iframe").count() == 0
    assert page.locator("[onerror], [onload], [onclick]").count() == 0
    assert page.locator("a[href^='javascript:'], a[href^='data:']").count() == 0
    assert "49" not in page.title()
    page.close()


def test_payload_is_shown_as_text(browser, injected_site):
    _, url = injected_site
    page = browser.new_page()
    page.goto(url + "alumni/usaha-injeksi/")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert "<script>" in page.title() and "</title>" in page.title()
    assert "<svg onload=alert(3)>" in page.locator(".md-header__topic").last.inner_text()
    page.close()


def test_filtered_directory_and_search_render_payload_as_text(browser, injected_site):
    _, url = injected_site
    page = browser.new_page()
    watch = PageWatch(page, url)
    page.add_init_script("window.alert = (m) => { window.__ran = (window.__ran || []).concat([String(m)]); };")
    page.goto(url + "alumni/?provinsi=lampung&q=injeksi", wait_until="networkidle")
    # The filtered list, not the page's own first page: the heading names the query once it is in.
    page.wait_for_function("document.getElementById('daftar').textContent.endsWith('\u201cinjeksi\u201d') "
                           "&& document.querySelectorAll('#pe-results .pe-card').length > 0")
    assert any("<script>" in t for t in page.locator("#pe-results .pe-card__title").all_inner_texts())
    page.locator("h1").first.click()
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.id === 'pe-search-input'")
    search_links(page, "Usaha injeksi")
    titles = page.locator("#pe-search-results h1").all_inner_texts()
    assert any("<script>alert(1)</script>" in t for t in titles), titles  # the payload is listed, as text
    settled(page)
    assert watch.dialogs == [] and page.evaluate("window.__ran || []") == []
    page.close()
