"""The export price calculator: one JavaScript formula module, its Python twin,
and the form in the price module, held to the module's own worked example."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from portal_ekspor.export_price import WORKED_EXAMPLE, compute, cents, cents_up

ROOT = Path(__file__).resolve().parent.parent
FORMULAS = ROOT / "docs/assets/javascripts/harga-ekspor.js"
MODULE = ROOT / "docs/modul/pemula/harga-ekspor.md"
NODE = shutil.which("node")

# Python names of PriceInputs -> the JavaScript module's names.
JS_NAMES = {
    "quantity": "jumlah", "production_cost": "biayaProduksi", "local_export_cost": "biayaEkspor",
    "margin_percent": "labaPersen", "inland_transport": "angkutanDarat", "document_cost": "biayaDokumen",
    "port_cost": "biayaPelabuhan", "exchange_rate": "kurs", "freight_usd": "ongkosKapal",
    "insurance_percent": "tarifPremi", "insurance_percent_cip": "tarifPremiCip", "stress_rate": "kursUji",
}


def js(expression: str, *args) -> object:
    """Evaluates ``expression`` with ``h`` = harga-ekspor.js and ``args`` = the JSON arguments."""
    assert NODE, "node tidak ditemukan: jalankan `make system-deps` (tes ini tidak boleh dilewati)"
    script = "const h = require(process.argv[1]); const args = JSON.parse(process.argv[2]); " \
             f"process.stdout.write(JSON.stringify({expression}));"
    out = subprocess.run([NODE, "-e", script, str(FORMULAS), json.dumps(args)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def js_inputs(inputs) -> dict:
    return {JS_NAMES[k]: v for k, v in dataclasses.asdict(inputs).items() if k in JS_NAMES}


def test_worked_example_to_the_cent_in_javascript():
    r = js("h.hitung(args[0])", js_inputs(WORKED_EXAMPLE))
    assert r["ok"]
    totals = {s["kode"]: s["total"] for s in r["syarat"]}
    assert totals["EXW"] == 4887.27
    assert totals["FOB"] == 5405.45
    assert totals["CFR"] == 5855.45
    assert totals["CIF"] == 5874.84
    # FCA: EXW + truck + documents, before the port's local charges; CIP here uses the CIF rate.
    assert totals["FCA"] == 5205.45
    assert totals["CIP"] == 5874.84
    assert r["premiCif"] == 19.39  # table D: premium 0.30 % x 110 % x CIF
    per_unit = {s["kode"]: s["perUnit"] for s in r["syarat"]}
    assert (per_unit["EXW"], per_unit["FOB"], per_unit["CFR"], per_unit["CIF"]) == (2.45, 2.71, 2.93, 2.94)  # table E
    assert r["laba"] == 13_440_000 and r["biayaTotal"] == 67_200_000  # table B


def test_exchange_rate_stress_test_matches_the_module():
    u = js("h.hitung(args[0]).ujiKurs", js_inputs(WORKED_EXAMPLE))
    # "USD 5.405,45 hanya menjadi Rp86.487.200, atau sekitar Rp2,7 juta lebih kecil. Seperlima labanya hilang."
    assert u["rupiahDiterima"] == 86_487_200
    assert round(u["selisih"]) == -2_702_800
    assert 0.19 < u["bagianLabaHilang"] < 0.21
    # "Dengan kurs aman Rp16.000 sejak awal, harga FOB menjadi USD 5.574,38 atau USD 2,79 per kg."
    assert u["fobAmanUsd"] == 5574.38
    assert u["fobAmanPerUnit"] == 2.79


def test_the_module_text_states_the_numbers_the_calculator_computes():
    text = MODULE.read_text(encoding="utf-8")
    for shown in ("USD 4.887,27", "5.405,45", "5.855,45", "5.874,84", "Rp86.487.200", "USD 5.574,38", "USD 2,79"):
        assert shown in text
    assert "<!-- portal:kalkulator-harga -->" in text


def test_a_stronger_rupiah_raises_every_dollar_price_and_insurance_only_adds():
    base = js_inputs(WORKED_EXAMPLE)
    results = js("[15000, 16000, 16500, 17500].map(k => h.hitung(Object.assign({}, args[0], {kurs: k})))", base)
    fob = [next(s["total"] for s in r["syarat"] if s["kode"] == "FOB") for r in results]
    assert fob == sorted(fob, reverse=True)
    for r in results:
        t = {s["kode"]: s["total"] for s in r["syarat"]}
        assert t["EXW"] < t["FCA"] < t["FOB"] < t["CFR"] < t["CIF"]
    zero = js("h.hitung(Object.assign({}, args[0], {tarifPremi: 0, tarifPremiCip: 1})).syarat", base)
    t = {s["kode"]: s["total"] for s in zero}
    assert t["CIF"] == t["CFR"] and t["CIP"] > t["CIF"]


def test_inputs_are_read_as_people_in_indonesia_type_them():
    samples = ["16.500", "61.200.000", "0,3", "Rp 3.500.000", "0.3", "16500", "1,5%", "USD 450", "", "abc", "1.2.3,4,5"]
    parsed = js("args[0].map(h.parseAngka).map(x => Number.isNaN(x) ? null : x)", samples)
    assert parsed == [16500, 61200000, 0.3, 3500000, 0.3, 16500, 1.5, 450, None, None, None]


def test_impossible_inputs_are_explained_in_indonesian_not_computed():
    r = js("h.hitung(Object.assign({}, args[0], {jumlah: NaN}))", js_inputs(WORKED_EXAMPLE))
    assert r["ok"] is False
    assert any("Jumlah barang" in m for m in r["masalah"])
    r = js("h.hitung(args[0])", {**js_inputs(WORKED_EXAMPLE), "kurs": 0, "tarifPremi": 95})
    assert r["ok"] is False
    assert "Kurs harus lebih dari nol." in r["masalah"]
    assert any("Tarif premi terlalu besar" in m for m in r["masalah"])


def test_python_twin_agrees_with_javascript_on_varied_inputs():
    cases = [WORKED_EXAMPLE,
             dataclasses.replace(WORKED_EXAMPLE, quantity=37, exchange_rate=15_250, margin_percent=12.5, freight_usd=1234.5,
                                 insurance_percent=0.45, insurance_percent_cip=0.8),
             dataclasses.replace(WORKED_EXAMPLE, production_cost=1_000, local_export_cost=0, port_cost=0, freight_usd=0)]
    for inputs in cases:
        r = js("h.hitung(args[0])", js_inputs(inputs))
        py = compute(inputs)
        for s in r["syarat"]:
            assert s["total"] == cents(py.usd[s["kode"]]), (inputs, s)
            assert s["perUnit"] == cents_up(py.usd[s["kode"]] / inputs.quantity), (inputs, s)
        assert r["premiCif"] == cents(py.usd["CIF"] - py.usd["CFR"]), inputs
        assert r["premiCip"] == cents(py.usd["CIP"] - py.usd["CFR"]), inputs
        assert (r["biayaTotal"], r["laba"]) == (py.total_cost, py.margin), inputs


def test_calculator_form_starts_from_the_worked_example(built_site):
    html = (built_site / "modul/pemula/harga-ekspor/index.html").read_text(encoding="utf-8")
    values = dict(re.findall(r'name="(\w+)" type="text" inputmode="decimal" autocomplete="off" value="([^"]*)"', html))
    assert values == {"jumlah": "2.000", "biayaProduksi": "61.200.000", "biayaEkspor": "6.000.000", "labaPersen": "20",
                      "angkutanDarat": "3.500.000", "biayaDokumen": "1.750.000", "biayaPelabuhan": "3.300.000",
                      "kurs": "16.500", "ongkosKapal": "450", "tarifPremi": "0,3", "tarifPremiCip": "0,3", "kursUji": "16.000"}
    assert list(values) == js("Object.keys(h.FIELDS)"), "every input the formulas read is on the form, in their order"
    assert re.search(r'<div class="pe-calc" id="kalkulator-harga" data-pe-calc hidden>', html), "tanpa JS kalkulator tersembunyi"


@pytest.mark.browser
def test_calculator_reproduces_the_example_and_recomputes(page, site_url):
    from browser import PageWatch

    watch = PageWatch(page, site_url)
    page.goto(site_url + "modul/pemula/harga-ekspor/")
    calc = page.locator("#kalkulator-harga")
    calc.wait_for(state="visible")
    cell = lambda kind, code: calc.locator(f'[data-pe-calc-{kind}="{code}"]')  # noqa: E731
    assert [cell("total", c).inner_text() for c in ("EXW", "FCA", "FOB", "CFR", "CIF", "CIP")] == \
        ["4.887,27", "5.205,45", "5.405,45", "5.855,45", "5.874,84", "5.874,84"]
    assert cell("unit-price", "FOB").inner_text() == "2,71"
    stress = calc.locator("[data-pe-calc-stress]").inner_text()
    assert "Rp86.487.200" in stress and "USD 5.574,38" in stress and "USD 2,79 per kg" in stress
    # The participant's own rate: one change recomputes every price.
    page.fill("#pe-calc-kurs", "15.000")
    assert cell("total", "EXW").inner_text() == "5.376,00"  # 80,640,000 / 15,000
    assert cell("total", "FOB").inner_text() == "5.946,00"
    page.fill("#pe-calc-kurs", "nol")
    calc.locator("[data-pe-calc-problems]").wait_for(state="visible")
    assert "Kurs belum diisi dengan angka." in calc.locator("[data-pe-calc-problems]").inner_text()
    assert page.locator("#pe-calc-kurs").get_attribute("aria-invalid") == "true"
    calc.get_by_role("button", name="Kembalikan angka contoh").click()
    page.wait_for_function("document.querySelector('[data-pe-calc-total=EXW]').textContent === '4.887,27'")
    assert not page.get_by_text("Kalkulator harga memerlukan JavaScript").is_visible()
    assert watch.errors == []
    # Fits a phone: the calculator never makes the page scroll sideways.
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.evaluate("document.querySelector('#kalkulator-harga').getBoundingClientRect().right <= window.innerWidth")


@pytest.mark.browser
def test_module_reads_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + "modul/pemula/harga-ekspor/")
    assert not page.locator("#kalkulator-harga").is_visible()
    assert page.get_by_text("Kalkulator harga memerlukan JavaScript").is_visible()
    assert page.get_by_text("Rp80.640.000 = USD 4.887,27").is_visible()
    context.close()
