"""Glossary terms get one tooltip link per page, never inside code, links or headings."""

from __future__ import annotations

from portal_ekspor.glossary_links import GlossaryLinker
from portal_ekspor.models.glossary import Term


def term(name, definition="Arti.", expansion=None, aliases=()):
    return Term.model_validate({"istilah": name, "definisi": definition, "kepanjangan": expansion, "sinonim": list(aliases)})


LINKER = GlossaryLinker([term("FOB", "Penyerahan di atas kapal.", "Free On Board"), term("Bill of Lading", aliases=["B/L"]),
                         term("buyer", "Pembeli di luar negeri."), term("PEB", "Pemberitahuan ekspor <barang>.")])


def test_first_use_only_is_linked_with_tooltip():
    html = LINKER.link("<p>Harga FOB dan harga FOB lagi.</p>", "modul/pemula/harga/")
    assert html.count("pe-term") == 1
    assert 'href="../../../glosarium/#istilah-fob"' in html
    assert 'title="Free On Board: Penyerahan di atas kapal."' in html


def test_never_inside_code_links_or_headings():
    html = LINKER.link('<h2>FOB</h2><p><a href="x">FOB</a> <code>FOB</code></p><pre>FOB</pre><p>FOB</p>', "m/")
    assert html.count("pe-term") == 1
    assert html.endswith('<p><a class="pe-term" href="../glosarium/#istilah-fob" title="Free On Board: Penyerahan di atas kapal.">FOB</a></p>')


def test_acronyms_match_case_and_words_do_not_match_inside_words():
    html = LINKER.link("<p>fob Peb buyers sang buyer</p>", "m/")
    assert "pe-term" in html and html.count("pe-term") == 1 and ">buyer</a>" in html


def test_aliases_and_escaping():
    html = LINKER.link("<p>Kirim B/L dan PEB.</p>", "m/")
    assert "#istilah-bill-of-lading" in html
    assert 'title="Pemberitahuan ekspor &lt;barang&gt;."' in html


def test_attributes_are_not_touched():
    html = LINKER.link('<p title="FOB"><img alt="FOB"> teks</p>', "m/")
    assert html == '<p title="FOB"><img alt="FOB"> teks</p>'
