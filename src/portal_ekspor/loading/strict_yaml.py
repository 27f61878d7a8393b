"""A strict YAML reader for files written by hand by non-programmers.

PyYAML's safe loader still follows YAML 1.1: ``NO`` becomes ``False``,
``090121`` becomes the number 90121 and ``0721`` an octal number, duplicate
keys silently keep the last value and aliases can expand exponentially. Here
only the parser (libyaml when available) is reused; values are built by hand so
that a scalar is a number or a boolean only in its plain, unambiguous spelling
and everything else stays exactly the text the staff member typed.

Every value is remembered with its line so a validation message can point at
it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problems

try:  # libyaml's parser is ~10x faster; fall back to pure Python if missing
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
"""A record is a few KB; anything this large is a mistake or an attack."""

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")

_PARSER_HINTS = {
    "mapping values are not allowed": (
        "ada titik dua (:) di tempat yang tidak terduga; jika nilainya memang berisi "
        "titik dua, apit nilainya dengan tanda kutip"
    ),
    "could not find expected ':'": "baris ini harus berbentuk `nama_kolom: nilai`",
    "did not find expected key": "indentasi (spasi di awal baris) tidak sejajar dengan baris di atasnya",
    "did not find expected '-' indicator": "indentasi daftar (baris berawalan -) tidak sejajar",
    "found unexpected end of stream": "tanda kutip atau kurung tidak ditutup",
    "found undefined alias": "alias (*) tidak diizinkan",
    "did not find expected node content": "nilai tidak lengkap: kurung [ atau { tidak ditutup, atau nilai hilang setelah tanda `-` atau `:`",
    "found character that cannot start any token": "ada karakter yang tidak boleh mengawali nilai (mis. @ atau `); apit nilainya dengan tanda kutip",
    "did not find expected ',' or ']'": "daftar dalam kurung siku [ ] tidak ditutup atau ada koma yang kurang",
    "did not find expected ',' or '}'": "kurung kurawal { } tidak ditutup atau ada koma yang kurang",
    "found unknown escape character": "garis miring terbalik (\\) di dalam tanda kutip ganda; pakai tanda kutip tunggal",
    "expected a single document": "satu file hanya boleh berisi satu dokumen (hapus pemisah ---)",
    "but found another document": "satu file hanya boleh berisi satu dokumen (hapus pemisah ---)",
}


@dataclass
class LoadedYaml:
    """A parsed document plus the line of every key and list item."""

    path: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int:
        """Line of ``loc`` or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class _Reject(Exception):
    def __init__(self, line: int, field: str, message: str):
        self.line, self.field, self.message = line, field, message


def dotted(loc: Path_) -> str:
    """``('produk', 0, 'hs')`` -> ``produk[1].hs`` (1-based for staff)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _plain_scalar(text: str) -> Any:
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


class _Builder:
    def __init__(self, doc: LoadedYaml):
        self.doc = doc
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Path_) -> Any:
        line = self.doc.lines.get(loc) or node.start_mark.line + 1
        if id(node) in self.seen:
            raise _Reject(line, dotted(loc), "alias/anchor YAML (& dan *) tidak diizinkan; tulis nilainya langsung")
        self.seen.add(id(node))
        if node.tag not in (_STR, _SEQ, _MAP):
            raise _Reject(
                line, dotted(loc),
                f"tag YAML `{node.tag}` tidak diizinkan; hapus tanda `!` dan tulis nilainya biasa",
            )
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.tag == _STR:  # libyaml: '' for plain
                return _plain_scalar(node.value)
            return node.value
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, child in enumerate(node.value):
                self.doc.lines[loc + (i,)] = child.start_mark.line + 1
                items.append(self.build(child, loc + (i,)))
            return items
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            kline = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Reject(kline, dotted(loc), "nama kolom harus berupa teks biasa")
            key = key_node.value
            if key == "<<":
                raise _Reject(kline, dotted(loc), "penggabungan `<<` tidak diizinkan; tulis setiap kolom langsung")
            if key in mapping:
                first = self.doc.lines.get(loc + (key,), kline)
                raise _Reject(
                    kline, dotted(loc + (key,)),
                    f"kolom `{key}` ditulis dua kali (pertama di baris {first}); hapus salah satunya",
                )
            self.doc.lines[loc + (key,)] = kline
            mapping[key] = self.build(value_node, loc + (key,))
        return mapping



def _decode(raw: bytes, path: str, problems: Problems) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(
            path, line, "",
            "file bukan teks UTF-8 (mungkin disimpan sebagai ANSI/Latin-1); "
            "simpan ulang dengan encoding UTF-8",
        )
        return None


def _tab_lines(text: str) -> list[int]:
    bad = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            bad.append(number)
    return bad


def parse_yaml_text(text: str, path: str, problems: Problems, first_line: int = 1) -> LoadedYaml | None:
    """Parse ``text``; on failure record problems and return ``None``."""
    offset = first_line - 1
    tabs = _tab_lines(text)
    for line in tabs:
        problems.add(path, line + offset, "", "indentasi memakai karakter Tab; gunakan spasi")
    if tabs:
        return None
    doc = LoadedYaml(path, None)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        detail = f"{exc.context or ''} {exc.problem or ''}".strip()
        hint = next((h for k, h in _PARSER_HINTS.items() if k in detail), None)
        message = f"format YAML tidak valid: {hint}" if hint else f"format YAML tidak valid ({detail})"
        problems.add(path, line, "", message)
        return None
    except yaml.YAMLError as exc:
        problems.add(path, first_line, "", f"format YAML tidak valid ({exc})")
        return None
    if node is None:
        doc.data = None
        return doc
    try:
        doc.data = _Builder(doc).build(node, ())
    except _Reject as rej:
        problems.add(path, rej.line + offset, rej.field, rej.message)
        return None
    except RecursionError:
        problems.add(path, first_line, "", "struktur terlalu dalam bertingkat")
        return None
    if offset:
        doc.lines = {k: v + offset for k, v in doc.lines.items()}
    doc.lines.setdefault((), first_line)
    return doc


def read_text(path: Path, display: str, problems: Problems, max_bytes: int = MAX_BYTES) -> str | None:
    """Read a staff file as UTF-8 text within the size cap."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            problems.add(
                display, 1, "",
                f"file terlalu besar ({size // 1024} KB; batas {max_bytes // 1024} KB). "
                "Pindahkan foto atau lampiran ke folder lain",
            )
            return None
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(display, 1, "", f"file tidak bisa dibaca ({exc.strerror})")
        return None
    return _decode(raw, display, problems)


def load_yaml_file(path: Path, display: str, problems: Problems) -> LoadedYaml | None:
    text = read_text(path, display, problems)
    if text is None:
        return None
    return parse_yaml_text(text, display, problems)
