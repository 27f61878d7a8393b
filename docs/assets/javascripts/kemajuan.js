/* Learning progress on this device, share and print.
 *
 * Per module (identified by its site URL, e.g. "modul/pemula/harga-ekspor/")
 * it remembers which checklist items are ticked and which quiz answers were
 * opened, in localStorage only: no account, nothing sent anywhere. A module is
 * "belum" (nothing done), "sedang" (some) or "selesai" (every item ticked and
 * every answer opened). Works for any module from its markup alone:
 * task-list checkboxes and <details> in the article.
 */
(function () {
  "use strict";

  var KEY = "portal-ekspor:kemajuan:v1";
  var LABELS = { belum: "Belum dimulai", sedang: "Sedang dipelajari", selesai: "Selesai" };

  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY) || "null");
      if (data && typeof data === "object" && data.modul && typeof data.modul === "object") return data;
    } catch (e) { /* unreadable or blocked: start empty */ }
    return { modul: {}, terakhir: null };
  }

  function save(data) {
    try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* private mode or full: progress just is not kept */ }
  }

  function statusOf(entry) {
    if (!entry) return "belum";
    var done = (entry.centang || []).length + (entry.jawaban || []).length;
    if (!done) return "belum";
    var total = (entry.butir || 0) + (entry.soal || 0);
    return total && done >= total ? "selesai" : "sedang";
  }

  function showStatus(el, status) {
    if (!el) return;
    el.textContent = LABELS[status];
    el.className = "pe-status pe-status--" + status;
    el.hidden = false;
  }

  function baseUrl() {
    var config = JSON.parse((document.getElementById("__config") || { textContent: "{}" }).textContent || "{}");
    var text = config.base || ".";
    return new URL(text.endsWith("/") ? text : text + "/", location.href);
  }

  function setupModule(tools) {
    var id = tools.getAttribute("data-pe-module");
    var article = tools.closest("article") || document;
    var boxes = Array.prototype.slice.call(article.querySelectorAll(".task-list-item input[type=checkbox]"));
    var answers = Array.prototype.slice.call(article.querySelectorAll("details"));
    var title = (document.querySelector("article h1") || document.querySelector("h1") || { textContent: document.title }).textContent.trim();
    var progress = tools.querySelector("[data-pe-progress]");

    var data = load();
    var entry = data.modul[id] || { centang: [], jawaban: [] };
    entry.judul = title;
    entry.butir = boxes.length;
    entry.soal = answers.length;
    entry.dibuka = Date.now();
    data.modul[id] = entry;
    data.terakhir = id;
    save(data);

    boxes.forEach(function (box, i) { box.checked = entry.centang.indexOf(i) >= 0; box.disabled = false; });
    answers.forEach(function (d, i) { if (entry.jawaban.indexOf(i) >= 0) d.open = true; });

    function render() {
      var e = load().modul[id] || { centang: [], jawaban: [] };
      showStatus(tools.querySelector("[data-pe-status]"), statusOf(e));
      var parts = [];
      if (boxes.length) parts.push((e.centang || []).length + " dari " + boxes.length + " butir daftar periksa dicentang");
      if (answers.length) parts.push((e.jawaban || []).length + " dari " + answers.length + " jawaban dibuka");
      tools.querySelector("[data-pe-progress-text]").textContent = parts.length ? "— " + parts.join(", ") + "." : "";
    }

    function update(change) {
      var d = load();
      var e = d.modul[id] || { centang: [], jawaban: [], judul: title, butir: boxes.length, soal: answers.length };
      change(e);
      d.modul[id] = e;
      d.terakhir = id;
      save(d);
      tools.querySelector("[data-pe-reset-done]").hidden = true;
      render();
    }

    boxes.forEach(function (box, i) {
      box.addEventListener("change", function () {
        update(function (e) {
          e.centang = (e.centang || []).filter(function (x) { return x !== i; });
          if (box.checked) e.centang.push(i);
          e.centang.sort(function (a, b) { return a - b; });
        });
      });
    });
    answers.forEach(function (d, i) {
      d.addEventListener("toggle", function () {
        if (!d.open) return; // an answer once read counts as read
        update(function (e) {
          e.jawaban = e.jawaban || [];
          if (e.jawaban.indexOf(i) < 0) e.jawaban.push(i);
        });
      });
    });
    tools.querySelector("[data-pe-reset]").addEventListener("click", function () {
      var d = load();
      delete d.modul[id];
      if (d.terakhir === id) d.terakhir = null;
      save(d);
      boxes.forEach(function (box) { box.checked = false; });
      answers.forEach(function (a) { a.open = false; });
      render();
      tools.querySelector("[data-pe-reset-done]").hidden = false;
    });
    // Another tab ticked something: show the same state here.
    window.addEventListener("storage", function (event) {
      if (event.key !== KEY) return;
      var e = load().modul[id] || { centang: [], jawaban: [] };
      boxes.forEach(function (box, i) { box.checked = (e.centang || []).indexOf(i) >= 0; });
      render();
    });
    progress.hidden = false;
    render();
  }

  function setupShare(tools) {
    var title = document.title;
    var link = tools.querySelector("[data-pe-whatsapp]");
    if (link) link.href = "https://wa.me/?text=" + encodeURIComponent(title + " " + location.href.split("#")[0]);
    var row = tools.querySelector("[data-pe-share]");
    if (row && link && navigator.share) {
      var share = document.createElement("button");
      share.type = "button";
      share.className = "pe-share__button";
      share.textContent = row.getAttribute("data-pe-share");
      link.after(share);
      share.addEventListener("click", function () {
        navigator.share({ title: title, url: location.href.split("#")[0] }).catch(function () {});
      });
    }
    var print = tools.querySelector("[data-pe-print]");
    if (print && typeof window.print === "function") {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }

  function showListStatuses() {
    var data = load();
    document.querySelectorAll("[data-pe-module]:not([data-pe-tools])").forEach(function (item) {
      var el = item.querySelector("[data-pe-status]");
      if (el) showStatus(el, statusOf(data.modul[item.getAttribute("data-pe-module")]));
    });
  }

  function showContinue() {
    var box = document.querySelector("[data-pe-continue]");
    if (!box) return;
    var data = load();
    var entry = data.terakhir && data.modul[data.terakhir];
    if (!entry) { box.hidden = true; return; }
    var link = box.querySelector("[data-pe-continue-link]");
    link.href = new URL(data.terakhir, baseUrl()).href;
    link.textContent = entry.judul || data.terakhir;
    showStatus(box.querySelector("[data-pe-status]"), statusOf(entry));
    box.hidden = false;
  }

  function init() {
    document.querySelectorAll("[data-pe-tools]").forEach(function (tools) {
      if (tools.dataset.peReady) return;
      tools.dataset.peReady = "1";
      if (tools.hasAttribute("data-pe-module")) setupModule(tools);
      setupShare(tools);
    });
    showListStatuses();
    showContinue();
  }

  // Material's instant navigation (if ever enabled) swaps pages without a load: document$ tells each new page.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // Back/forward cache: a page restored from memory shows the progress made elsewhere meanwhile.
  window.addEventListener("pageshow", function (event) { if (event.persisted) { showListStatuses(); showContinue(); } });
})();
