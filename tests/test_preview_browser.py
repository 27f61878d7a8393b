"""`make serve` in Chromium, with MkDocs building for real: a saved profile
shows before the listings, open tabs say that the listings lag and stop saying
it when they catch up, and a withdrawn consent leaves the preview entirely.

Full builds are held at a gate (tests/preview_driver.py), so "before" is
decided by the test, not by the machine's speed.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from preview_http import get, until

from site_scan import found, read_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]
HERE = Path(__file__).resolve().parent
NOTE = "#pe-pratinjau"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def preview(project, tmp_path):
    port = _free_port()
    log = open(tmp_path / "pratinjau.log", "w")
    proc = subprocess.Popen([sys.executable, str(HERE / "preview_driver.py"), str(project), str(port)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True)
    url = f"http://127.0.0.1:{port}/"

    def status() -> dict:
        code, body = get(url + ".pratinjau/status.json")
        return json.loads(body) if code == 200 else {}

    def send(command: str) -> None:
        proc.stdin.write(command + "\n")
        proc.stdin.flush()

    folder = Path(proc.stdout.readline().strip())
    until(lambda: proc.poll() is not None or (status().get("versi", 0) >= 1 and not status()["menyusul"]),
           "the first build and its search index")
    assert proc.poll() is None, (tmp_path / "pratinjau.log").read_text()
    yield url, status, send, folder
    proc.terminate()
    proc.wait(timeout=60)
    log.close()
    assert not folder.exists(), "the preview's temporary folder must go with it"


def test_saved_profile_first_listing_after_with_a_note_between(page, project, preview):
    url, status, send, folder = preview
    listing = next(u for u in (url + "alumni/", url + "alumni/daftar/2/") if "Rendang Uni Sari" in get(u)[1])
    page.set_default_timeout(120_000)
    page.goto(listing, wait_until="domcontentloaded")
    assert page.locator(NOTE).count() == 0
    profile = page.context.new_page()
    profile.set_default_timeout(120_000)
    profile.goto(url + "alumni/rendang-uni-sari/", wait_until="domcontentloaded")
    record = project / "data" / "alumni" / "rendang-uni-sari.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("nama_usaha: Rendang Uni Sari", "nama_usaha: Rendang Uni Sari Zaitunbiru"),
                      encoding="utf-8")
    # The open profile tab reloads by itself into the saved version ...
    profile.wait_for_selector("h1:has-text('Rendang Uni Sari Zaitunbiru')")
    until(lambda: "Zaitunbiru" in get(url + "en/exporters/rendang-uni-sari/")[1], "the English twin too")
    # ... while the listing tab, not rebuilt yet, says that it lags.
    page.wait_for_selector(NOTE)
    assert "sedang diperbarui" in page.locator(NOTE).inner_text()
    assert "Zaitunbiru" not in page.locator("body").inner_text()
    box, view = page.locator(NOTE).bounding_box(), page.viewport_size
    assert box["width"] == view["width"] and box["y"] + box["height"] <= view["height"], box  # seen, wherever scrolled
    page.mouse.wheel(0, 5000)
    assert page.locator(NOTE).bounding_box() == box
    send("lepas")
    page.wait_for_selector(NOTE, state="detached")
    page.wait_for_selector("text=Rendang Uni Sari Zaitunbiru")
    until(lambda: not status()["menyusul"], "search caught up")

    # Withdrawn consent: the profile goes at once, every trace once caught up.
    send("tahan")
    record.write_text(text.replace("nama_usaha: Rendang Uni Sari", "nama_usaha: Rendang Uni Sari Zaitunbiru")
                      .replace("profil_publik: true", "profil_publik: false"), encoding="utf-8")
    until(lambda: get(url + "alumni/rendang-uni-sari/")[0] == get(url + "en/exporters/rendang-uni-sari/")[0] == 404,
          "the withdrawn profile is gone in both languages")
    assert "Zaitunbiru" in get(listing)[1] and 'id="pe-pratinjau"' in get(listing)[1]
    send("lepas")
    until(lambda: not status()["menyusul"] and "Zaitunbiru" not in get(listing)[1], "the listings caught up")
    files = read_site(folder) + read_site(project / ".cache" / "portal" / "pratinjau")
    assert found(files, "zaitunbiru") == []
