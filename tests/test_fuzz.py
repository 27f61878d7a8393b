"""Arbitrary edits to valid files never crash the loader: they are valid or reported."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, VALID_ALUMNUS
from portal_ekspor.loading.frontmatter import parse_front_matter
from portal_ekspor.loading.strict_yaml import load_yaml_file, parse_yaml_text
from portal_ekspor.models.alumni import Alumnus
from portal_ekspor.models.module import ModuleMeta
from portal_ekspor.models.program import Program
from portal_ekspor.problems import Problems
from portal_ekspor.validation import validate

PROGRAM = (ROOT / "data" / "programs" / "ecp-sumbar.yml").read_text(encoding="utf-8")
MODULE_HEAD = "---\ntitle: Uji\ndescription: Uji.\nlevel: pemula\nsesi: 1\ndurasi: 60\ntujuan: [x]\nprasyarat: []\n---\nIsi\n"

NASTY = st.sampled_from(["\t", ":", ": ", "- ", "\"", "'", "&a ", "*a", "!x ", "!!python/object ", "{", "}", "[", "]",
                         "#", "|", ">", "\n", "\n  ", "---\n", "~", "NO", "0721", "1e9", "\x00", "\ufeff", "é", "🇮🇩",
                         "<script>", "%", "@", "`", "<<: ", "? "])


@st.composite
def mutated(draw, text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "dup", "swap", "replace", "indent"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "insert":
            pos = draw(st.integers(0, len(lines[i])))
            chunk = draw(st.one_of(NASTY, st.text(max_size=6)))
            lines[i] = lines[i][:pos] + chunk + lines[i][pos:]
        elif kind == "delete" and lines[i]:
            a = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:a] + lines[i][a + draw(st.integers(1, 5)):]
        elif kind == "dup":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "replace":
            lines[i] = draw(st.text(max_size=30))
        else:
            lines[i] = " " * draw(st.integers(0, 5)) + lines[i].lstrip()
    return "\n".join(lines)


def _check(model, text: str) -> None:
    problems = Problems()
    doc = parse_yaml_text(text, "f.yml", problems)
    if doc is not None:
        validate(model, doc, problems)
    for p in problems:  # every message is complete and printable
        assert p.path == "f.yml" and p.line >= 0 and p.message
        str(p)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(VALID_ALUMNUS))
def test_mutated_alumni_never_crash(text):
    _check(Alumnus, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(PROGRAM))
def test_mutated_programs_never_crash(text):
    _check(Program, text)


@settings(max_examples=200, deadline=None)
@given(mutated(MODULE_HEAD))
def test_mutated_front_matter_never_crash(text):
    problems = Problems()
    doc = parse_front_matter(text, "m.md", problems)
    if doc is not None:
        validate(ModuleMeta, doc, problems)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.integers(0, len(VALID_ALUMNUS)))
def test_arbitrary_bytes_never_crash(tmp_path_factory, blob, at):
    path = Path(tmp_path_factory.mktemp("bytes")) / "x.yml"
    raw = VALID_ALUMNUS.encode()
    path.write_bytes(raw[:at] + blob + raw[at:])
    problems = Problems()
    doc = load_yaml_file(path, "x.yml", problems)
    if doc is not None:
        validate(Alumnus, doc, problems)
