/* Offline reading (docs/sw.js), on every page.
 *
 * Registers the service worker once the page is idle, then asks it to keep
 * the whole curriculum unless the reader has Save-Data on (then only pages
 * opened are kept). <html data-pe-luring> tells the state: "menyimpan",
 * "siap" (everything kept), "hemat" (Save-Data) or "tidak" (no support).
 * On the offline page it marks which links are kept on this device.
 */
(function () {
  "use strict";

  var config = JSON.parse((document.getElementById("__config") || { textContent: "{}" }).textContent || "{}");
  var baseText = config.base || ".";
  var base = new URL(baseText.endsWith("/") ? baseText : baseText + "/", location.href);
  var root = document.documentElement;

  function saveData() { return !!(navigator.connection && navigator.connection.saveData); }

  function whenActive(reg) {
    var worker = reg.installing || reg.waiting;
    if (!worker) return Promise.resolve(reg.active);
    return new Promise(function (resolve) {
      worker.addEventListener("statechange", function () {
        if (worker.state === "activated") resolve(worker);
        else if (worker.state === "redundant") resolve(reg.active);
      });
    });
  }

  function start() {
    if (!("serviceWorker" in navigator) || location.protocol === "file:") { root.dataset.peLuring = "tidak"; return; }
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type === "precache-done") root.dataset.peLuring = data.missing ? "sebagian" : "siap";
    });
    navigator.serviceWorker.register(new URL("sw.js", base).href, { scope: base.pathname }).then(function (reg) {
      // A new release's worker installs first, so the curriculum is kept in the new release's cache.
      return reg.update().catch(function () {}).then(function () { return whenActive(reg); });
    }).then(function (worker) {
      if (!worker) return;
      if (saveData()) { root.dataset.peLuring = "hemat"; return; }
      root.dataset.peLuring = "menyimpan";
      worker.postMessage({ type: "precache" });
    }).catch(function () { root.dataset.peLuring = "tidak"; });
  }

  function markOfflinePage() {
    var box = document.querySelector("[data-pe-offline]");
    if (!box) return;
    var wanted = new URLSearchParams(location.search).get("dari");
    if (wanted) {
      var target = new URL(wanted, base);
      if (target.origin === location.origin) {
        var p = box.querySelector("[data-pe-offline-wanted]");
        var a = p.querySelector("a");
        a.href = target.href;
        a.textContent = target.pathname;
        p.hidden = false;
      }
    }
    if (!window.caches) return;
    var items = Array.prototype.slice.call(box.querySelectorAll("[data-pe-offline-item]"));
    Promise.all(items.map(function (a) { return caches.match(a.href); })).then(function (hits) {
      var kept = 0;
      items.forEach(function (a, i) {
        if (hits[i]) { kept += 1; return; }
        a.parentNode.classList.add("pe-offline__missing");
        var note = document.createElement("span");
        note.className = "pe-muted";
        note.textContent = " (belum tersimpan)";
        a.parentNode.appendChild(note);
      });
      box.querySelector("[data-pe-offline-count]").textContent = kept + " dari " + items.length + " halaman di bawah tersimpan di perangkat ini.";
    });
  }

  markOfflinePage();
  function idle() {
    if ("requestIdleCallback" in window) requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 1000);
  }
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle);
})();
