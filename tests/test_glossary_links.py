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


# Capitalised tokens in the bundled modules that are deliberately NOT glossary entries, by reason.
NOT_JARGON = {
    # currencies, file formats and everyday abbreviations
    "USD", "EUR", "SME", "PDF", "KTP", "NIK", "BUMN", "ISO", "PROFORMA", "INVOICE", "SDA", "B2C", "B2B",
    # trade agreements: the glossary explains FTA, CEPA, ATIGA and RCEP; the others are named once
    "ASEAN", "ACFTA", "AKFTA", "AIFTA", "AANZFTA", "AANZ", "IA-CEPA", "IK-CEPA", "IJEPA", "AJCEP", "IP-PTA", "EFTA", "WTO",
    # foreign authorities and trade fairs, named where they are explained
    "IMO", "SOLAS", "JAKIM", "GACC", "USDA", "SFDA", "MHLW", "FSANZ", "FSIS", "DAFF", "BICON", "WIPO", "WCO", "INACRAFT", "SIAL",
    "FOODEX", "BIOFACH", "CITES", "GS1", "AHTN", "ISBP", "PSR", "DAB", "FSSC", "ALFI", "BANI",
    # Indonesian offices and registers named in passing, each spelled out where it appears
    "OJK", "SLIK", "SPT", "ETK", "KAN", "LPH", "PPH", "POM", "PPEI", "BBPPEI", "DJBC", "DPMPTSP", "LNSW", "RBA", "SIUP",
    "TDP", "PMK", "ESDM", "SPPT-SNI", "CPPOB", "PBB", "IFG", "DAT", "MDF", "OUR", "SHA", "BEN",
}


def test_every_acronym_in_the_modules_has_a_glossary_entry():
    """First use links to the glossary only if the glossary knows the acronym: keep the two in step."""
    import re

    from conftest import ROOT
    from portal_ekspor.loading.frontmatter import split_front_matter
    from portal_ekspor.repository import load_portal

    portal, problems = load_portal(ROOT)
    assert not problems, problems.report()
    known = {v.casefold() for t in portal.glossary for v in (t.term, *t.aliases)}
    missing: dict[str, str] = {}
    for path in sorted((ROOT / "docs" / "modul").rglob("*.md")):
        _, body = split_front_matter(path.read_text(encoding="utf-8"))
        body = re.sub(r"```.*?```|`[^`]*`", " ", body, flags=re.S)
        for token in re.findall(r"(?<![\w/-])([A-Z][A-Z0-9-]*[A-Z0-9])(?![\w/-])", body):
            if len(token) >= 3 and not re.search(r"\d{2}", token) and token.casefold() not in known \
                    and token not in NOT_JARGON:
                missing.setdefault(token, path.stem)
    assert not missing, f"acronyms without a glossary entry: {missing}"


def test_built_module_links_resolve_to_glossary_entries(built_site):
    import re

    glossary = (built_site / "glosarium" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="(istilah-[^"]+)"', glossary))
    pages = sorted((built_site / "modul").rglob("index.html"))
    linked_pages = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        targets = re.findall(r'<a class="pe-term" href="(?:\.\./)+glosarium/#([^"]+)"', html)
        assert len(targets) == len(set(targets)), f"{page}: a term is linked more than once"
        assert set(targets) <= ids, f"{page}: {set(targets) - ids}"
        assert not re.search(r"<h[1-6][^>]*>[^<]*<a class=\"pe-term\"", html)
        linked_pages += bool(targets)
    assert linked_pages >= len(pages) - 1  # every module page; the module index has no prose to link
