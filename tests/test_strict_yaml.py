"""The strict loader: every YAML trap that could change what staff typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal_ekspor.loading.strict_yaml import MAX_BYTES, load_yaml_file, parse_yaml_text
from portal_ekspor.problems import Problems


def load(text: str):
    problems = Problems()
    return parse_yaml_text(text, "x.yml", problems), problems


def only_problem(problems: Problems):
    items = list(problems)
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("typed", ["NO", "no", "No", "off", "yes", "y", "n", "on", "Y"])
def test_yaml11_booleans_stay_text(typed):
    doc, problems = load(f"negara: {typed}\n")
    assert not problems
    assert doc.data == {"negara": typed}


@pytest.mark.parametrize("typed", ["090121", "0721123456", "0812-3456", "1_000", "0o17", "0x1F", "1:20", "2024-01-15", "1e3", ".5"])
def test_number_lookalikes_stay_exact_text(typed):
    doc, problems = load(f"nilai: {typed}\n")
    assert not problems
    assert doc.data == {"nilai": typed}


def test_plain_numbers_and_booleans():
    doc, _ = load("a: 2023\nb: -5\nc: 1.5\nd: true\ne: false\nf: ~\ng:\n")
    assert doc.data == {"a": 2023, "b": -5, "c": 1.5, "d": True, "e": False, "f": None, "g": None}


def test_quoted_values_are_text():
    doc, _ = load("a: \"2023\"\nb: 'true'\n")
    assert doc.data == {"a": "2023", "b": "true"}


def test_duplicate_key_rejected_with_both_lines():
    _, problems = load("nama_usaha: A\nprovinsi: Aceh\nnama_usaha: B\n")
    p = only_problem(problems)
    assert (p.line, p.field) == (3, "nama_usaha")
    assert "dua kali" in p.message and "baris 1" in p.message


def test_nested_duplicate_key_rejected():
    _, problems = load("kontak:\n  email:\n    publik: true\n    publik: false\n")
    p = only_problem(problems)
    assert p.line == 4 and p.field == "kontak.email.publik"


@pytest.mark.parametrize("text", ["a: !rahasia 1\n", "a: !!python/object:os.system x\n", "a: !!binary aGVsbG8=\n", "a: !!int 5\n"])
def test_tags_rejected(text):
    _, problems = load(text)
    assert "tag YAML" in only_problem(problems).message


def test_alias_bomb_rejected_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    doc, problems = load(bomb)
    assert doc is None
    assert "alias" in only_problem(problems).message


@pytest.mark.parametrize("text", ["base: &b {x: 1}\nitem:\n  <<: *b\n", "base: {y: 2}\nitem:\n  <<: {x: 1}\n"])
def test_merge_key_rejected(text):
    doc, problems = load(text)
    p = only_problem(problems)
    assert (p.line, p.field) == (3, "item")
    assert "`<<`" in p.message and "tidak diizinkan" in p.message


def test_tab_indentation_rejected_on_each_line():
    _, problems = load("kontak:\n\temail: a\n\twhatsapp: b\n")
    assert [p.line for p in problems] == [2, 3]
    assert all("Tab" in p.message for p in problems)


def test_tab_inside_value_is_fine():
    doc, problems = load("a: satu\tdua\n")
    assert not problems and doc.data == {"a": "satu\tdua"}


def test_non_utf8_rejected_with_line(tmp_path: Path):
    path = tmp_path / "latin.yml"
    path.write_bytes("a: 1\nb: Caf\xe9\n".encode("latin-1"))
    problems = Problems()
    assert load_yaml_file(path, "latin.yml", problems) is None
    p = only_problem(problems)
    assert p.line == 2 and "UTF-8" in p.message


def test_utf8_bom_accepted(tmp_path: Path):
    path = tmp_path / "bom.yml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    problems = Problems()
    assert load_yaml_file(path, "bom.yml", problems).data == {"a": 1}


def test_size_cap(tmp_path: Path):
    path = tmp_path / "besar.yml"
    path.write_text("a: " + "x" * (MAX_BYTES + 1) + "\n")
    problems = Problems()
    assert load_yaml_file(path, "besar.yml", problems) is None
    assert "terlalu besar" in only_problem(problems).message


def test_syntax_error_has_line_and_hint():
    _, problems = load("nama: a\nketerangan: waktu: 10.00\n")
    p = only_problem(problems)
    assert p.line == 2 and "tanda kutip" in p.message


def test_multiple_documents_rejected():
    _, problems = load("a: 1\n---\nb: 2\n")
    assert "satu dokumen" in only_problem(problems).message


def test_lines_recorded_for_nested_items():
    doc, _ = load("produk:\n  - nama: a\n    hs: \"0901\"\n  - nama: b\n    hs: \"0902\"\n")
    assert doc.line_of(("produk", 1, "hs")) == 5
    assert doc.line_of(("produk", 1, "tidak-ada")) == 4
