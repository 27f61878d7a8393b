"""The export price calculator's form, filled with the module's worked example.

The example values come from :data:`portal_ekspor.export_price.WORKED_EXAMPLE`
so the form, the module's tables and the price sheet all start from the same
2,000 kg of palm sugar; the arithmetic itself runs in harga-ekspor.js.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..export_price import WORKED_EXAMPLE
from ..formatting import number
from .render import render


@dataclass(frozen=True)
class Input:
    """One input; ``key`` is its name in harga-ekspor.js, ``value`` the example as typed in Indonesia."""

    key: str
    label: str
    value: str
    hint: str
    prefix: str = ""
    suffix: str = ""


def _rupiah(key: str, label: str, amount: float, hint: str) -> Input:
    return Input(key, label, number(amount), hint, prefix="Rp")


def calculator_html(base: str) -> str:
    e = WORKED_EXAMPLE
    local = [
        Input("jumlah", "Jumlah barang", number(e.quantity),
              "Dalam satuan yang dibeli buyer (kg, pouch, buah); dipakai untuk harga per unit.", suffix=e.unit),
        _rupiah("biayaProduksi", "Biaya produksi (HPP) seluruh pesanan", e.production_cost,
                "Bahan baku dengan susut, tenaga kerja, overhead dan kemasan primer."),
        _rupiah("biayaEkspor", "Kemasan ekspor dan biaya lain di tempat Anda", e.local_export_cost,
                "Karton, shipping mark, uji lab, bagian biaya sampel, biaya bank."),
        Input("labaPersen", "Laba", number(e.margin_percent),
              "Persen dari total biaya (HPP ditambah biaya di tempat Anda).", suffix="% dari total biaya"),
        _rupiah("angkutanDarat", "Angkutan darat ke pelabuhan atau gudang CFS", e.inland_transport,
                "Truk dari tempat produksi sampai diserahkan ke pengangkut (FCA)."),
        _rupiah("biayaDokumen", "Biaya dokumen dan pabean", e.document_cost,
                "Jasa PPJK untuk PEB, SKA, karantina, kurir dokumen asli."),
        _rupiah("biayaPelabuhan", "Biaya pelabuhan muat", e.port_cost,
                "Biaya lokal di pelabuhan muat, misalnya penanganan terminal dan CFS (FOB)."),
    ]
    shipping = [
        Input("kurs", "Kurs untuk menyusun harga", number(e.exchange_rate),
              "Kurs beli bank dengan bantalan, bukan kurs tengah dari berita.", prefix="Rp", suffix="per USD"),
        Input("ongkosKapal", "Ongkos kapal sampai pelabuhan tujuan", number(e.freight_usd),
              "Dari penawaran tertulis forwarder (CFR, CPT).", prefix="USD"),
        Input("tarifPremi", "Tarif premi asuransi (CIF)", number(e.insurance_percent),
              "Dari perusahaan asuransi; pertanggungan 110% dari nilai CIF.", suffix="%"),
        Input("tarifPremiCip", "Tarif premi untuk CIP", number(e.insurance_percent_cip),
              "CIP mewajibkan pertanggungan luas (ICC A); tarifnya biasanya lebih tinggi.", suffix="%"),
        Input("kursUji", "Kurs uji: bila rupiah menguat menjadi", number(e.stress_rate),
              "Berapa rupiah yang Anda terima bila kurs turun saat pembayaran tiba?", prefix="Rp", suffix="per USD"),
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
