"""The typo word list split into small files (portal_ekspor.search.vocabulary).

That the browser loses no correction by loading only some files is checked in
Chromium (tests/test_search_browser.py); here: what the files hold."""

from __future__ import annotations

import json
from collections import Counter

from portal_ekspor.search.vocabulary import (CHUNK_BYTES, one_edit_pieces, split_vocabulary, two_edit_pieces,
                                             word_keys, write_vocabulary)


def test_pieces_leave_one_letter_between_them():
    for n in range(4, 30):
        head, tail = one_edit_pieces(n)
        assert head >= 1 and tail >= 1 and head + 1 + tail == n
    for n in range(5, 30):
        head, middle, tail = two_edit_pieces(n)
        assert min(head, middle, tail) >= 1 and head + middle + tail + 2 == n


def test_keys_of_a_word():
    # one edit: "peng" (g) "masan"; two edits: "pen" (g) "ema" (s) "an"; tails reversed
    assert word_keys("pengemasan") == ["apeng.10", "znasam.10", "Apen.10", "Mema.10", "Zna.10"]
    assert word_keys("kopi") == ["ak.04", "zip.04"]  # too short for two edits


def _counts():
    words = ["pengemasan", "kemasan", "kopi", "robusta", "sertifikasi", "negosiasi", "kumngekmos", "andaliman"]
    return Counter({w: 1 + i % 3 for i, w in enumerate(words * 40)} | {f"{w}{i}x".replace("0", "o"): 1
                                                                      for i, w in enumerate(words * 60)})


def test_every_word_is_filed_under_each_of_its_keys_in_sorted_files():
    counts = _counts()
    firsts, chunks = split_vocabulary(counts)
    assert len(chunks) > 3 and firsts == sorted(firsts)
    for first, chunk in zip(firsts, chunks):
        assert min(chunk) == first and list(chunk) == sorted(chunk)
    keys = [k for chunk in chunks for k in chunk]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    filed = {k: v for chunk in chunks for k, v in chunk.items()}
    for word, count in counts.items():
        for key in word_keys(word):
            assert f"{word}:{count}" in filed[key].split(" ")
    # Within a key, the order the correction prefers: most frequent first, then alphabetical.
    for key, entry in filed.items():
        if key.startswith("w"):
            assert entry == str(counts[key[1:]])  # filed whole: the count
            continue
        pairs = [e.rsplit(":", 1) for e in entry.split(" ")]
        assert pairs == sorted(pairs, key=lambda p: (-int(p[1]), p[0]))
    # A file grows past the target only when one key alone does.
    assert all(len(json.dumps(c, separators=(",", ":"))) <= CHUNK_BYTES + 8 or len(c) == 1 for c in chunks)


def test_split_is_the_same_whatever_order_the_words_were_counted_in(tmp_path):
    counts = _counts()
    backwards = Counter(dict(reversed(list(counts.items()))))
    write_vocabulary(tmp_path / "a", counts)
    (tmp_path / "b" / "kata").mkdir(parents=True)
    (tmp_path / "b" / "kata" / "999.json").write_text("{}")  # left from an earlier, larger build
    write_vocabulary(tmp_path / "b", backwards)
    files = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "kata").rglob("*") if p.is_file()}
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert "kata/indeks.json" in files(tmp_path / "a") and "kata/999.json" not in files(tmp_path / "b")


def test_every_word_is_filed_whole_and_code_words_only_so():
    from portal_ekspor.search.indexer import count_words

    counts = Counter()
    count_words({"url": "panduan-staf/", "html": "<p>Jalankan perintah berikut</p><pre><code>make serve "
                 "--keluaran perintah</code></pre>"}, counts)
    assert counts["perintah"] == 1 and counts["serve"] == 0 and counts["keluaran"] == 0
    firsts, chunks = split_vocabulary(counts)
    filed = {k: v for chunk in chunks for k, v in chunk.items()}
    assert filed["wperintah"] == "1" and filed["wserve"] == "0"
    # A code block's word is known (never corrected) but never offered as a correction.
    assert not any("serve:" in v or "keluaran:" in v for v in filed.values())
    assert any(v.startswith("perintah:1") for v in filed.values())
