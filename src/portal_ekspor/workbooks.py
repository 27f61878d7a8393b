"""Fill-in templates (XLSX) that the modules ask participants to prepare.

Written at build time with XlsxWriter into ``unduhan/``: a proforma invoice,
a commercial invoice, a packing list, the export price sheet (the same
formulas as the calculator, see portal_ekspor.export_price) and a one-page
export plan. Labels are Indonesian with the English term buyers read; each
has an example row from the modules' worked examples, and formulas carry
their computed values so phone viewers that do not recalculate still show
numbers. The creation date is fixed so every build writes the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

import xlsxwriter

from .export_price import COVER, WORKED_EXAMPLE, cents_up, compute

FOLDER = "unduhan"
_FIXED_DATE = datetime(2026, 1, 1)
_PROPERTIES = {"author": "Portal Ekspor", "company": "Portal Ekspor", "created": _FIXED_DATE,
               "comments": "Templat isian Portal Ekspor. Sel kuning diisi; sel lain dihitung otomatis."}


@dataclass(frozen=True)
class Template:
    filename: str
    title: str
    write: Callable


class _Book:
    """A workbook with the portal's few cell styles."""

    def __init__(self, title: str):
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {"in_memory": True})
        self.wb.set_properties({**_PROPERTIES, "title": title})
        f = self.wb.add_format
        self.title = f({"bold": True, "font_size": 14})
        self.note = f({"italic": True, "font_color": "#555555", "text_wrap": True, "valign": "top"})
        self.label = f({"bold": True, "text_wrap": True, "valign": "top"})
        self.head = f({"bold": True, "bg_color": "#00695C", "font_color": "#FFFFFF", "text_wrap": True, "valign": "top", "border": 1})
        self.text = f({"text_wrap": True, "valign": "top", "border": 1})
        self.input = f({"bg_color": "#FFF2CC", "border": 1, "text_wrap": True, "valign": "top"})
        self.input_rp = f({"bg_color": "#FFF2CC", "border": 1, "num_format": '"Rp"#,##0'})
        self.input_usd = f({"bg_color": "#FFF2CC", "border": 1, "num_format": '"USD "#,##0.00'})
        self.input_num = f({"bg_color": "#FFF2CC", "border": 1, "num_format": "#,##0.###"})
        self.input_pct = f({"bg_color": "#FFF2CC", "border": 1, "num_format": "0.00%"})
        self.input_date = f({"bg_color": "#FFF2CC", "border": 1, "num_format": "dd/mm/yyyy"})
        self.rp = f({"border": 1, "num_format": '"Rp"#,##0'})
        self.usd = f({"border": 1, "num_format": '"USD "#,##0.00'})
        self.usd_bold = f({"border": 1, "bold": True, "num_format": '"USD "#,##0.00'})
        self.num = f({"border": 1, "num_format": "#,##0.###"})
        self.num_bold = f({"border": 1, "bold": True, "num_format": "#,##0.###"})
        self.pct = f({"border": 1, "num_format": "0.0%"})

    def sheet(self, name: str, widths: list[float], landscape: bool = False):
        ws = self.wb.add_worksheet(name)
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        if landscape:
            ws.set_landscape()
        return ws

    def close(self) -> bytes:
        self.wb.close()
        return self.buffer.getvalue()


def _party_block(b: _Book, ws, row: int, fields: list[tuple[str, str]]) -> int:
    for label, example in fields:
        ws.write(row, 0, label, b.label)
        ws.merge_range(row, 1, row, 3, example, b.input)
        row += 1
    return row


_SELLER = [("Penjual / Seller", "CV Contoh Gula Semut"), ("Alamat / Address", "Jl. Contoh No. 1, Banyumas, Jawa Tengah, Indonesia"),
           ("NIB / NPWP", "1234567890123 / 01.234.567.8-901.000"), ("Kontak / Contact", "Sri Lestari, +62 812 0000 0000, sri@contoh.example")]
_BUYER = [("Pembeli / Buyer", "Contoh Organic Foods B.V."), ("Alamat / Address", "Voorbeeldstraat 1, 3011 AA Rotterdam, the Netherlands"),
          ("Kontak / Contact", "Jan de Vries, +31 10 000 0000, jan@contoh.example")]


def _invoice(b: _Book, title: str, commercial: bool) -> None:
    ws = b.sheet("Invoice", [24, 34, 14, 10, 10, 16, 18])
    ws.write(0, 0, title, b.title)
    ws.merge_range(1, 0, 1, 6, "Isi sel kuning. Jumlah dan total dihitung otomatis. Contoh baris diambil dari modul Harga ekspor "
                   "(gula semut 2.000 kg); ganti dengan data Anda.", b.note)
    row = _party_block(b, ws, 3, _SELLER)
    row = _party_block(b, ws, row + 1, _BUYER)
    row += 1
    details = [("Nomor / Number", "CI-2026-001" if commercial else "PI-2026-001"),
               ("Tanggal / Date", _FIXED_DATE),
               ("Incoterms® 2020 dan tempat", "FOB Tanjung Emas, Semarang, Indonesia"),
               ("Cara bayar / Payment terms", "30% T/T in advance, 70% T/T against copy of B/L"),
               ("Pelabuhan muat / Port of loading", "Tanjung Emas, Semarang, Indonesia"),
               ("Pelabuhan tujuan / Port of discharge", "Rotterdam, the Netherlands")]
    if commercial:
        details += [("Kapal dan pelayaran / Vessel, voyage", "CONTOH VESSEL 001W"), ("Nomor B/L", "CONTOHBL0001"),
                    ("Nomor PEB", "000000"), ("Nomor PI / kontrak", "PI-2026-001")]
    else:
        details += [("Masa berlaku / Valid until", "30 hari sejak tanggal PI / 30 days from date"),
                    ("Perkiraan kirim / Estimated shipment", "30 hari setelah uang muka / 30 days after down payment")]
    for label, example in details:
        ws.write(row, 0, label, b.label)
        if isinstance(example, datetime):
            ws.write_datetime(row, 1, example, b.input_date)
        else:
            ws.merge_range(row, 1, row, 3, example, b.input)
        row += 1
    row += 1
    heads = ["No.", "Uraian barang / Description of goods", "Kode HS / HS code", "Jumlah / Qty", "Satuan / Unit",
             "Harga satuan / Unit price", "Jumlah / Amount"]
    ws.write_row(row, 0, heads, b.head)
    first = row + 1
    price = cents_up(compute(WORKED_EXAMPLE).usd["FOB"] / WORKED_EXAMPLE.quantity)
    for i in range(8):
        r = first + i
        example = i == 0
        ws.write(r, 0, i + 1, b.text)
        ws.write(r, 1, "Organic palm sugar (gula semut), 500 g pouch, 20 pouches/carton" if example else "", b.input)
        ws.write(r, 2, "1701.14" if example else "", b.input)
        ws.write(r, 3, 2000 if example else "", b.input_num)
        ws.write(r, 4, "kg" if example else "", b.input)
        ws.write(r, 5, price if example else "", b.input_usd)
        ws.write_formula(r, 6, f'=IF(OR(D{r + 1}="",F{r + 1}=""),"",D{r + 1}*F{r + 1})', b.usd,
                         round(2000 * price, 2) if example else "")
    total_row = first + 8
    ws.merge_range(total_row, 0, total_row, 5, "Total (USD)", b.label)
    ws.write_formula(total_row, 6, f"=SUM(G{first + 1}:G{total_row})", b.usd_bold, round(2000 * price, 2))
    row = total_row + 2
    for label, example in [("Bank penerima / Beneficiary bank", "Bank Contoh, KCP Purwokerto, SWIFT CONTIDJA"),
                           ("Nomor rekening USD / Account no.", "000-000-0000 a.n. CV Contoh Gula Semut"),
                           ("Tanda tangan dan nama / Signature", "")]:
        ws.write(row, 0, label, b.label)
        ws.merge_range(row, 1, row, 3, example, b.input)
        row += 1
    ws.print_area(0, 0, row, 6)


def proforma_invoice(b: _Book) -> None:
    _invoice(b, "PROFORMA INVOICE — templat Portal Ekspor", commercial=False)


def commercial_invoice(b: _Book) -> None:
    _invoice(b, "COMMERCIAL INVOICE — templat Portal Ekspor", commercial=True)


def packing_list(b: _Book) -> None:
    ws = b.sheet("Packing list", [16, 30, 11, 12, 12, 12, 9, 9, 9, 13, 13, 13], landscape=True)
    ws.write(0, 0, "PACKING LIST — templat Portal Ekspor", b.title)
    ws.merge_range(1, 0, 1, 11, "Isi sel kuning dari karton yang sudah ditimbang dan diukur. Total berat dan volume dihitung "
                   "otomatis. Contoh: 200 karton gula semut, 40 × 30 × 25 cm, 10,6 kg kotor (modul Harga ekspor).", b.note)
    row = _party_block(b, ws, 3, _SELLER[:2])
    row = _party_block(b, ws, row, _BUYER[:2])
    for label, example in [("Nomor invoice / Invoice no.", "CI-2026-001"), ("Shipping mark", "CONTOH / ROTTERDAM / C/NO. 1-200")]:
        ws.write(row, 0, label, b.label)
        ws.merge_range(row, 1, row, 3, example, b.input)
        row += 1
    row += 1
    heads = ["Nomor karton / Carton no.", "Uraian barang / Description", "Jumlah karton / Cartons", "Isi per karton / Qty per carton",
             "Berat bersih per karton (kg)", "Berat kotor per karton (kg)", "Panjang (cm)", "Lebar (cm)", "Tinggi (cm)",
             "Total berat bersih (kg)", "Total berat kotor (kg)", "Volume (m³)"]
    ws.set_row(row, 45)
    ws.write_row(row, 0, heads, b.head)
    first = row + 1
    for i in range(10):
        r = first + i
        n = r + 1
        ex = i == 0
        ws.write(r, 0, "1-200" if ex else "", b.input)
        ws.write(r, 1, "Organic palm sugar, 20 × 500 g pouch" if ex else "", b.input)
        for col, value in zip(range(2, 9), (200, 20, 10, 10.6, 40, 30, 25)):
            ws.write(r, col, value if ex else "", b.input_num)
        ws.write_formula(r, 9, f'=IF(C{n}="","",C{n}*E{n})', b.num, 2000 if ex else "")
        ws.write_formula(r, 10, f'=IF(C{n}="","",C{n}*F{n})', b.num, 2120 if ex else "")
        ws.write_formula(r, 11, f'=IF(C{n}="","",ROUND(C{n}*G{n}*H{n}*I{n}/1000000,3))', b.num, 6 if ex else "")
    total = first + 10
    ws.merge_range(total, 0, total, 1, "Total", b.label)
    ws.write_formula(total, 2, f"=SUM(C{first + 1}:C{total})", b.num_bold, 200)
    ws.write_formula(total, 9, f"=SUM(J{first + 1}:J{total})", b.num_bold, 2000)
    ws.write_formula(total, 10, f"=SUM(K{first + 1}:K{total})", b.num_bold, 2120)
    ws.write_formula(total, 11, f"=SUM(L{first + 1}:L{total})", b.num_bold, 6)


# (label, value from the worked example, input format name, explanation)
PRICE_INPUTS = [
    ("Jumlah barang (satuan jual)", WORKED_EXAMPLE.quantity, "input_num", "kg, pouch, buah: satuan yang dibeli buyer"),
    ("Biaya produksi (HPP) seluruh pesanan", WORKED_EXAMPLE.production_cost, "input_rp", "bahan baku dengan susut, tenaga kerja, overhead, kemasan primer"),
    ("Kemasan ekspor dan biaya lain di tempat Anda", WORKED_EXAMPLE.local_export_cost, "input_rp", "karton, shipping mark, uji lab, sampel, biaya bank"),
    ("Laba (persen dari total biaya)", WORKED_EXAMPLE.margin_percent / 100, "input_pct", ""),
    ("Angkutan darat ke pelabuhan atau gudang CFS", WORKED_EXAMPLE.inland_transport, "input_rp", "sampai diserahkan ke pengangkut (FCA)"),
    ("Biaya dokumen dan pabean", WORKED_EXAMPLE.document_cost, "input_rp", "PPJK untuk PEB, SKA, karantina, kurir dokumen"),
    ("Biaya pelabuhan muat", WORKED_EXAMPLE.port_cost, "input_rp", "penanganan terminal dan CFS (FOB)"),
    ("Kurs untuk menyusun harga (Rp per USD)", WORKED_EXAMPLE.exchange_rate, "input_num", "kurs beli bank dengan bantalan"),
    ("Ongkos kapal sampai pelabuhan tujuan (USD)", WORKED_EXAMPLE.freight_usd, "input_usd", "penawaran tertulis forwarder"),
    ("Tarif premi asuransi untuk CIF", WORKED_EXAMPLE.insurance_percent / 100, "input_pct", "pertanggungan 110% dari nilai CIF"),
    ("Tarif premi asuransi untuk CIP", WORKED_EXAMPLE.insurance_percent_cip / 100, "input_pct", "CIP: pertanggungan luas (ICC A)"),
    ("Kurs uji: bila rupiah menguat menjadi", WORKED_EXAMPLE.stress_rate, "input_num", "kurs saat pembayaran tiba"),
]
PRICE_SHEET = "Harga ekspor"
INPUT_FIRST_ROW = 5  # Excel row of the first input (B5)
TERMS_FIRST_ROW = 22  # Excel row of EXW in the results table


def price_sheet(b: _Book) -> None:
    ws = b.sheet(PRICE_SHEET, [46, 20, 20, 16, 44])
    ws.write(0, 0, "LEMBAR HARGA EKSPOR — templat Portal Ekspor", b.title)
    ws.merge_range(1, 0, 1, 4, "Isi sel kuning dengan angka usaha Anda; hasil dihitung otomatis dengan langkah modul Harga ekspor. "
                   "Angka awal adalah contoh Bu Sri: 2.000 kg gula semut, FOB Tanjung Emas, CIF Rotterdam.", b.note)
    ws.write_row(3, 0, ["Isian", "Nilai", "Keterangan"], b.head)
    for i, (label, value, fmt, hint) in enumerate(PRICE_INPUTS):
        r = INPUT_FIRST_ROW - 1 + i
        ws.write(r, 0, label, b.text)
        ws.write_number(r, 1, value, getattr(b, fmt))
        ws.write(r, 2, hint, b.note)
    # Inputs: B5 quantity, B6 production, B7 local export, B8 margin %, B9 inland, B10 documents, B11 port,
    # B12 rate, B13 freight USD, B14 CIF rate, B15 CIP rate, B16 stress rate.
    r = compute(WORKED_EXAMPLE)
    ws.write(17, 0, "Total biaya (HPP + biaya di tempat Anda)", b.text)
    ws.write_formula(17, 1, "=B6+B7", b.rp, r.total_cost)
    ws.write(18, 0, "Laba", b.text)
    ws.write_formula(18, 1, "=B18*B8", b.rp, r.margin)
    ws.write_row(20, 0, ["Syarat penyerahan (Incoterms 2020)", "Setara rupiah", "Total (USD)", "Per unit (USD)", "Artinya"], b.head)
    u = r.usd
    rows = [
        ("EXW — di tempat Anda", "=B19+B18", "=B22/$B$12", u["EXW"], "barang siap diambil di tempat Anda"),
        ("FCA — diserahkan ke pengangkut", "=B22+B9+B10", "=B23/$B$12", u["FCA"], "EXW + angkutan darat + dokumen dan pabean"),
        ("FOB — di atas kapal, pelabuhan muat", "=B23+B11", "=B24/$B$12", u["FOB"], "FCA + biaya pelabuhan muat"),
        ("CFR — sampai pelabuhan tujuan", "=C25*$B$12", "=C24+$B$13", u["CFR"], "FOB + ongkos kapal"),
        ("CIF — dengan asuransi", "=C26*$B$12", f"=C25/(1-{COVER}*$B$14)", u["CIF"], "CFR ÷ (1 − 1,1 × tarif premi)"),
        ("CIP — dengan asuransi ICC (A)", "=C27*$B$12", f"=C25/(1-{COVER}*$B$15)", u["CIP"], "seperti CIF, tarif premi CIP"),
    ]
    for i, (label, rupiah, usd, value, meaning) in enumerate(rows):
        row = TERMS_FIRST_ROW - 1 + i
        n = row + 1
        ws.write(row, 0, label, b.text)
        ws.write_formula(row, 1, rupiah, b.rp, value * WORKED_EXAMPLE.exchange_rate)
        ws.write_formula(row, 2, usd, b.usd, value)
        ws.write_formula(row, 3, f"=ROUNDUP(C{n}/$B$5,2)", b.usd, cents_up(value / WORKED_EXAMPLE.quantity))
        ws.write(row, 4, meaning, b.note)
    fob_usd = round(u["FOB"], 2)
    received = fob_usd * WORKED_EXAMPLE.stress_rate
    fob_rp = u["FOB"] * WORKED_EXAMPLE.exchange_rate
    ws.write_row(29, 0, ["Uji kurs (harga FOB)", "Nilai", "", "", ""], b.head)
    stress = [
        ("Rupiah yang diterima pada kurs uji", "=ROUND(C24,2)*B16", b.rp, received),
        ("Selisih dengan hitungan (negatif = rugi kurs)", "=B31-B24", b.rp, received - fob_rp),
        ("Laba tersisa", "=B19+B32", b.rp, r.margin + received - fob_rp),
        ("Bagian laba yang hilang", "=IF(B19>0,MAX(0,-B32)/B19,0)", b.pct, max(0.0, fob_rp - received) / r.margin),
        ("Harga FOB bila memakai kurs uji sejak awal (USD)", "=B24/B16", b.usd, fob_rp / WORKED_EXAMPLE.stress_rate),
        ("… per unit (USD, dibulatkan ke atas)", "=ROUNDUP(B35/B5,2)", b.usd, cents_up(fob_rp / WORKED_EXAMPLE.stress_rate / WORKED_EXAMPLE.quantity)),
    ]
    for i, (label, formula, fmt, value) in enumerate(stress):
        ws.write(30 + i, 0, label, b.text)
        ws.write_formula(30 + i, 1, formula, fmt, value)
    ws.merge_range(37, 0, 37, 4, "Angka contoh bukan tarif resmi. Pakai kurs beli bank terbaru dan penawaran tertulis dari "
                   "forwarder serta perusahaan asuransi. Tulis harga dengan Incoterms, nama tempat dan masa berlaku.", b.note)


PLAN_SECTIONS = [
    ("1. Kesiapan dan legalitas", "NIB, NPWP, akses kepabeanan atau PPJK? Kapasitas per bulan dan sisanya setelah pelanggan dalam negeri?",
     "NIB dan NPWP badan ada; PEB lewat PPJK. Kapasitas 3 ton/bulan untuk dalam negeri, pesanan dari stok 1,5 ton + produksi 4,5 ton."),
    ("2. Produk", "Spesifikasi dan sampel acuan, kemasan, kode HS, lartas, sertifikat wajib dan yang diminta buyer",
     "Gula semut organik, karung 25 kg berlapis plastik pangan, sampel GS-02; HS 1701.14; sertifikat organik, uji lab per batch."),
    ("3. Pasar", "Negara tujuan dan alasannya, aturan impor dan label, bea masuk, perjanjian dagang",
     "Australia; syarat impor diperiksa di BICON; tanyakan SKA untuk tarif IA-CEPA."),
    ("4. Buyer", "Siapa buyer, bagaimana keberadaannya diperiksa, ringkasan komunikasi",
     "Importir bahan makanan di Brisbane; situs, alamat dan telepon dicek; dua kali panggilan video."),
    ("5. Harga", "Biaya penuh sampai titik serah, harga disepakati, Incoterms, kurs, batas bawah",
     "USD 3,00/kg FOB Tanjung Emas, Semarang (Incoterms 2020); biaya penuh USD 2,60/kg pada kurs aman Rp16.000."),
    ("6. Kontrak dan pembayaran", "Bentuk kesepakatan, klausul penting, cara bayar, rekening",
     "Kontrak dua bahasa; uang muka 30%, sisa 70% setelah salinan B/L; rekening dolar atas nama CV."),
    ("7. Dokumen", "Dokumen apa saja, siapa penerbitnya, kapan selesai",
     "PI dan kontrak (minggu 0), uji lab (minggu 3), invoice dan packing list (minggu 4), B/L (minggu 5)."),
    ("8. Logistik dan pabean", "Forwarder, PPJK, FCL atau LCL, tempat muat, PEB, batas penerimaan barang",
     "LCL lewat forwarder buyer; PEB oleh PPJK lewat CEISA sebelum barang masuk pelabuhan."),
    ("9. Modal dan asuransi", "Celah modal dan sumbernya, asuransi kargo dan tagihan", "Uang muka menutup bahan baku; asuransi kargo oleh buyer (FOB)."),
    ("10. Risiko, devisa dan pajak", "Daftar risiko, rekening penerimaan DHE, status pajak", "Risiko kurs: harga dengan kurs aman; DHE masuk rekening dolar CV."),
    ("11. Jadwal", "Langkah mingguan dihitung mundur dari tanggal kapal berangkat", "Minggu 0 kontrak; minggu 1–4 produksi; minggu 4 PEB; minggu 5 kapal."),
    ("12. Ukuran keberhasilan dan evaluasi", "Kapan ekspor perdana dinilai berhasil, dan apa rencana setelahnya",
     "Pelunasan diterima tanpa klaim; catat biaya sebenarnya dan tawarkan pesanan ulang."),
]


def export_plan(b: _Book) -> None:
    ws = b.sheet("Rencana ekspor", [26, 38, 44, 44, 12], landscape=True)
    ws.write(0, 0, "RENCANA EKSPOR PERDANA (satu halaman) — templat Portal Ekspor", b.title)
    ws.merge_range(1, 0, 1, 4, "Isi kolom kuning untuk satu buyer, satu negara dan satu pengiriman. Kolom contoh diambil dari "
                   "modul Rencana ekspor perdana (CV Manggar Sari). Tandai status: belum / sedang / selesai.", b.note)
    for row, (label, example) in enumerate([("Nama usaha", "CV Contoh Gula Semut"), ("Duta ekspor pendamping", ""),
                                            ("Tanggal kapal berangkat (rencana)", _FIXED_DATE)], start=3):
        ws.write(row, 0, label, b.label)
        if isinstance(example, datetime):
            ws.write_datetime(row, 1, example, b.input_date)
        else:
            ws.write(row, 1, example, b.input)
    ws.write_row(7, 0, ["Bagian", "Pertanyaan yang harus terjawab", "Rencana Anda", "Contoh", "Status"], b.head)
    for i, (section, question, example) in enumerate(PLAN_SECTIONS):
        r = 8 + i
        ws.set_row(r, 48)
        ws.write(r, 0, section, b.label)
        ws.write(r, 1, question, b.text)
        ws.write(r, 2, "", b.input)
        ws.write(r, 3, example, b.note)
        ws.write(r, 4, "belum", b.input)
    ws.data_validation(8, 4, 8 + len(PLAN_SECTIONS) - 1, 4, {"validate": "list", "source": ["belum", "sedang", "selesai"]})


TEMPLATES = [
    Template("templat-proforma-invoice.xlsx", "Proforma invoice", proforma_invoice),
    Template("templat-commercial-invoice.xlsx", "Commercial invoice", commercial_invoice),
    Template("templat-packing-list.xlsx", "Packing list", packing_list),
    Template("templat-lembar-harga-ekspor.xlsx", "Lembar harga ekspor", price_sheet),
    Template("templat-rencana-ekspor.xlsx", "Rencana ekspor perdana", export_plan),
]


def workbook_bytes(template: Template) -> bytes:
    book = _Book(template.title)
    template.write(book)
    return book.close()


def workbook_files() -> dict[str, bytes]:
    """Site path -> XLSX bytes, for every template."""
    return {f"{FOLDER}/{t.filename}": workbook_bytes(t) for t in TEMPLATES}
