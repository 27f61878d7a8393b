"""Read every file of a built site the way a leak would be read: decoded, lowercased, word by word.

A browser can download any file under site/, so a privacy check must see the
words inside all of them, whatever their format:
- gzip files (Pagefind's chunks, sitemap.xml.gz) are decompressed, repeatedly;
- Pagefind's ``pagefind_dcd`` payloads are decoded: its word index, metadata and
  filters are CBOR, so every text string inside is collected, not just the
  bytes that happen to look like text (a length byte glued to a word would
  hide the word from a whole-word match);
- JSON files (word lists, open data, anything added later) are parsed and every
  key and string value collected, so ``\\u`` escapes are undone;
- HTML/XML entities and percent-encoding are undone;
- other binary files (images, fonts, WebAssembly) contribute their printable runs.

Nothing here knows a file name: the scan keeps working when the search index
changes shape or new word lists appear.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

PAGEFIND_PREFIX = b"pagefind_dcd"
WORD = re.compile(r"\w+")
PRINTABLE_RUN = re.compile(rb"[\x20-\x7e]{4,}")


class CborError(ValueError):
    pass


def cbor_strings(data: bytes) -> list[str]:
    """All text strings (and map keys) in a sequence of CBOR items, in order.

    Raises CborError when ``data`` is not well-formed CBOR from start to end.
    """
    out: list[str] = []
    pos = 0
    n = len(data)

    def need(k: int) -> None:
        if pos + k > n:
            raise CborError("truncated")

    def argument(info: int) -> int | None:
        nonlocal pos
        if info < 24:
            return info
        if info == 31:
            return None  # indefinite length
        sizes = {24: 1, 25: 2, 26: 4, 27: 8}
        if info not in sizes:
            raise CborError(f"reserved additional info {info}")
        k = sizes[info]
        need(k)
        value = int.from_bytes(data[pos:pos + k], "big")
        pos += k
        return value

    def item(depth: int = 0) -> object:
        nonlocal pos
        if depth > 200:
            raise CborError("too deep")
        need(1)
        head = data[pos]
        pos += 1
        major, info = head >> 5, head & 31
        if major == 7 and info == 31:
            return BREAK
        length = argument(info)
        if major in (0, 1):
            if length is None:
                raise CborError("indefinite integer")
            return None
        if major in (2, 3):
            if length is None:  # indefinite string: chunks until break
                chunks = []
                while True:
                    chunk = item(depth + 1)
                    if chunk is BREAK:
                        break
                    chunks.append(chunk)
                if major == 3:
                    out.append("".join(c for c in chunks if isinstance(c, str)))
                return None
            need(length)
            raw = data[pos:pos + length]
            pos += length
            if major == 3:
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    raise CborError("text string is not UTF-8") from e
                out.append(text)
                return text
            return None
        if major in (4, 5):
            count = length
            per = 2 if major == 5 else 1
            if count is None:
                while item(depth + 1) is not BREAK:
                    if per == 2 and item(depth + 1) is BREAK:
                        raise CborError("odd map")
                return None
            for _ in range(count * per):
                if item(depth + 1) is BREAK:
                    raise CborError("unexpected break")
            return None
        if major == 6:
            if length is None:
                raise CborError("indefinite tag")
            return item(depth + 1)
        return None  # major 7: simple values and floats, payload already consumed

    BREAK = object()
    while pos < n:
        if item() is BREAK:
            raise CborError("stray break")
    return out


def _json_strings(value: object, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            out.append(str(k))
            _json_strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _json_strings(v, out)
    elif value is not None:
        out.append(str(value))


def readable(raw: bytes, _depth: int = 0) -> tuple[str, str]:
    """(how the bytes were read, the text a leak would show as)."""
    if raw[:2] == b"\x1f\x8b" and _depth < 4:
        try:
            how, text = readable(gzip.decompress(raw), _depth + 1)
            return "gzip+" + how, text
        except (OSError, EOFError):
            pass
    if raw.startswith(PAGEFIND_PREFIX):
        body = raw[len(PAGEFIND_PREFIX):]
        try:
            return "pagefind-cbor", "\n".join(cbor_strings(body))
        except CborError:
            pass
        try:  # fragments are JSON after the prefix
            return "pagefind-json", _json_text(json.loads(body.decode("utf-8")))
        except (UnicodeDecodeError, ValueError):
            return "pagefind-binary", "\n".join(run.decode("ascii") for run in PRINTABLE_RUN.findall(body))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "binary", "\n".join(run.decode("ascii") for run in PRINTABLE_RUN.findall(raw))
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            return "json", _json_text(json.loads(text))
        except ValueError:
            pass
    return "text", text


def _json_text(value: object) -> str:
    strings: list[str] = []
    _json_strings(value, strings)
    return "\n".join(strings)


@dataclass
class FileText:
    path: str
    how: str
    text: str  # decoded, entities and percent-escapes undone, casefolded
    words: set[str] = field(default_factory=set)


def normalise(text: str) -> str:
    text = html.unescape(text)
    if "%" in text:
        text = text + "\n" + urllib.parse.unquote(text)
    return text.casefold()


def read_site(site: Path) -> list[FileText]:
    files = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        how, text = readable(path.read_bytes())
        text = normalise(text)
        files.append(FileText(path.relative_to(site).as_posix(), how, text, set(WORD.findall(text))))
    return files


def secret_words(*phrases: str) -> list[str]:
    """The words of ``phrases``, casefolded: what a word index would store."""
    return sorted({w for p in phrases for w in WORD.findall(p.casefold())})


def found(files: list[FileText], secret: str) -> list[str]:
    """Files where ``secret`` shows, casefolded.

    A single word is found as a word of the file, or inside its text when it is
    long enough to be distinctive (a CBOR length byte or a URL may be glued to
    it); anything else (a phrase, an address, an emoji flag) inside the text.
    """
    s = secret.casefold()
    words = WORD.findall(s)
    hits = []
    single_word = len(words) == 1 and words[0] == s
    for f in files:
        if single_word and s in f.words:
            hits.append(f.path)
        elif (not single_word or len(s) >= 6) and s in f.text:
            hits.append(f.path)
    return hits


def leaks(files: list[FileText], secrets: list[str]) -> list[tuple[str, str]]:
    return [(s, p) for s in secrets for p in found(files, s)]
