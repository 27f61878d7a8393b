"""`make serve` with invalid data: the problem list in the browser, and recovery once fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import copy_project

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "portal")
    port = _free_port()
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}",
         "--watch", "data", "--config-file", str(project / "mkdocs.yml")],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 300
    while True:  # wait for the condition "the server answers", not for a fixed time
        assert proc.poll() is None, (tmp_path / "serve.log").read_text()
        assert time.monotonic() < deadline, "mkdocs serve never answered"
        try:
            urllib.request.urlopen(url, timeout=5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield project, url, tmp_path / "serve.log"
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


def test_invalid_data_shows_the_problem_list_and_the_page_recovers(page, served):
    project, url, log = served
    page.set_default_timeout(120_000)
    page.goto(url + "alumni/rendang-uni-sari/", wait_until="domcontentloaded")
    page.wait_for_selector("h1:has-text('Rendang Uni Sari')")
    record = project / "data" / "alumni" / "rendang-uni-sari.yml"
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("sektor: kuliner", "sektor: kulinerr"), encoding="utf-8")
    assert "sektor: kulinerr" in record.read_text(encoding="utf-8")
    page.wait_for_selector("[data-pe-serve-error]")  # the open tab reloads into the error page by itself
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("h1").inner_text().startswith("Data belum valid")
    problems = page.locator("li").all_inner_texts()
    assert any(p.startswith("data/alumni/rendang-uni-sari.yml:") and "sektor" in p for p in problems), problems
    page.goto(url + "modul/", wait_until="domcontentloaded")  # every page shows it, not only the one open
    assert page.locator("[data-pe-serve-error]").count() == 1
    page.goto(url + "alumni/rendang-uni-sari/", wait_until="domcontentloaded")
    record.write_text(good, encoding="utf-8")
    page.wait_for_selector("h1:has-text('Rendang Uni Sari')")
    assert page.locator("[data-pe-serve-error]").count() == 0
