/* Portal Ekspor offline reading, registered on every page by luring.js.
 *
 * The build (portal_ekspor.offline) writes the release's manifest into the
 * OFFLINE line below: its version, the offline page with what it loads
 * ("core", cached on install) and the whole curriculum ("precache", cached
 * when a page asks after it is idle, unless the reader has Save-Data on).
 * Each release has its own cache; older ones are deleted when this worker
 * takes over, so no page of an old release is mixed with a new one and a page
 * the new release no longer has (a profile taken down) leaves the phone.
 *
 * Pages go to the network first (a new release is seen as soon as the reader
 * is online) and fall back to the cache, then to the offline page. Hashed
 * files (Material's assets, Pagefind's chunks, the typo word list's files)
 * never change: cache first.
 */
var OFFLINE = {"version":"dev","fallback":"offline/","core":[],"precache":[]}; // portal:offline
var PREFIX = "portal-ekspor-";
var CACHE = PREFIX + OFFLINE.version;
var SCOPE = self.registration.scope;
var IMMUTABLE = /\/(assets\/(javascripts|stylesheets)\/[^/]+\.[0-9a-f]{8}\.min\.(js|css)|cari\/(bagian-\d+\/)?(fragment|index|filter)\/[^/]+|cari\/kata\/[0-9a-f]{10}\/\d+\.json|cari\/(bagian-\d+\/)?pagefind[^/]*\.(pf_meta|wasm)[^/]*)$/;
var PARALLEL = 4;

function abs(url) { return new URL(url, SCOPE).href; }

/* Fetches each URL not yet in the cache, a few at a time (a phone on 4G). */
function fill(cache, urls) {
  var queue = urls.map(abs);
  var stored = 0;
  function next() {
    var url = queue.shift();
    if (!url) return Promise.resolve();
    return cache.match(url).then(function (hit) {
      if (hit) return null;
      // no-cache: revalidate with the server, so the copy is this release's, not an old HTTP-cached one.
      return fetch(url, { cache: IMMUTABLE.test(new URL(url).pathname) ? "default" : "no-cache" }).then(function (response) {
        if (response.ok && !response.redirected) { stored += 1; return cache.put(url, response); }
        return null;
      });
    }).catch(function () { return null; }).then(next);
  }
  var workers = [];
  for (var i = 0; i < PARALLEL; i++) workers.push(next());
  return Promise.all(workers).then(function () { return stored; });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return fill(cache, OFFLINE.core); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

var precaching = null;
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "precache") return;
  if (!precaching) {
    precaching = caches.open(CACHE).then(function (cache) {
      return fill(cache, OFFLINE.core.concat(OFFLINE.precache));
    }).catch(function () { precaching = null; return 0; });
  }
  var source = event.source;
  event.waitUntil(precaching.then(function () {
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(OFFLINE.precache.map(function (u) { return cache.match(abs(u)); }));
    }).then(function (hits) {
      var missing = hits.filter(function (h) { return !h; }).length;
      if (missing) precaching = null; // try again on the next page
      if (source) source.postMessage({ type: "precache-done", version: OFFLINE.version, total: hits.length, missing: missing });
    });
  }));
});

function store(request, response) {
  if (response.ok && !response.redirected && response.type === "basic") {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (IMMUTABLE.test(url.pathname)) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) { return store(request, response); });
    }));
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    return store(request, response);
  }).catch(function () {
    // Pagefind adds a ?ts= cache-buster to its entry file; offline, any cached copy will do.
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreSearch: true });
    }).then(function (hit) {
      if (hit) return hit;
      if (request.mode === "navigate" && url.href.split("?")[0] !== abs(OFFLINE.fallback)) {
        // Redirect rather than answer in place: the offline page's relative links must resolve from its own address.
        var path = url.pathname.slice(new URL(SCOPE).pathname.length);
        return Response.redirect(abs(OFFLINE.fallback) + "?dari=" + encodeURIComponent(path), 302);
      }
      return Response.error();
    });
  }));
});
