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
LEVEL_TOPICS = {"pemula": 11, "menengah": 7, "mahir": 6}


def test_curriculum_size():
    assert len(MODULES) >= 24
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


SUMMARY = '!!! abstract "Ringkasan"\n    - satu\n    - dua\n    - tiga\n    - empat\n    - lima\n\n'
COMPLETE_BODY = (ROOT / "src" / "portal_ekspor" / "templates" / "modul.md").read_text(encoding="utf-8").split("---\n", 2)[2]


def _messages(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    problems = Problems()
    check_structure(body, first_line, "m.md", problems)
    return [(p.line, p.message) for p in problems]


def test_template_has_a_valid_summary_box():
    assert 'abstract "Ringkasan"' in COMPLETE_BODY
    assert _messages(COMPLETE_BODY) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_real_module_without_its_summary_box_fails(path):
    """Mutant of each real module: remove the box, and the check must name the first section's line."""
    text = path.read_text(encoding="utf-8")
    _, body = split_front_matter(text)
    first_line = text[: len(text) - len(body)].count("\n") + 1
    mutant = re.sub(r'^!!! abstract "Ringkasan"\n(    .*\n|\n)*', "", body, count=1, flags=re.M)
    assert mutant != body
    messages = _messages(mutant, first_line)
    first_section = first_line + mutant.split("\n").index("## Penjelasan")
    assert [(line, m) for line, m in messages if "ringkasan" in m] == [
        (first_section, messages[0][1])] and "belum ada" in messages[0][1]


def test_summary_box_after_first_section_is_reported_with_its_line():
    intro, rest = COMPLETE_BODY.split("## Penjelasan\n", 1)
    box_start = intro.index('!!! abstract')
    box_end = intro.index("\n\n", box_start) + 2
    moved = intro[:box_start] + intro[box_end:] + "## Penjelasan\n\n" + intro[box_start:box_end] + rest
    messages = _messages(moved, 20)
    box_line = 20 + moved.split("\n").index('!!! abstract "Ringkasan"')
    assert any(line == box_line and "sebelum bagian `##` pertama" in m for line, m in messages), messages


@pytest.mark.parametrize("count, ok", [(2, False), (3, True), (5, True), (6, False)])
def test_summary_box_needs_three_to_five_items(count, ok):
    box = '!!! abstract "Ringkasan"\n' + "".join(f"    - butir {i}\n" for i in range(count)) + "\n"
    body = re.sub(r'^!!! abstract "Ringkasan"\n(    .*\n|\n)*', box, COMPLETE_BODY, count=1, flags=re.M)
    messages = [m for _, m in _messages(body) if "ringkasan" in m]
    assert (messages == []) == ok, messages
    if not ok:
        assert f"(ada {count})" in messages[0] and "3 sampai 5 butir" in messages[0]


def test_summary_box_must_be_an_open_abstract_and_not_inside_code():
    folded = COMPLETE_BODY.replace('!!! abstract "Ringkasan"', '??? abstract "Ringkasan"')
    assert any("selalu terbuka" in m for _, m in _messages(folded))
    in_code = COMPLETE_BODY.replace('!!! abstract "Ringkasan"', '```\n!!! abstract "Ringkasan"\n```', 1)
    assert any("belum ada" in m for _, m in _messages(in_code))


def test_reading_time_is_computed_from_the_words_and_shown():
    from portal_ekspor.loading.module_structure import WORDS_PER_MINUTE, reading_minutes
    from portal_ekspor.site.modules import module_index_page, module_info_html

    assert reading_minutes("kata " * WORDS_PER_MINUTE) == 1
    assert reading_minutes("kata " * (WORDS_PER_MINUTE + 1)) == 2
    assert reading_minutes("") == 1
    portal, problems = load_portal(ROOT)
    assert not problems, problems.report()
    for module in portal.modules:
        _, body = split_front_matter((ROOT / module.source).read_text(encoding="utf-8"))
        assert module.reading_minutes == reading_minutes(body) >= 800 // WORDS_PER_MINUTE
        assert f"baca ± {module.reading_minutes} menit" in module_info_html(portal, module)
    index = module_index_page(portal).html
    for module in portal.modules:
        item = re.search(rf"<li[^>]*>\s*<a [^>]*>{re.escape(module.meta.title)}</a>(.*?)</li>", index, re.S)
        assert item and f"baca ± {module.reading_minutes} menit" in item.group(1), module.slug



def test_session_plan_is_balanced():
    """Eight sessions of roughly equal study time: none more than 1.5 times the lightest."""
    portal, problems = load_portal(ROOT)
    assert not problems, problems.report()
    minutes = {n: 0 for n in range(1, 9)}
    for module in portal.modules:
        minutes[module.meta.session] += module.meta.duration_minutes
    assert min(minutes.values()) > 0, minutes
    assert max(minutes.values()) <= 1.5 * min(minutes.values()), minutes
