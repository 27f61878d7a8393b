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
  var baseText = config.base || ".";
  // Material gives "/" as the base on the 404 page; "//" would be read as a host.
  var base = new URL(baseText.endsWith("/") ? baseText : baseText + "/", location.href);
  var loading = null;
  // Pagefind keeps one index per page language; English pages (buyers' pages)
  // search the English index, without the Indonesian root forms and typo list.
  var english = (document.documentElement.lang || "").slice(0, 2) === "en";

  function registerOffline() {
    // Only once the reader searches: from then on visited pages and fetched
    // index chunks stay usable offline (docs/sw.js).
    if ("serviceWorker" in navigator && location.protocol !== "file:") {
      navigator.serviceWorker.register(new URL("sw.js", base).href, { scope: base.pathname }).catch(function () {});
    }
  }

  function load() {
    if (!loading) {
      registerOffline();
      loading = import(new URL("cari/pagefind.js", base).href).then(function (pf) {
        return pf.options({ baseUrl: base.pathname, excerptLength: 18 }).then(function () {
          pf.init();
          return pf;
        });
      });
    }
    return loading;
  }

  /* Indonesian root forms: the same affix rules as portal_ekspor.search.stemmer,
   * limited to the roots the build found in the portal's own text
   * (cari/akar.json), so "pengemasan" becomes "kemas", never "emas". */
  var roots = null;
  function loadRoots() {
    if (!roots) {
      roots = fetch(new URL("cari/akar.json", base).href)
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) { return new Set(list); })
        .catch(function () { return new Set(); });
    }
    return roots;
  }

  var VOWELS = "aiueo";
  function isVowel(c) { return !!c && VOWELS.indexOf(c) >= 0; }

  function suffixForms(word) {
    var forms = [word];
    ["lah", "kah", "pun", "tah"].forEach(function (p) {
      if (word.endsWith(p) && word.length - p.length >= 3) forms.push(word.slice(0, -p.length));
    });
    forms.slice().forEach(function (f) {
      ["nya", "ku", "mu"].forEach(function (p) {
        if (f.endsWith(p) && f.length - p.length >= 3) forms.push(f.slice(0, -p.length));
      });
    });
    forms.slice().forEach(function (f) {
      ["kan", "an", "i"].forEach(function (p) {
        // -i never after a: nilai, sangrai, sampai are roots.
        if (f.endsWith(p) && f.length - p.length >= 3 && !(p === "i" && f[f.length - 2] === "a")) forms.push(f.slice(0, -p.length));
      });
    });
    return forms;
  }

  function prefixOnce(w, outer) {
    var out = [];
    function add(f) { if (f.length >= 3) out.push(f); }
    if (outer && w.startsWith("di")) add(w.slice(2));
    if (w.startsWith("ke")) {
      var ending = ["annya", "anlah", "an"].filter(function (e) { return w.endsWith(e); })[0];
      if (ending) add(w.slice(2, -ending.length));
    }
    ["ber", "ter", "per"].forEach(function (p) {
      if (w.startsWith(p)) { var rest = w.slice(3); if (rest.startsWith("ikan") || rest.startsWith("rikan")) return; add(rest); if (isVowel(rest[0])) add("r" + rest); }
    });
    if ((w.startsWith("bel") || w.startsWith("pel")) && w.slice(3).startsWith("ajar")) add(w.slice(3));
    if ((w.startsWith("be") || w.startsWith("te") || w.startsWith("pe")) && w[2] === "r" && !w.startsWith("rikan", 2)) add(w.slice(2));
    ["me", "pe"].forEach(function (head) {
      if (!w.startsWith(head)) return;
      var rest = w.slice(2), tail;
      if ("lrwy".indexOf(rest[0]) >= 0 && rest[0]) add(rest);
      if (head === "pe" && rest[0] && !isVowel(rest[0]) && "mnr".indexOf(rest[0]) < 0) add(rest);
      if (rest.startsWith("nge") && rest.length > 5 && !isVowel(rest[3])) add(rest.slice(3));
      if (rest.startsWith("ng")) {
        tail = rest.slice(2);
        if (isVowel(tail[0])) { add(tail); add("k" + tail); } else if (tail[0] && "ghkq".indexOf(tail[0]) >= 0) add(tail);
      } else if (rest.startsWith("ny") && isVowel(rest[2])) {
        add("s" + rest.slice(2));
      } else if (rest.startsWith("m")) {
        tail = rest.slice(1);
        if (tail[0] && "bfvp".indexOf(tail[0]) >= 0) add(tail); else if (isVowel(tail[0])) { add("p" + tail); add("m" + tail); }
      } else if (rest.startsWith("n")) {
        tail = rest.slice(1);
        if (tail[0] && "cdjzts".indexOf(tail[0]) >= 0) add(tail); else if (isVowel(tail[0])) { add("t" + tail); add("n" + tail); }
      }
    });
    return out;
  }

  var ONSETS = new Set(["bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "sk", "sl", "sm", "sn", "sp",
    "st", "sw", "tr", "ng", "ny", "sy", "kh", "ps", "str", "spr", "skr"]);
  function plausible(f) { return isVowel(f[0]) || isVowel(f[1]) || ONSETS.has(f.slice(0, 2)); }

  function candidates(word) {
    var found = new Set([word]), frontier = [word];
    for (var i = 0; i < 2; i++) {
      var next = [];
      frontier.forEach(function (f) { prefixOnce(f, f === word).forEach(function (x) { next.push(x); found.add(x); }); });
      frontier = next;
    }
    Array.from(found).forEach(function (f) { suffixForms(f).forEach(function (x) { found.add(x); }); });
    return Array.from(found).filter(function (f) { return f.length >= 3 && (f === word || plausible(f)); });
  }

  function rootOf(word, set) {
    if (set.has(word)) return word;
    var best = null;
    candidates(word).forEach(function (c) { if (c !== word && set.has(c) && (!best || c.length > best.length)) best = c; });
    return best || word;
  }

  window.PortalAkar = { candidates: candidates, rootOf: rootOf };

  /* One-letter typos: only when a query finds nothing, load the corpus words
   * (most frequent first) and retry with the closest known spelling. */
  var vocabulary = null;
  function loadVocabulary() {
    if (!vocabulary) {
      vocabulary = fetch(new URL("cari/kata.json", base).href)
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) { var m = new Map(); list.forEach(function (w, i) { m.set(w, i); }); return m; })
        .catch(function () { return new Map(); });
    }
    return vocabulary;
  }

  var LETTERS = "abcdefghijklmnopqrstuvwxyz";
  function corrected(word, known) {
    if (word.length < 4 || known.has(word)) return word;
    var best = null, rank = Infinity;
    function consider(c) { var r = known.get(c); if (r !== undefined && r < rank) { best = c; rank = r; } }
    for (var i = 0; i <= word.length; i++) {
      if (i < word.length) consider(word.slice(0, i) + word.slice(i + 1));
      if (i < word.length - 1) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
      for (var j = 0; j < LETTERS.length; j++) {
        if (i < word.length) consider(word.slice(0, i) + LETTERS[j] + word.slice(i + 1));
        consider(word.slice(0, i) + LETTERS[j] + word.slice(i));
      }
    }
    return best || word;
  }

  /* Words the corpus does not know are corrected first (one-letter typos),
   * then reduced to their roots; Pagefind matches the rest. */
  function prepare(term) {
    if (!term || english) return Promise.resolve({ query: term, corrected: null });
    return Promise.all([loadVocabulary(), loadRoots()]).then(function (sets) {
      var changed = false;
      var words = term.toLowerCase().split(/\s+/).filter(Boolean).map(function (w) {
        if (!/^[a-z]+$/.test(w)) return w;
        // A word whose root the corpus knows is a real word, not a typo.
        var c = sets[0].size && rootOf(w, sets[1]) === w ? corrected(w, sets[0]) : w;
        if (c !== w) changed = true;
        return c;
      });
      var query = words.map(function (w) { return /^[a-z]+$/.test(w) ? rootOf(w, sets[1]) : w; }).join(" ");
      return { query: query, corrected: changed ? words.join(" ") : null };
    });
  }

  /* Search the words as typed and, when it differs, their root forms too;
   * a page scores the sum of both, so pages matching the exact words and the
   * roots rank first and neither reading loses results the other finds. */
  function merged(a, b) {
    var byId = new Map();
    a.results.concat(b.results).forEach(function (r) {
      var seen = byId.get(r.id);
      if (seen) seen.score += r.score;
      else byId.set(r.id, { id: r.id, score: r.score, data: r.data });
    });
    var results = Array.from(byId.values()).sort(function (x, y) { return y.score - x.score; });
    return { results: results, unfilteredResultCount: results.length };
  }

  function search(term, filters) {
    var options = { filters: filters || {} };
    return Promise.all([load(), prepare(term)]).then(function (both) {
      var pf = both[0], prepared = both[1];
      var typed = prepared.corrected || (term ? term.toLowerCase() : null);
      var runs = [pf.search(typed || null, options)];
      if (typed && prepared.query && prepared.query !== typed) runs.push(pf.search(prepared.query, options));
      return Promise.all(runs).then(function (res) {
        var out = res.length > 1 ? merged(res[0], res[1]) : res[0];
        out.corrected = prepared.corrected;
        return out;
      });
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
  var kinds = english ? [] : [["", "Semua"], ["Modul", "Modul"], ["Alumni", "Alumni"], ["Glosarium", "Glosarium"], ["Program", "Program"]];
  var T = english ? {
    none: "No results. Try another word or check the spelling.", results: " results", forWord: " for ",
    typing: "Type to search", searching: "Searching…", offline: "Search is not available yet. Check your connection and try again."
  } : {
    none: "Tidak ada hasil. Coba kata lain atau periksa ejaan.", results: " hasil", forWord: " untuk ",
    typing: "Ketik untuk mencari", searching: "Mencari…", offline: "Pencarian belum tersedia. Periksa koneksi lalu coba lagi."
  };
  var kind = "";
  var serial = 0;
  var correctedTo = null;

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
    status.textContent = total === 0 ? T.none :
      total + T.results + (correctedTo ? T.forWord + "\u201c" + correctedTo + "\u201d" : "");
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
    if (!term) { list.textContent = ""; status.textContent = T.typing; return; }
    status.textContent = T.searching;
    var filters = kind ? { jenis: kind } : {};
    search(term, filters).then(function (res) {
      if (mine !== serial) return null;
      correctedTo = res.corrected || null;
      return Promise.all(res.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (data) {
        if (mine === serial) render(data, res.results.length);
      });
    }).catch(function () {
      status.textContent = T.offline;
    });
  }

  var timer = null;
  input.addEventListener("focus", function () { load(); if (!english) { loadRoots(); loadVocabulary(); } });
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
