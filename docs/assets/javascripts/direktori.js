/* Directory filters: facets and text in the URL (shareable over WhatsApp),
 * answered by Pagefind's filter index so a phone never downloads all alumni.
 * Phone first: the results lead, the filters wait behind "Saring"/"Filter"
 * (which counts the active ones), and the heading names what is shown
 * ("7 alumni · tujuan Jepang", "7 exporters · market Japan").
 * Without JavaScript the paginated list and the listing pages still work.
 */
(function () {
  "use strict";
  var form = document.getElementById("pe-filter");
  var list = document.getElementById("pe-results");
  var toggle = document.getElementById("pe-filter-toggle");
  if (!form || !list || !toggle || !window.PortalCari) return;
  var status = document.getElementById("pe-status");
  var pager = document.querySelector(".pe-pager");
  var heading = document.getElementById("daftar");
  var count = document.getElementById("pe-filter-count");
  var resetLink = document.getElementById("pe-filter-reset");
  var done = document.getElementById("pe-filter-done");
  var allHeading = heading.textContent;
  var original = Array.prototype.slice.call(list.children);
  // Facet names, the filter every result must carry and all texts come from the
  // form (written from site/directory.py), so both languages share this script.
  var FACETS = Array.prototype.map.call(form.querySelectorAll("select"), function (s) { return s.name; });
  var data = form.dataset;
  var T = {
    more: data.textMore, filtering: data.textFiltering, none: data.textNone, badge: data.textBadge,
    unit: data.textUnit, unitOne: data.textUnitOne, ambassador: data.textAmbassador, error: data.textError
  };
  var KIND_FILTER = data.kindFilter, KIND = data.kind, AMBASSADOR = data.ambassadorFilter;
  var PAGE = 24;
  var results = [];
  var shown = 0;
  var serial = 0;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "md-button pe-more";
  more.textContent = T.more;
  more.hidden = true;
  list.after(more);

  // Where Material shows its sidebars, portal.css stands the filters open beside
  // the results: the toggle then only labels them and counts the active ones.
  var wide = window.matchMedia("(min-width: 76.25em)");

  function setOpen(open) {
    form.hidden = !open;
    fit();
  }

  function fit() {
    toggle.disabled = wide.matches;
    toggle.setAttribute("aria-expanded", wide.matches || !form.hidden ? "true" : "false");
  }

  function active() {
    var names = [];
    FACETS.forEach(function (name) {
      var select = form.elements[name];
      if (!select.value) return;
      var phrase = select.getAttribute("data-phrase");
      names.push((phrase ? phrase + " " : "") + label(select));
    });
    if (form.elements.duta.checked) names.push(T.ambassador);
    var q = form.elements.q.value.trim();
    if (q) names.push("\u201c" + q + "\u201d");
    return names;
  }

  function describe(found) {
    var names = active();
    count.textContent = names.length ? " (" + names.length + ")" : "";
    resetLink.hidden = names.length === 0;
    heading.textContent = names.length
      ? [found.toLocaleString(document.documentElement.lang || "id") + " " + (found === 1 ? T.unitOne : T.unit)]
          .concat(names).join(" \u00b7 ")
      : allHeading;
  }

  function countries(names, codes) {
    var p = text("p", "pe-card__countries", "");
    names = names.split(", ");
    codes = (codes || "").split(",");
    names.forEach(function (name, i) {
      var span = text("span", "pe-country", "");
      if (codes.length === names.length && /^[a-z]{2}$/.test(codes[i])) {
        // Decorative and empty; assets/bendera/bendera.css draws it (site/flags.py).
        span.appendChild(text("span", "pe-flag pe-flag--" + codes[i], ""));
        span.appendChild(document.createTextNode("\u00a0"));
      }
      span.appendChild(document.createTextNode(name));
      p.appendChild(span);
      if (i < names.length - 1) p.appendChild(document.createTextNode(", "));
    });
    return p;
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    FACETS.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name) || "";
      select.value = Array.prototype.some.call(select.options, function (o) { return o.value === value; }) ? value : "";
    });
    form.elements.q.value = params.get("q") || "";
    form.elements.duta.checked = params.get("duta") === form.elements.duta.value;
  }

  function writeUrl() {
    var params = new URLSearchParams();
    FACETS.forEach(function (name) { if (form.elements[name].value) params.set(name, form.elements[name].value); });
    if (form.elements.duta.checked) params.set("duta", form.elements.duta.value);
    if (form.elements.q.value.trim()) params.set("q", form.elements.q.value.trim());
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    return query;
  }

  // The chosen value's name, as the search index files it: the option reads
  // "Jepang (151)" and the page carries the count, not a second copy of the name.
  function label(select) {
    return select.options[select.selectedIndex].textContent.replace(/ \(\d+\)$/, "");
  }

  function filters() {
    var out = {};
    out[KIND_FILTER] = KIND;
    FACETS.forEach(function (name) {
      var select = form.elements[name];
      if (select.value) out[name] = label(select);
    });
    if (form.elements.duta.checked) out[AMBASSADOR] = form.elements.duta.value;
    return out;
  }

  function text(tag, cls, value) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = value;
    return el;
  }

  function card(d) {
    var li = document.createElement("li");
    li.className = "pe-card";
    var h = text("h3", "pe-card__title", "");
    var a = text("a", "", d.meta.title || "");
    a.href = d.url;
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(text("p", "pe-card__meta", (d.meta.sektor || "") + " · " + (d.meta.wilayah || "")));
    li.appendChild(text("p", "pe-card__products", d.meta.produk || ""));
    if (d.meta.negara) li.appendChild(countries(d.meta.negara, d.meta.bendera));
    if (d.meta.duta) li.appendChild(text("p", "pe-badge", T.badge));
    return li;
  }

  function showMore(mine) {
    var next = results.slice(shown, shown + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (mine !== serial) return;
      data.forEach(function (d) { list.appendChild(card(d)); });
      shown += next.length;
      more.hidden = shown >= results.length;
    });
  }

  function run() {
    var query = writeUrl();
    var mine = ++serial;
    if (!query) {
      list.replaceChildren.apply(list, original);
      if (pager) pager.hidden = false;
      more.hidden = true;
      status.textContent = "";
      describe(0);
      return;
    }
    status.textContent = T.filtering;
    window.PortalCari.search(form.elements.q.value.trim(), filters()).then(function (res) {
      if (mine !== serial) return;
      results = res.results;
      shown = 0;
      list.textContent = "";
      if (pager) pager.hidden = true;
      status.textContent = results.length === 0 ? T.none : "";  // the heading says how many
      describe(results.length);
      return showMore(mine);
    }).catch(function () {
      status.textContent = T.error;
    });
  }

  var timer = null;
  form.addEventListener("change", run);
  form.elements.q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 200); });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); setOpen(false); });
  form.addEventListener("reset", function () { setTimeout(run, 0); });
  toggle.addEventListener("click", function () {
    setOpen(form.hidden);
    if (!form.hidden) form.elements.q.focus();
  });
  done.addEventListener("click", function () {
    setOpen(false);
    heading.scrollIntoView({ block: "start" });
    toggle.focus();
  });
  resetLink.addEventListener("click", function (e) {
    e.preventDefault();
    form.reset();
  });
  more.addEventListener("click", function () { showMore(serial); });
  wide.addEventListener("change", fit);
  fit();
  readUrl();
  if (location.search) run();
})();
