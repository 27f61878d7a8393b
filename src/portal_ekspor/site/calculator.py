"""The export price calculator's form, filled with the module's worked example."""

from __future__ import annotations

from ..export_price import WORKED_EXAMPLE
from ..formatting import number
from .render import render


def calculator_html(base: str) -> str:
    e = WORKED_EXAMPLE
    local = [
        {"key": "jumlah", "label": "Jumlah barang", "value": number(e.quantity), "suffix": e.unit,
         "hint": "Dalam satuan yang dibeli buyer (kg, pouch, buah); dipakai untuk harga per unit."},
        {"key": "biayaProduksi", "label": "Biaya produksi (HPP) seluruh pesanan", "value": number(e.production_cost), "prefix": "Rp",
         "hint": "Bahan baku dengan susut, tenaga kerja, overhead dan kemasan primer."},
        {"key": "biayaEkspor", "label": "Kemasan ekspor dan biaya lain di tempat Anda", "value": number(e.local_export_cost), "prefix": "Rp",
         "hint": "Karton, shipping mark, uji lab, bagian biaya sampel, biaya bank."},
        {"key": "labaPersen", "label": "Laba", "value": number(e.margin_percent), "suffix": "% dari total biaya",
         "hint": "Persen dari total biaya (HPP ditambah biaya di tempat Anda)."},
        {"key": "angkutanDarat", "label": "Angkutan darat ke pelabuhan atau gudang CFS", "value": number(e.inland_transport), "prefix": "Rp",
         "hint": "Truk dari tempat produksi sampai diserahkan ke pengangkut (FCA)."},
        {"key": "biayaDokumen", "label": "Biaya dokumen dan pabean", "value": number(e.document_cost), "prefix": "Rp",
         "hint": "Jasa PPJK untuk PEB, SKA, karantina, kurir dokumen asli."},
        {"key": "biayaPelabuhan", "label": "Biaya pelabuhan muat", "value": number(e.port_cost), "prefix": "Rp",
         "hint": "Biaya lokal di pelabuhan muat, misalnya penanganan terminal dan CFS (FOB)."},
    ]
    shipping = [
        {"key": "kurs", "label": "Kurs untuk menyusun harga", "value": number(e.exchange_rate), "prefix": "Rp", "suffix": "per USD",
         "hint": "Kurs beli bank dengan bantalan, bukan kurs tengah dari berita."},
        {"key": "ongkosKapal", "label": "Ongkos kapal sampai pelabuhan tujuan", "value": number(e.freight_usd), "prefix": "USD",
         "hint": "Dari penawaran tertulis forwarder (CFR, CPT)."},
        {"key": "tarifPremi", "label": "Tarif premi asuransi (CIF)", "value": number(e.insurance_percent), "suffix": "%",
         "hint": "Dari perusahaan asuransi; pertanggungan 110% dari nilai CIF."},
        {"key": "tarifPremiCip", "label": "Tarif premi untuk CIP", "value": number(e.insurance_percent_cip), "suffix": "%",
         "hint": "CIP mewajibkan pertanggungan luas (ICC A); tarifnya biasanya lebih tinggi."},
        {"key": "kursUji", "label": "Kurs uji: bila rupiah menguat menjadi", "value": number(e.stress_rate), "prefix": "Rp", "suffix": "per USD",
         "hint": "Berapa rupiah yang Anda terima bila kurs turun saat pembayaran tiba?"},
    ]
    terms = [
        {"code": "EXW", "name": "Ex Works", "place": "tempat Anda"},
        {"code": "FCA", "name": "Free Carrier", "place": "diserahkan ke pengangkut"},
        {"code": "FOB", "name": "Free On Board", "place": "di atas kapal, pelabuhan muat"},
        {"code": "CFR", "name": "Cost and Freight", "place": "pelabuhan tujuan"},
        {"code": "CIF", "name": "Cost, Insurance and Freight", "place": "pelabuhan tujuan"},
        {"code": "CIP", "name": "Carriage and Insurance Paid To", "place": "tempat tujuan"},
    ]
    return render("kalkulator_harga.html", base=base, fields_local=local, fields_shipping=shipping, terms=terms)
