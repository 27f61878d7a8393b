/* Portal Ekspor search: Pagefind behind Material's search box.
 *
 * Nothing is fetched until the reader focuses the box; then Pagefind loads
 * only the index chunks a query needs. Results are built with textContent,
 * never innerHTML from data, except Pagefind's own excerpt whose only markup
 * is <mark>, re-created here from its text.
 */
(function () {
  "use strict";

  var config = JSON.parse((document.getElementById("__config") || { textContent: "{}" }).textContent || "{}");
  var base = new URL((config.base || ".") + "/", location.href);
  var loading = null;

  function load() {
    if (!loading) {
      loading = import(new URL("cari/pagefind.js", base).href).then(function (pf) {
        return pf.options({ baseUrl: base.pathname, excerptLength: 18 }).then(function () {
          pf.init();
          return pf;
        });
      });
    }
    return loading;
  }

  /* Query words mapped to the root forms indexed beside the text (see
   * portal_ekspor.search.stemmer); loaded with the first search. */
  var roots = null;
  function loadRoots() {
    if (!roots) {
      roots = fetch(new URL("cari/akar.json", base).href)
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    return roots;
  }

  function normalise(term) {
    return loadRoots().then(function (map) {
      if (!term) return term;
      var words = term.toLowerCase().split(/\s+/).filter(Boolean);
      var extra = [];
      words.forEach(function (w) {
        var clean = w.replace(/[^\p{L}\p{N}-]/gu, "");
        if (map[clean] && map[clean] !== clean && words.indexOf(map[clean]) < 0) extra.push(map[clean]);
      });
      return words.concat(extra).join(" ");
    });
  }

  function search(term, filters) {
    return Promise.all([load(), normalise(term)]).then(function (both) {
      return both[0].search(both[1] || null, { filters: filters || {} });
    });
  }

  function filterValues() {
    return load().then(function (pf) { return pf.filters(); });
  }

  window.PortalCari = { load: load, search: search, filters: filterValues, base: base };

  /* ---- header search box ---- */
  var input = document.getElementById("pe-search-input");
  if (!input) return;
  var toggle = document.getElementById("__search");
  var list = document.getElementById("pe-search-results");
  var status = document.getElementById("pe-search-status");
  var facetBox = document.getElementById("pe-search-facets");
  var kinds = [["", "Semua"], ["Modul", "Modul"], ["Alumni", "Alumni"], ["Glosarium", "Glosarium"], ["Program", "Program"]];
  var kind = "";
  var serial = 0;

  kinds.forEach(function (k) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "pe-chip";
    b.textContent = k[1];
    b.setAttribute("aria-pressed", k[0] === kind ? "true" : "false");
    b.dataset.kind = k[0];
    b.addEventListener("click", function () {
      kind = k[0];
      Array.prototype.forEach.call(facetBox.children, function (c) {
        c.setAttribute("aria-pressed", c.dataset.kind === kind ? "true" : "false");
      });
      run();
    });
    facetBox.appendChild(b);
  });

  function excerpt(el, html) {
    /* Pagefind marks hits with <mark>; rebuild that from text only. */
    var tmp = document.createElement("div");
    tmp.innerHTML = html.replace(/<(?!\/?mark>)[^>]*>/g, "");
    Array.prototype.forEach.call(tmp.childNodes, function (n) {
      if (n.nodeType === 3) el.appendChild(document.createTextNode(n.textContent));
      else if (n.nodeName === "MARK") { var m = document.createElement("mark"); m.textContent = n.textContent; el.appendChild(m); }
    });
  }

  function render(items, total) {
    list.textContent = "";
    status.textContent = total === 0 ? "Tidak ada hasil. Coba kata lain atau periksa ejaan." : total + " hasil";
    items.forEach(function (d) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = d.url;
      var art = document.createElement("article");
      art.className = "md-search-result__article md-typeset";
      var h = document.createElement("h1");
      h.textContent = (d.meta && d.meta.title) || d.url;
      var kindLabel = d.filters && d.filters.jenis ? d.filters.jenis[0] : "";
      if (kindLabel) { var s = document.createElement("span"); s.className = "pe-search__kind"; s.textContent = kindLabel; h.prepend(s); }
      var p = document.createElement("p");
      excerpt(p, d.excerpt || "");
      art.appendChild(h);
      art.appendChild(p);
      a.appendChild(art);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function run() {
    var term = input.value.trim();
    var mine = ++serial;
    if (!term) { list.textContent = ""; status.textContent = "Ketik untuk mencari"; return; }
    status.textContent = "Mencari…";
    var filters = kind ? { jenis: kind } : {};
    search(term, filters).then(function (res) {
      if (mine !== serial) return null;
      return Promise.all(res.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (data) {
        if (mine === serial) render(data, res.results.length);
      });
    }).catch(function () {
      status.textContent = "Pencarian belum tersedia. Periksa koneksi lalu coba lagi.";
    });
  }

  var timer = null;
  input.addEventListener("focus", function () { load(); loadRoots(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  input.form.addEventListener("submit", function (e) { e.preventDefault(); run(); var first = list.querySelector("a"); if (first) first.focus(); });
  input.form.addEventListener("reset", function () { setTimeout(run, 0); });
  toggle.addEventListener("change", function () {
    if (toggle.checked && document.activeElement !== input) setTimeout(function () { input.focus(); }, 50);
  });

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  document.addEventListener("keydown", function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (!toggle.checked) {
      if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s" || e.key === "f")) {
        e.preventDefault();
        toggle.checked = true;
        input.focus();
        toggle.dispatchEvent(new Event("change"));
      }
      return;
    }
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (e.key === "Escape") {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      input.blur();
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      if (all.length) all[Math.min(at + 1, all.length - 1)].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (at <= 0) input.focus(); else all[at - 1].focus();
    }
  });
})();
