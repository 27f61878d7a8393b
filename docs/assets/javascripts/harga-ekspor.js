/* Export price formulas, the single source of the calculator's arithmetic.
 *
 * The price module (modul/pemula/harga-ekspor) teaches prices as layers:
 * costs in rupiah plus margin give EXW; inland transport and export documents
 * give FCA; port charges give FOB; freight in USD gives CFR (= CPT for the
 * same shipment); insurance of 110 % of the insured value, whose premium is
 * itself insured, gives CIF = CFR / (1 - 1.1 x rate), and CIP likewise with
 * its own (usually ICC A) rate. The same formulas are written into the price
 * sheet template (portal_ekspor.workbooks), and tests check both against the
 * module's worked example. The example inputs live in one place,
 * portal_ekspor.export_price.WORKED_EXAMPLE, and reach the browser as the
 * form's default values. Loaded in the browser (window.PEHarga) and in Node.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.PEHarga = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var COVER = 1.1; // Incoterms 2020: insurance of at least 110 % of the contract value

  /* Rounded to cents the way a price list is written: per-unit prices are
   * rounded UP to the next cent so the offer never falls below cost. */
  function cents(x) { return Math.round((x + Number.EPSILON) * 100) / 100; }
  function centsUp(x) { return Math.ceil(Math.round(x * 1e6) / 1e4) / 100; }

  /* Reads what people type in Indonesia: "16.500", "61.200.000", "0,3",
   * "Rp 3.500.000", as well as "0.3" or "16500". Returns NaN when unsure. */
  function parseAngka(text) {
    var s = String(text == null ? "" : text).replace(/rp|usd|%|\s/gi, "");
    if (!s) return NaN;
    if (s.indexOf(",") >= 0) s = s.replace(/\./g, "").replace(",", ".");
    else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
  }

  var FIELDS = {
    jumlah: "Jumlah barang",
    biayaProduksi: "Biaya produksi (HPP)",
    biayaEkspor: "Kemasan ekspor dan biaya lain di tempat Anda",
    labaPersen: "Laba",
    angkutanDarat: "Angkutan darat ke pelabuhan",
    biayaDokumen: "Biaya dokumen dan pabean",
    biayaPelabuhan: "Biaya pelabuhan muat",
    kurs: "Kurs",
    ongkosKapal: "Ongkos kapal",
    tarifPremi: "Tarif premi asuransi",
    tarifPremiCip: "Tarif premi untuk CIP",
    kursUji: "Kurs uji"
  };

  function problems(m) {
    var out = [];
    Object.keys(FIELDS).forEach(function (k) {
      if (typeof m[k] !== "number" || !isFinite(m[k])) out.push(FIELDS[k] + " belum diisi dengan angka.");
      else if (m[k] < 0) out.push(FIELDS[k] + " tidak boleh negatif.");
    });
    if (out.length) return out;
    if (m.jumlah <= 0) out.push("Jumlah barang harus lebih dari nol.");
    if (m.kurs <= 0) out.push("Kurs harus lebih dari nol.");
    if (m.kursUji <= 0) out.push("Kurs uji harus lebih dari nol.");
    if (COVER * m.tarifPremi / 100 >= 1 || COVER * m.tarifPremiCip / 100 >= 1) {
      out.push("Tarif premi terlalu besar: harus di bawah 90,9%.");
    }
    return out;
  }

  /* All inputs are numbers: amounts in rupiah except ongkosKapal (USD);
   * labaPersen and both premium rates in percent; jumlah in selling units. */
  function hitung(m) {
    var errors = problems(m);
    if (errors.length) return { ok: false, masalah: errors };
    var biayaTotal = m.biayaProduksi + m.biayaEkspor;
    var laba = biayaTotal * m.labaPersen / 100;
    var rp = {};
    rp.EXW = biayaTotal + laba;
    rp.FCA = rp.EXW + m.angkutanDarat + m.biayaDokumen;
    rp.FOB = rp.FCA + m.biayaPelabuhan;
    var usd = {};
    usd.EXW = rp.EXW / m.kurs;
    usd.FCA = rp.FCA / m.kurs;
    usd.FOB = rp.FOB / m.kurs;
    usd.CFR = usd.FOB + m.ongkosKapal;
    usd.CIF = usd.CFR / (1 - COVER * m.tarifPremi / 100);
    usd.CIP = usd.CFR / (1 - COVER * m.tarifPremiCip / 100);
    var syarat = ["EXW", "FCA", "FOB", "CFR", "CIF", "CIP"].map(function (kode) {
      return { kode: kode, total: cents(usd[kode]), perUnit: centsUp(usd[kode] / m.jumlah), rupiah: usd[kode] * m.kurs };
    });
    // Exchange-rate stress test: the FOB price was fixed in USD at `kurs`;
    // payment arrives when one dollar buys only `kursUji` rupiah.
    var fobUsd = cents(usd.FOB);
    var diterima = fobUsd * m.kursUji;
    var selisih = diterima - rp.FOB;
    var fobAman = rp.FOB / m.kursUji;
    return {
      ok: true,
      biayaTotal: biayaTotal,
      laba: laba,
      syarat: syarat,
      premiCif: cents(usd.CIF - usd.CFR),
      premiCip: cents(usd.CIP - usd.CFR),
      ujiKurs: {
        kurs: m.kursUji,
        fobUsd: fobUsd,
        rupiahDiterima: diterima,
        selisih: selisih,
        labaTersisa: laba + selisih,
        bagianLabaHilang: laba > 0 ? Math.max(0, -selisih) / laba : 0,
        fobAmanUsd: cents(fobAman),
        fobAmanPerUnit: centsUp(fobAman / m.jumlah)
      }
    };
  }

  return { hitung: hitung, parseAngka: parseAngka, FIELDS: FIELDS };
});
