/* Portal Ekspor offline support, registered on the first search.
 *
 * Pages and assets the reader has opened stay readable without a network, and
 * search keeps answering from the index chunks already fetched. Hashed files
 * (Material's assets, Pagefind's chunks) never change, so they are served from
 * cache first; everything else goes to the network first, so a new build is
 * seen as soon as the reader is online again.
 */
var CACHE = "portal-ekspor-v1";
var IMMUTABLE = /\/(assets\/(javascripts|stylesheets)\/[^/]+\.[0-9a-f]{8}\.min\.(js|css)|cari\/(fragment|index|filter)\/[^/]+|cari\/pagefind[^/]*\.(pf_meta|wasm)[^/]*)$/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (IMMUTABLE.test(new URL(request.url).pathname)) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          if (response.ok) cache.put(request, response.clone());
          return response;
        });
      });
    }));
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    // Pagefind adds a ?ts= cache-buster to its entry file; offline, any cached copy will do.
    return caches.match(request, { ignoreSearch: true }).then(function (hit) {
      return hit || Response.error();
    });
  }));
});
