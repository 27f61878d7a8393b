"""Stories from data files: Markdown to safe HTML, and the plain-text summary."""

from __future__ import annotations

import pytest

from portal_ekspor.sanitize import markdown_to_safe_html, plain_text


def test_summary_limit_counts_what_the_reader_sees():
    story = "Kopi & teh \"Solok\" " * 20
    summary = plain_text(story)
    assert summary.startswith('Kopi & teh "Solok" Kopi & teh')
    assert summary.endswith("…") and 150 <= len(summary) <= 160, (len(summary), summary)
    assert "&amp;" not in summary and "&quot;" not in summary


@pytest.mark.parametrize("char", ["&", "<"])
def test_summary_of_one_long_word_is_cut_between_characters_not_inside_an_entity(char):
    assert plain_text(char * 100, limit=40) == char * 39 + "…"


def test_story_html_keeps_text_and_drops_scripts_and_images():
    html = markdown_to_safe_html("**Kopi** & teh <script>alert(1)</script> ![x](https://x.example/a.png) [web](javascript:alert(1))")
    assert "<strong>Kopi</strong> &amp; teh" in html
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
