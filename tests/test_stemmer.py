"""Indonesian root forms: the corpus decides, and the browser agrees with Python."""

from __future__ import annotations

import json
import shutil
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


@pytest.mark.skipif(shutil.which("node") is None, reason="node is needed to run the browser code")
def test_browser_rules_match_python():
    sample = sorted(set(CORPUS) | {"menyanyikan", "pengapalan", "ketua", "keamanan", "berenang", "pelajaran",
                                   "memperdagangkan", "dipertanyakan", "mengebom", "penawaran", "terbuka"})
    script = ("const fs=require('fs');global.window={};global.document={getElementById:()=>null};"
              "global.location={href:'http://x/'};eval(fs.readFileSync(process.argv[1],'utf8'));"
              "const words=JSON.parse(process.argv[2]);"
              "console.log(JSON.stringify(words.map(w=>window.PortalAkar.candidates(w).sort())));")
    out = subprocess.run(["node", "-e", script, str(ROOT / "docs/assets/javascripts/cari.js"), json.dumps(sample)],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [sorted(candidates(w)) for w in sample]
