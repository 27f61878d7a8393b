"""The parts every curriculum module must have, checked in `portal check`.

Participants rely on each module having the same shape (objectives in the
front matter, a summary box, then explanation, worked example, checklist,
quiz with hidden answers, next steps, references), so a module that skips one
is reported with the line where the missing part should go.

The summary box (`!!! abstract "Ringkasan"`) comes before the first `##`
section so that a participant on a phone sees the points to remember without
scrolling through the whole module. Three to five items: fewer is not a
summary, more is no longer short.
"""

from __future__ import annotations

import math
import re

from ..problems import Problems

REQUIRED_SECTIONS: tuple[tuple[str, str], ...] = (
    ("Penjelasan", "## Penjelasan"),
    ("Contoh", "## Contoh: <judul contoh>"),
    ("Daftar periksa", "## Daftar periksa"),
    ("Uji pemahaman", "## Uji pemahaman"),
    ("Langkah berikutnya", "## Langkah berikutnya"),
    ("Referensi", "## Referensi"),
)
MIN_CHECKLIST_ITEMS = 3
MIN_QUIZ_ANSWERS = 3
SUMMARY_OPENER = '!!! abstract "Ringkasan"'
MIN_SUMMARY_ITEMS = 3
MAX_SUMMARY_ITEMS = 5
WORDS_PER_MINUTE = 180
"""Reading speed for the estimate shown with each module: unhurried reading of
instructional Indonesian on a phone, slower than the 200-250 words a minute
often quoted for leisure reading."""

_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _sections(lines: list[str], first_line: int) -> list[tuple[str, int, list[str]]]:
    sections: list[tuple[str, int, list[str]]] = []
    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _H2.match(line)
        if match:
            sections.append((match.group(1), first_line + i, []))
        elif sections:
            sections[-1][2].append(line)
    return sections


def word_count(body: str) -> int:
    text = re.sub(r"```.*?```", " ", body, flags=re.S)
    text = re.sub(r"<[^>]+>|[#*_`>|\-\[\]()!]", " ", text)
    return len(re.findall(r"\w+", text))


def reading_minutes(body: str) -> int:
    """Whole minutes, rounded up, so a short module never shows 0 minutes."""
    return max(1, math.ceil(word_count(body) / WORDS_PER_MINUTE))


_SUMMARY = re.compile(r'^(!!!|\?\?\?\+?)\s+(\w+)\s+"Ringkasan"\s*$')
_SUMMARY_ITEM = re.compile(r"^ {4}[-*]\s+\S")


def _check_summary(lines: list[str], body_first_line: int, first_section: int | None, path: str,
                   problems: Problems) -> None:
    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _SUMMARY.match(line)
        if match:
            break
    else:
        where = first_section if first_section is not None else body_first_line
        problems.add(path, where, "", f"kotak ringkasan belum ada: tulis `{SUMMARY_OPENER}` berisi "
                                      f"{MIN_SUMMARY_ITEMS}–{MAX_SUMMARY_ITEMS} butir sebelum bagian `##` pertama "
                                      "(lihat templat modul di Panduan Staf)")
        return
    line_no = body_first_line + i
    if match.group(1) != "!!!" or match.group(2) != "abstract":
        problems.add(path, line_no, "", f"kotak ringkasan ditulis persis `{SUMMARY_OPENER}` "
                                        "(selalu terbuka, bukan kotak lipat)")
    if first_section is not None and line_no > first_section:
        problems.add(path, line_no, "", f"kotak ringkasan harus berada sebelum bagian `##` pertama (baris {first_section})")
    items = 0
    for line in lines[i + 1:]:
        if line.strip() and not line.startswith("    "):
            break
        if _SUMMARY_ITEM.match(line):
            items += 1
    if not MIN_SUMMARY_ITEMS <= items <= MAX_SUMMARY_ITEMS:
        problems.add(path, line_no, "", f"kotak ringkasan perlu {MIN_SUMMARY_ITEMS} sampai {MAX_SUMMARY_ITEMS} butir "
                                        f"`- ...` yang menjorok empat spasi (ada {items})")


def check_structure(body: str, body_first_line: int, path: str, problems: Problems) -> None:
    lines = body.split("\n")
    sections = _sections(lines, body_first_line)
    _check_summary(lines, body_first_line, sections[0][1] if sections else None, path, problems)
    found = {}
    for title, line, content in sections:
        for key, _ in REQUIRED_SECTIONS:
            if title == key or (key == "Contoh" and title.startswith("Contoh")):
                found.setdefault(key, (line, content))
    last_line = body_first_line + len(lines) - 1
    order = [found[k][0] for k, _ in REQUIRED_SECTIONS if k in found]
    for key, heading in REQUIRED_SECTIONS:
        if key not in found:
            problems.add(path, last_line, "", f"bagian `{heading}` belum ada (lihat templat modul di Panduan Staf)")
    if order != sorted(order):
        problems.add(path, body_first_line, "", "urutan bagian harus: " + ", ".join(h for _, h in REQUIRED_SECTIONS))
    if "Daftar periksa" in found:
        line, content = found["Daftar periksa"]
        items = sum(1 for c in content if re.match(r"^\s*[-*]\s+\[[ xX]\]\s+\S", c))
        if items < MIN_CHECKLIST_ITEMS:
            problems.add(path, line, "", f"daftar periksa perlu minimal {MIN_CHECKLIST_ITEMS} butir `- [ ] ...` (ada {items})")
    if "Uji pemahaman" in found:
        line, content = found["Uji pemahaman"]
        answers = sum(1 for c in content if re.match(r'^\?\?\?\+?\s+\w+\s+"', c))
        if answers < MIN_QUIZ_ANSWERS:
            problems.add(path, line, "", f"uji pemahaman perlu minimal {MIN_QUIZ_ANSWERS} soal dengan jawaban tersembunyi "
                                         f'`??? success "Lihat jawaban"` (ada {answers})')
    if "Referensi" in found:
        line, content = found["Referensi"]
        if not any(re.match(r"^\s*[-*]\s+\S", c) for c in content):
            problems.add(path, line, "", "referensi perlu minimal satu butir daftar yang menyebut lembaga dan layanannya")
