"""The typo-correction word list, split so a correction fetches only a few small files.

The search box corrects a query word that is found nowhere to the portal word
fewest edits away (one edit for words of 4-6 letters, two from 7 letters on;
insertions, deletions, substitutions and swaps of neighbours). At 20,000
profiles the list holds ~40,000 words, 160 KB gzipped: too much for a phone's
first search. So every word is filed under pieces of itself, and the browser
asks only for the files holding the pieces a candidate must share with the
typed word (pigeonhole: k edits leave at least one of k + 1 pieces intact):

- one edit: a word of length n has a head piece and a tail piece with one
  letter between them (an edit touches at most one of the two; a swap of
  neighbours too, thanks to that letter). A candidate shares its head with the
  typed word's start or its tail with the typed word's end. Keys ``a``/``z``.
- two edits: head, middle and tail, one letter between each; with the head and
  tail both broken, one edit lies before the middle and one after it, so the
  middle sits in the typed word shifted by -1, 0 or +1. Keys ``A``/``M``/``Z``.

Any one-edit candidate beats every two-edit one, so the browser tries the
one-edit keys first and asks for the two-edit keys only when they find
nothing. What it loads holds every word within reach, so the correction is
the same as over the whole list.

Every word is also filed whole (key ``w`` + word, its count as the value), in
alphabetical order, with the words of code blocks (count 0: known, never a
correction): one file tells the browser whether a typed word is a portal word
or begins one, before Pagefind is asked for it. A typo is then corrected
first, and Pagefind never loads the index chunk of a word that does not exist
(at 20,000 profiles up to 145 KB: "egosiasi" sits in the chunk of "ekspor").

Keys are sorted (tails reversed, so the keys of one typed word sit together)
and cut into files of about ``CHUNK_BYTES``; ``kata/indeks.json`` lists the
first key of each file and the folder's name. The same pieces are computed by cari.js
(``oneEditKeys``, ``twoEditKeys``, ``portalWord``): change both together.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter
from pathlib import Path

FOLDER = "kata"
MANIFEST = "indeks.json"
CHUNK_BYTES = 4000
MIN_LENGTH = 4


def one_edit_pieces(n: int) -> tuple[int, int]:
    """Head and tail lengths of a word of length n, one letter between them."""
    head = (n - 1) // 2
    return head, n - 1 - head


def two_edit_pieces(n: int) -> tuple[int, int, int]:
    """Head, middle and tail lengths of a word of length n >= 5, one letter between each."""
    rest = n - 2
    head, tail = max(1, (rest + 1) // 3), max(1, rest // 3)
    return head, rest - head - tail, tail


def _key(kind: str, piece: str, n: int) -> str:
    # Tails reversed: the tails of one typed word for several lengths share their end.
    return f"{kind}{piece[::-1] if kind in 'zZ' else piece}.{n:02d}"


def word_keys(word: str) -> list[str]:
    """The keys a vocabulary word is filed under."""
    n = len(word)
    head, tail = one_edit_pieces(n)
    keys = [_key("a", word[:head], n), _key("z", word[n - tail:], n)]
    if n >= 5:
        head, middle, tail = two_edit_pieces(n)
        keys += [_key("A", word[:head], n), _key("M", word[head + 1:head + 1 + middle], n),
                 _key("Z", word[n - tail:], n)]
    return keys


def typo_vocabulary(counts: Counter[str]) -> list[str]:
    """The counted words, most frequent first (the order the correction prefers at equal edits)."""
    return sorted(counts, key=lambda w: (-counts[w], w))


def split_vocabulary(counts: Counter[str]) -> tuple[list[str], list[dict[str, str]]]:
    """The first key of each file and the files: key -> "word:count word:count ...",
    words most frequent first; whole-word keys -> the word's count."""
    filed: dict[str, list[str]] = {}
    for word in typo_vocabulary(counts):
        if len(word) < MIN_LENGTH:
            continue
        filed["w" + word] = [str(counts[word])]
        if counts[word] <= 0:
            continue  # known, never a correction
        for key in word_keys(word):
            filed.setdefault(key, []).append(f"{word}:{counts[word]}")
    firsts: list[str] = []
    chunks: list[dict[str, str]] = []
    size = 0
    for key in sorted(filed):
        entry = " ".join(filed[key])
        if not chunks or size + len(key) + len(entry) > CHUNK_BYTES:
            firsts.append(key)
            chunks.append({})
            size = 0
        chunks[-1][key] = entry
        size += len(key) + len(entry) + 6
    return firsts, chunks


def write_vocabulary(folder: Path, counts: Counter[str]) -> None:
    """Write ``folder/kata/``: the manifest and the files, replacing any earlier split."""
    target = folder / FOLDER
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    firsts, chunks = split_vocabulary(counts)

    def dump(name: str, value) -> None:
        (target / name).write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    # Files sit in a folder named by their content: a page opened before a
    # release keeps the old manifest, and its files stay reachable in the
    # server's archive of earlier releases (deploy/nginx, location /cari/)
    # instead of being answered by a new file of the same name holding other
    # words. One name for all: 927 names of their own cost 6 KB in the manifest.
    texts = [json.dumps(chunk, ensure_ascii=False, separators=(",", ":")) for chunk in chunks]
    version = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:10]
    (target / version).mkdir()
    for number, text in enumerate(texts):
        (target / version / f"{number}.json").write_text(text, encoding="utf-8")
    dump(MANIFEST, {"awal": firsts, "versi": version})
