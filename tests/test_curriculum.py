"""The bundled curriculum: every module complete, long enough and linked."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from portal_ekspor.loading.frontmatter import split_front_matter
from portal_ekspor.loading.module_structure import word_count
from portal_ekspor.problems import Problems
from portal_ekspor.loading.module_structure import check_structure
from portal_ekspor.repository import load_portal

MODULES = sorted(p for p in (ROOT / "docs" / "modul").rglob("*.md") if p.name != "index.md")
LEVEL_TOPICS = {"pemula": 9, "menengah": 7, "mahir": 5}


def test_curriculum_size():
    assert len(MODULES) >= 21
    for level, count in LEVEL_TOPICS.items():
        assert len([m for m in MODULES if m.parent.name == level]) >= count, level


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_module_is_complete(path):
    text = path.read_text(encoding="utf-8")
    _, body = split_front_matter(text)
    problems = Problems()
    check_structure(body, 1, path.name, problems)
    assert not problems, problems.report()
    assert word_count(body) >= 800, f"{path.name}: {word_count(body)} words"
    assert not re.search(r"^# ", body, re.M), "the title comes from front matter; no H1 in the body"


def test_structure_check_catches_missing_parts(tmp_path):
    body = "Intro.\n\n## Penjelasan\n\nTeks.\n\n## Daftar periksa\n\n- [ ] satu\n\n## Referensi\n\n- Kemendag\n"
    problems = Problems()
    check_structure(body, 10, "m.md", problems)
    messages = " ".join(p.message for p in problems)
    for missing in ("## Contoh", "## Uji pemahaman", "## Langkah berikutnya", "minimal 3 butir"):
        assert missing in messages


def test_modules_link_to_each_other_and_prerequisites_exist():
    portal, problems = load_portal(ROOT)
    assert not problems, problems.report()
    linked = 0
    for module in portal.modules:
        body = (ROOT / module.source).read_text(encoding="utf-8")
        if re.search(r"\]\((\.\./[a-z]+/)?[a-z0-9-]+\.md\)", body):
            linked += 1
    assert linked == len(portal.modules), "every module links to at least one other module"
