"""Fill-in XLSX templates: read back, formulas recomputed by a formula engine.

pycel evaluates each formula from the workbook's own cells and ignores the
values XlsxWriter stores beside them, so these tests check the formulas,
not the cached numbers. (LibreOffice headless would also do, but it adds a
few hundred megabytes of Debian packages and minutes to CI; pycel is a
test-only pip package.)
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from pycel import ExcelCompiler

from portal_ekspor.export_price import WORKED_EXAMPLE, cents, cents_up, compute
from portal_ekspor.workbooks import FOLDER, PRICE_INPUTS, PRICE_SHEET, TEMPLATES, workbook_files

FILES = workbook_files()


def engine(name: str, tmp_path: Path) -> ExcelCompiler | None:
    """pycel with every formula cell recomputed: by itself it returns the value
    XlsxWriter stored beside a formula until an input changes."""
    path = tmp_path / name.split("/")[-1]
    path.write_bytes(FILES[name])
    x = ExcelCompiler(filename=str(path))
    wb = openpyxl.load_workbook(io.BytesIO(FILES[name]))
    formulas = [f"{ws.title}!{c.coordinate}" for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    if not formulas:
        return None  # the export plan is text only
    for address in formulas:
        x.evaluate(address)
    x.recalculate()
    return x


def cells(name: str) -> list[str]:
    wb = openpyxl.load_workbook(io.BytesIO(FILES[name]))
    return [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def test_every_template_is_written_identically_by_another_process():
    script = ("import sys, hashlib; from portal_ekspor.workbooks import workbook_files; "
              "[print(k, hashlib.sha256(v).hexdigest()) for k, v in sorted(workbook_files().items())]")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1]
    assert len(runs[0].splitlines()) == len(TEMPLATES) == 5


def test_built_site_offers_the_templates_and_modules_link_to_them(built_site):
    for name, data in FILES.items():
        assert (built_site / name).read_bytes() == data, name
    linked = {
        "modul/menengah/korespondensi-dan-proforma/": ["templat-proforma-invoice.xlsx"],
        "modul/menengah/dokumen-ekspor/": ["templat-commercial-invoice.xlsx", "templat-packing-list.xlsx"],
        "modul/pemula/harga-ekspor/": ["templat-lembar-harga-ekspor.xlsx"],
        "modul/mahir/rencana-ekspor-perdana/": ["templat-rencana-ekspor.xlsx"],
    }
    for page, names in linked.items():
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        for n in names:
            assert f'href="../../../{FOLDER}/{n}"' in html, (page, n)


def test_labels_are_indonesian_with_an_example_row():
    expectations = {
        "templat-proforma-invoice.xlsx": ["PROFORMA INVOICE", "Uraian barang / Description of goods", "Masa berlaku / Valid until",
                                          "Organic palm sugar (gula semut), 500 g pouch, 20 pouches/carton"],
        "templat-commercial-invoice.xlsx": ["COMMERCIAL INVOICE", "Nomor PEB", "Kode HS / HS code", "1701.14"],
        "templat-packing-list.xlsx": ["PACKING LIST", "Berat kotor per karton (kg)", "Organic palm sugar, 20 × 500 g pouch"],
        "templat-lembar-harga-ekspor.xlsx": ["LEMBAR HARGA EKSPOR", "Kurs untuk menyusun harga (Rp per USD)", "Uji kurs (harga FOB)"],
        "templat-rencana-ekspor.xlsx": ["RENCANA EKSPOR PERDANA", "12. Ukuran keberhasilan dan evaluasi", "Rencana Anda"],
    }
    for filename, wanted in expectations.items():
        text = "\n".join(cells(f"{FOLDER}/{filename}"))
        for w in wanted:
            assert w in text, (filename, w)


def test_price_sheet_formulas_reproduce_the_worked_example(tmp_path):
    x = engine(f"{FOLDER}/templat-lembar-harga-ekspor.xlsx", tmp_path)
    at = lambda cell: x.evaluate(f"{PRICE_SHEET}!{cell}")  # noqa: E731
    assert at("B18") == 67_200_000 and at("B19") == 13_440_000  # table B
    assert at("B22") == 80_640_000 and at("B24") == 89_190_000
    usd = {term: round(at(f"C{row}"), 2) for term, row in zip(("EXW", "FCA", "FOB", "CFR", "CIF", "CIP"), range(22, 28))}
    assert usd == {"EXW": 4887.27, "FCA": 5205.45, "FOB": 5405.45, "CFR": 5855.45, "CIF": 5874.84, "CIP": 5874.84}
    assert [at(f"D{r}") for r in (22, 24, 25, 26)] == [2.45, 2.71, 2.93, 2.94]  # table E, rounded up to the cent
    assert at("B31") == 86_487_200 and round(at("B32")) == -2_702_800  # "Uji kurs"
    assert round(at("B35"), 2) == 5574.38 and at("B36") == 2.79


@pytest.mark.parametrize("change", [
    {"exchange_rate": 15_250, "margin_percent": 12.5, "freight_usd": 1234.5},
    {"quantity": 37, "insurance_percent": 0.45, "insurance_percent_cip": 0.8, "port_cost": 0},
    {"production_cost": 150_000_000, "local_export_cost": 2_500_000, "stress_rate": 17_000},
])
def test_price_sheet_formulas_follow_new_inputs_like_the_calculator(tmp_path, change):
    inputs = dataclasses.replace(WORKED_EXAMPLE, **change)
    x = engine(f"{FOLDER}/templat-lembar-harga-ekspor.xlsx", tmp_path)
    fields = ["quantity", "production_cost", "local_export_cost", "margin_percent", "inland_transport", "document_cost",
              "port_cost", "exchange_rate", "freight_usd", "insurance_percent", "insurance_percent_cip", "stress_rate"]
    assert len(fields) == len(PRICE_INPUTS)
    for row, field in enumerate(fields, start=5):
        value = getattr(inputs, field)
        x.set_value(f"{PRICE_SHEET}!B{row}", value / 100 if field.endswith("percent") or field.endswith("percent_cip") else value)
    expected = compute(inputs).usd
    for term, row in zip(("EXW", "FCA", "FOB", "CFR", "CIF", "CIP"), range(22, 28)):
        assert cents(x.evaluate(f"{PRICE_SHEET}!C{row}")) == cents(expected[term]), term
        assert x.evaluate(f"{PRICE_SHEET}!D{row}") == cents_up(expected[term] / inputs.quantity), term
    fob_rp = expected["FOB"] * inputs.exchange_rate
    assert x.evaluate(f"{PRICE_SHEET}!B35") == pytest.approx(fob_rp / inputs.stress_rate)


def test_invoice_and_packing_list_totals_are_formulas(tmp_path):
    for filename in ("templat-proforma-invoice.xlsx", "templat-commercial-invoice.xlsx"):
        x = engine(f"{FOLDER}/{filename}", tmp_path)
        wb = openpyxl.load_workbook(io.BytesIO(FILES[f"{FOLDER}/{filename}"]))
        ws = wb["Invoice"]
        total = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=SUM(G"))
        first = next(c.row for c in ws["A"] if c.value == 1)
        assert x.evaluate(f"Invoice!{total.coordinate}") == pytest.approx(2000 * 2.71)
        x.set_value(f"Invoice!D{first + 1}", 10)
        x.set_value(f"Invoice!F{first + 1}", 3.5)
        assert x.evaluate(f"Invoice!{total.coordinate}") == pytest.approx(2000 * 2.71 + 35)
    x = engine(f"{FOLDER}/templat-packing-list.xlsx", tmp_path)
    assert [x.evaluate(f"Packing list!{c}22") for c in "CJKL"] == [200, 2000, pytest.approx(2120), 6]
    for col, value in zip("CEFGHI", (50, 5, 5.4, 30, 20, 20)):
        x.set_value(f"Packing list!{col}13", value)
    assert [x.evaluate(f"Packing list!{c}22") for c in "CJKL"] == [250, 2250, pytest.approx(2390), pytest.approx(6.6)]


def test_stored_values_match_the_formulas_for_viewers_that_do_not_recalculate(tmp_path):
    for name in FILES:
        cached = openpyxl.load_workbook(io.BytesIO(FILES[name]), data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(FILES[name]))
        x = engine(name, tmp_path)
        if x is None:
            assert name.endswith("rencana-ekspor.xlsx")
            continue
        for ws in formulas.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and c.value.startswith("="):
                        stored = cached[ws.title][c.coordinate].value
                        computed = x.evaluate(f"{ws.title}!{c.coordinate}")
                        if computed in ("", None):
                            assert stored in ("", None), (name, c.coordinate)
                        else:
                            assert stored == pytest.approx(computed, rel=1e-9), (name, c.coordinate, stored, computed)
