"""Indonesian root forms: the corpus decides, and the browser agrees with Python."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT
from portal_ekspor.search.stemmer import candidates, choose_roots, root_terms

CORPUS = ("kemasan dikemas mengemas pengemasan kemasannya emas kirim dikirim pengiriman mengirimkan paham pemahaman "
          "memahami kopi kopinya perdagangan dagang berdagang pedagang ekspor mengekspor eksportir pembayaran bayar "
          "membayar kelompok dikelompokkan kelompoknya pengelompokan sertifikat bersertifikat menyerahkan serah "
          "penyerahan diserahkan").split()


def test_snowball_misses_are_fixed_by_corpus_support():
    roots = choose_roots(CORPUS)
    assert roots["pengemasan"] == "kemas"  # Snowball: emas
    assert roots["kemasan"] == "kemas"  # Snowball: masan
    assert roots["mengirimkan"] == "kirim"  # Snowball: irim
    assert roots["memahami"] == "paham"
    assert roots["menyerahkan"] == "serah"


def test_roots_are_not_overstemmed():
    roots = choose_roots(CORPUS)
    assert roots["kelompok"] == "kelompok"
    assert roots["kopi"] == "kopi" and roots["kopinya"] == "kopi"
    assert roots["emas"] == "emas"
    assert roots["eksportir"] == "eksportir"


def test_root_terms_lists_each_new_root_once():
    roots = choose_roots(CORPUS)
    assert root_terms("Pengemasan dan kemasan, lalu dikirim.", roots) == ["kemas", "kirim"]


def test_browser_rules_match_python(node):
    sample = sorted(set(CORPUS) | {"menyanyikan", "pengapalan", "ketua", "keamanan", "berenang", "pelajaran",
                                   "memperdagangkan", "dipertanyakan", "mengebom", "penawaran", "terbuka"})
    script = ("const fs=require('fs');global.window={};global.document={getElementById:()=>null,documentElement:{lang:'id'}};"
              "global.location={href:'http://x/'};eval(fs.readFileSync(process.argv[1],'utf8'));"
              "const words=JSON.parse(process.argv[2]);"
              "console.log(JSON.stringify(words.map(w=>window.PortalAkar.candidates(w).sort())));")
    out = subprocess.run([node, "-e", script, str(ROOT / "docs/assets/javascripts/cari.js"), json.dumps(sample)],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [sorted(candidates(w)) for w in sample]


ROOTS_SCRIPT = ("import json,sys; from pathlib import Path; from portal_ekspor.repository import load_valid_portal; "
                "from portal_ekspor.site.pages import build_site_content; from portal_ekspor.search.corpus import corpus_roots; "
                "p=load_valid_portal(Path(sys.argv[1])); r,_=corpus_roots(p, build_site_content(p).profiles); "
                "print(json.dumps(r, sort_keys=True))")


def _sample_roots(seed: str) -> dict:
    import os
    import sys

    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", ROOTS_SCRIPT, str(ROOT)], env=env, capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)


def test_roots_do_not_depend_on_the_hash_seed():
    first, second = _sample_roots("1"), _sample_roots("2")
    assert len(first) > 1000
    assert first == second


@pytest.fixture(scope="module")
def sample_roots():
    return _sample_roots("0")


@pytest.mark.parametrize("word, root", [
    ("nilai", "nilai"), ("menilai", "nilai"), ("penilaian", "nilai"), ("sertifikat", "sertifikat"),
    ("bersertifikat", "sertifikat"), ("bersih", "bersih"), ("kebersihan", "bersih"), ("sangrai", "sangrai"),
    ("disangrai", "sangrai"), ("mengabaikan", "abai"), ("mengajukan", "aju"), ("pengajuan", "aju"),
    ("pengemasan", "kemas"), ("kemasan", "kemas"), ("mengirimkan", "kirim"), ("tangan", "tangan"),
    ("penanganan", "tangan"), ("terang", "terang"), ("diberikan", "beri"), ("masalahnya", "masalah"),
])
def test_sample_portal_roots_are_words_not_truncations(sample_roots, word, root):
    assert sample_roots.get(word, word) == root


def test_review_file_lists_every_root_that_differs_from_snowball():
    """bench/search/akar-vs-snowball.tsv is what a reviewer reads; it must be current."""
    from portal_ekspor.search.review import sample_differences

    shipped = (ROOT / "bench" / "search" / "akar-vs-snowball.tsv").read_text(encoding="utf-8").splitlines()
    assert sample_differences(ROOT) == shipped, (
        "regenerate: python -m portal_ekspor.search.review > bench/search/akar-vs-snowball.tsv, then review the diff")
