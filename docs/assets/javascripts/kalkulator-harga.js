/* The export price calculator's form: reads the inputs, asks harga-ekspor.js
 * (window.PEHarga) for the prices and writes them into the table. No
 * arithmetic lives here. Nothing leaves the device. */
(function () {
  "use strict";

  var usd = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var rupiah = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
  var percent = new Intl.NumberFormat("id-ID", { style: "percent", maximumFractionDigits: 0 });

  function text(el, value) { if (el) el.textContent = value; }
  function rp(x) { return (x < 0 ? "−Rp" : "Rp") + rupiah.format(Math.abs(Math.round(x))); }

  function setup(box) {
    if (!window.PEHarga || box.dataset.peCalcReady) return;
    box.dataset.peCalcReady = "1";
    var form = box.querySelector("form");
    var problemsList = box.querySelector("[data-pe-calc-problems]");
    var table = box.querySelector("[data-pe-calc-table]");
    var unitInput = form.elements.jumlah;
    var unitLabel = (unitInput.nextElementSibling && unitInput.nextElementSibling.textContent) || "unit";

    function update() {
      var inputs = {};
      Object.keys(PEHarga.FIELDS).forEach(function (key) {
        var field = form.elements[key];
        inputs[key] = field ? PEHarga.parseAngka(field.value) : NaN;
        if (field) field.setAttribute("aria-invalid", isNaN(inputs[key]) ? "true" : "false");
      });
      var r = PEHarga.hitung(inputs);
      problemsList.textContent = "";
      problemsList.hidden = r.ok;
      table.classList.toggle("pe-calc__table--stale", !r.ok);
      if (!r.ok) {
        r.masalah.forEach(function (m) {
          var li = document.createElement("li");
          li.textContent = m;
          problemsList.appendChild(li);
        });
        return;
      }
      box.querySelectorAll("[data-pe-calc-unit]").forEach(function (el) { el.textContent = unitLabel; });
      r.syarat.forEach(function (s) {
        text(box.querySelector('[data-pe-calc-total="' + s.kode + '"]'), usd.format(s.total));
        text(box.querySelector('[data-pe-calc-unit-price="' + s.kode + '"]'), usd.format(s.perUnit));
        text(box.querySelector('[data-pe-calc-rupiah="' + s.kode + '"]'), rp(s.rupiah));
      });
      text(box.querySelector('[data-pe-calc-premium="CIF"]'), "USD " + usd.format(r.premiCif));
      text(box.querySelector('[data-pe-calc-premium="CIP"]'), "USD " + usd.format(r.premiCip));
      var u = r.ujiKurs;
      var change = u.selisih < 0
        ? "Anda menerima " + rp(-u.selisih) + " lebih sedikit; " + percent.format(u.bagianLabaHilang) + " laba Anda hilang, laba tersisa " + rp(u.labaTersisa) + "."
        : "Anda menerima " + rp(u.selisih) + " lebih banyak dari hitungan.";
      text(box.querySelector("[data-pe-calc-stress]"),
        "Harga FOB USD " + usd.format(u.fobUsd) + " pada kurs Rp" + rupiah.format(u.kurs) + " menjadi " + rp(u.rupiahDiterima) + ". " +
        change + " Dengan kurs Rp" + rupiah.format(u.kurs) + " sejak awal, harga FOB menjadi USD " + usd.format(u.fobAmanUsd) +
        " atau USD " + usd.format(u.fobAmanPerUnit) + " per " + unitLabel + ".");
    }

    form.addEventListener("input", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    // "reset" fires before the fields get their default values back.
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    box.hidden = false;
    var note = box.parentNode.querySelector("[data-pe-calc-noscript]");
    if (note) note.hidden = true;
    update();
  }

  function init() { document.querySelectorAll("[data-pe-calc]").forEach(setup); }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
