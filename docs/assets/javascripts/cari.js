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
  var PAGE_LENGTH = 0.3;
  // The roots of a page's title (portal_ekspor.search.indexer, "akar_judul")
  // weigh as much as its title: "pengemasan" is searched as "kemas", which no
  // title spells, and the module titled "Kemasan dan Label Ekspor" must still
  // outrank thousands of short profiles that say "kemasan" in passing.
  var META_WEIGHTS = { title: 5, akar_judul: 5 };

  function registerOffline() {
    // Only once the reader searches: from then on visited pages and fetched
    // index chunks stay usable offline (docs/sw.js).
    if ("serviceWorker" in navigator && location.protocol !== "file:") {
      navigator.serviceWorker.register(new URL("sw.js", base).href, { scope: base.pathname }).catch(function () {});
    }
  }

  /* How many shards this page's language has (cari/bagian.json): a large
   * portal's index is split into a few Pagefind bundles (cari/ and
   * cari/bagian-1/, ...; portal_ekspor.search.shards), merged here. */
  function shardCount() {
    return fetch(new URL("cari/bagian.json", base).href)
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (counts) { return counts[english ? "en" : "id"] || 1; })
      .catch(function () { return 1; });
  }

  function load() {
    if (!loading) {
      registerOffline();
      loading = Promise.all([import(new URL("cari/pagefind.js", base).href), shardCount()]).then(function (both) {
        var pf = both[0], shards = both[1];
        // pageLength below Pagefind's default: long modules are not pushed under
        // thousands of short profiles for topic queries (bench/search_eval.py).
        // Pagefind's options() reach its first index only: merged shards get them too.
        var options = function () {
          return { baseUrl: base.pathname, excerptLength: 18, ranking: { pageLength: PAGE_LENGTH, metaWeights: META_WEIGHTS } };
        };
        return pf.options(options()).then(function () {
          pf.init();
          var merged = [];
          for (var i = 1; i < shards; i++) merged.push(pf.mergeIndex(new URL("cari/bagian-" + i + "/", base).pathname, options()));
          return Promise.all(merged).then(function () { return pf; });
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

  /* ---- Query understanding: how participants type on a phone ----
   * A query is read as: normalised words (T/T -> tt) -> colloquial forms to
   * standard ones (gimana, pake, ngurus) -> province nicknames to names
   * (jateng -> jawa tengah) -> question and filler words dropped. Glossary
   * synonyms add the query with the term (bl -> bill of lading). Pages
   * matching every word come first; when that finds too little, pages
   * matching fewer words follow, ranked by how many they match. A word found
   * nowhere is corrected (two letters for long words, one for short) against
   * the portal's visible words, loaded only then. Nothing depends on earlier
   * searches: every query runs the same steps from scratch. */
  var FILLERS = new Set(("bagaimana bagaimanakah gimana gmn gmana cara caranya apa apakah apaan apa2 siapa kapan " +
    "mengapa kenapa knp berapa mana dimana yang yg dan dan/atau atau ato untuk utk buat bwt ga gak nggak ngga enggak " +
    "tidak tdk aja saja di ke dari itu ini bisa bisakah bs saya aku kami kita sudah udah sdh belum blm dong sih nih " +
    "ya kah tolong mohon mau ingin pengen harus perlu adalah ada sama dengan dgn dg juga lagi seperti kayak kaya " +
    "punya tentang soal beda bedanya perbedaan antara info informasi lama gimanakah apasih " +
    // what a question needs or does is no topic: "dokumen apa saja yang dibutuhkan", "ngecek kode hs"
    "butuh dibutuhkan membutuhkan diperlukan memerlukan dapat cek " +
    // nor who asks: every module is written for UMKM, few profiles say so, and
    // the rare-looking word outweighed the topic ("apakah UMKM bisa dapat pembiayaan")
    "umkm ukm").split(" "));
  var COLLOQUIAL = {
    gimana: "bagaimana", gmn: "bagaimana", yg: "yang", utk: "untuk", dgn: "dengan", dg: "dengan", tdk: "tidak",
    gak: "tidak", ga: "tidak", nggak: "tidak", ngga: "tidak", enggak: "tidak", pake: "pakai", make: "pakai",
    bikin: "buat", ato: "atau", krn: "karena", sdh: "sudah", udah: "sudah", blm: "belum", bs: "bisa", aja: "saja",
    negri: "negeri", luar2: "luar", duit: "uang", nego: "negosiasi", minjem: "pinjam", nyari: "cari",
    ngurus: "urus", ngirim: "kirim", ngitung: "hitung", itung: "hitung", ngecek: "cek", cek: "periksa",
    ngekspor: "ekspor", tau: "tahu", gede: "besar", murah2: "murah", kirim2: "kirim", brp: "berapa", sy: "saya",
    dokumen2: "dokumen", pembeli2: "pembeli", trus: "terus", kalo: "kalau", klo: "kalau", bgt: "sekali",
    dapet: "dapat", dpt: "dapat", pinjem: "pinjam", bayarin: "bayar", sertifikat2: "sertifikat"
  };
  var PLACES = {
    sumbar: "sumatera barat", sumut: "sumatera utara", sumsel: "sumatera selatan", jateng: "jawa tengah",
    jatim: "jawa timur", jabar: "jawa barat", kaltim: "kalimantan timur", kalbar: "kalimantan barat",
    kalsel: "kalimantan selatan", kalteng: "kalimantan tengah", kaltara: "kalimantan utara",
    sulsel: "sulawesi selatan", sulut: "sulawesi utara", sulteng: "sulawesi tengah", sultra: "sulawesi tenggara",
    sulbar: "sulawesi barat", diy: "yogyakarta", jogja: "yogyakarta", yogya: "yogyakarta", jogjakarta: "yogyakarta",
    ntb: "nusa tenggara barat", ntt: "nusa tenggara timur", dki: "jakarta", babel: "bangka belitung",
    kepri: "kepulauan riau", lambar: "lampung barat", solo: "surakarta", malut: "maluku utara", pabar: "papua barat",
    jaksel: "jakarta selatan", jakbar: "jakarta barat", jaktim: "jakarta timur", jakut: "jakarta utara",
    jakpus: "jakarta pusat", sumatra: "sumatera", kalimantan: "kalimantan"
  };
  var RELAX_BELOW = 5;
  var SYNONYM_WEIGHT = 0.5;

  function normalise(term) {
    return (term || "").toLowerCase().replace(/([a-z0-9])\/([a-z0-9])/g, "$1$2")
      .replace(/[^a-z0-9\-]+/g, " ").split(/\s+/).filter(Boolean);
  }

  /* ng-/nge-/ny- as spoken (ngurus, ngecek, nyari): the standard root when the portal knows it. */
  function colloquial(word, rootSet) {
    if (Object.prototype.hasOwnProperty.call(COLLOQUIAL, word)) return COLLOQUIAL[word];
    if (rootSet.has(word)) return word;
    var options = [];
    if (word.startsWith("nge") && word.length > 5) options.push(word.slice(3));
    if (word.startsWith("ng") && isVowel(word[2])) options.push("k" + word.slice(2), word.slice(2), "h" + word.slice(2));
    if (word.startsWith("ny") && isVowel(word[2])) options.push("s" + word.slice(2), "c" + word.slice(2));
    for (var i = 0; i < options.length; i++) if (rootSet.has(options[i])) return options[i];
    return word;
  }

  /* The words a query is about, after colloquial forms and nicknames. */
  function understand(term, rootSet) {
    var words = [];
    normalise(term).forEach(function (w) {
      var c = colloquial(w, rootSet);
      if (Object.prototype.hasOwnProperty.call(PLACES, c)) PLACES[c].split(" ").forEach(function (p) { words.push(p); });
      else words.push(c);
    });
    var content = words.filter(function (w) { return !FILLERS.has(w); });
    return content.length ? content : words;
  }

  /* Glossary synonyms (cari/sinonim.json): each group lists a term, its
   * synonyms and expansion. A query containing one of them is also searched
   * with each of the others in its place. */
  var synonymsP = null;
  function loadSynonyms() {
    if (!synonymsP) {
      synonymsP = fetch(new URL("cari/sinonim.json", base).href)
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (groups) {
          var index = new Map();
          groups.forEach(function (g) { g.nama.forEach(function (name) { if (!index.has(name)) index.set(name, g); }); });
          return index;
        })
        .catch(function () { return new Map(); });
    }
    return synonymsP;
  }

  /* The query and its synonym variants; `module`: the slug of the module the
   * glossary says explains the term, when the query is that term and nothing
   * else ("letter of credit", not "kopi organik"), or null. */
  function variants(words, synonyms) {
    var out = [words];
    for (var len = Math.min(5, words.length); len >= 1; len--) {
      for (var i = 0; i + len <= words.length; i++) {
        var phrase = words.slice(i, i + len).join(" ");
        var group = synonyms.get(phrase);
        if (!group) continue;
        group.nama.forEach(function (alt) {
          if (alt !== phrase) out.push(words.slice(0, i).concat(alt.split(" "), words.slice(i + len)));
        });
        out = out.slice(0, 6);
        out.module = len === words.length ? group.modul : null;
        return out;
      }
    }
    out.module = null;
    return out;
  }

  /* Typos. The words readers see on the portal are filed whole and under
   * pieces of themselves in small files under cari/kata/
   * (portal_ekspor.search.vocabulary, which explains the pieces): a query word
   * that is no root form loads the list of files and the one that would hold
   * it whole; only a word that is no portal word loads the few files holding
   * the pieces a candidate must share with it. */
  var vocabulary = null, vocabularyFiles = {};
  function loadVocabulary() {
    if (!vocabulary) {
      vocabulary = fetch(new URL("cari/kata/indeks.json", base).href)
        .then(function (r) { return r.ok ? r.json() : { awal: [] }; })
        .catch(function () { vocabulary = null; return { awal: [] }; });  // offline: try again next time
    }
    return vocabulary;
  }

  /* Files sit in a folder named by their content (a page opened before a
   * release keeps its manifest and finds its files in the server's archive). */
  function vocabularyFile(manifest, number) {
    if (!manifest.versi) return Promise.resolve({});
    var name = manifest.versi + "/" + number;
    if (!vocabularyFiles[name]) {
      vocabularyFiles[name] = fetch(new URL("cari/kata/" + name + ".json", base).href)
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { delete vocabularyFiles[name]; return {}; });
    }
    return vocabularyFiles[name];
  }

  function pieceKey(kind, piece, n) {
    if (kind === "z" || kind === "Z") piece = piece.split("").reverse().join("");
    return kind + piece + "." + (n < 10 ? "0" : "") + n;
  }

  /* One edit: a candidate of length n keeps its head or its tail. */
  function oneEditKeys(q) {
    var keys = [], L = q.length;
    for (var n = Math.max(4, L - 1); n <= L + 1; n++) {
      var head = Math.floor((n - 1) / 2), tail = n - 1 - head;
      if (head <= L) keys.push(pieceKey("a", q.slice(0, head), n));
      if (tail <= L) keys.push(pieceKey("z", q.slice(L - tail), n));
    }
    return keys;
  }

  /* Two edits: head, tail, or the middle shifted by the edit before it. */
  function twoEditKeys(q) {
    var keys = [], L = q.length;
    for (var n = Math.max(5, L - 2); n <= L + 2; n++) {
      var rest = n - 2, head = Math.max(1, Math.floor((rest + 1) / 3)), tail = Math.max(1, Math.floor(rest / 3));
      var middle = rest - head - tail;
      if (head <= L) keys.push(pieceKey("A", q.slice(0, head), n));
      if (tail <= L) keys.push(pieceKey("Z", q.slice(L - tail), n));
      for (var before = -1; before <= 1; before++) {
        var after = L - n - before, start = head + 1 + before;
        if (after >= -1 && after <= 1 && start >= 0 && start + middle <= L) keys.push(pieceKey("M", q.slice(start, start + middle), n));
      }
    }
    return keys;
  }

  /* The number of the file that would hold `key`: the last whose first key is not after it. */
  function fileOf(firsts, key) {
    var lo = 0, hi = firsts.length - 1, at = -1;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (firsts[mid] <= key) { at = mid; lo = mid + 1; } else hi = mid - 1; }
    return at;
  }

  /* Is `word` a portal word, or the beginning of one (a name still being typed)? */
  function portalWord(word) {
    var key = "w" + word;
    return loadVocabulary().then(function (manifest) {
      var firsts = manifest.awal || [], at = fileOf(firsts, key);
      if (at + 1 < firsts.length && firsts[at + 1].indexOf(key) === 0) return true;
      if (at < 0) return false;
      return vocabularyFile(manifest, at).then(function (file) {
        return Object.keys(file).some(function (k) { return k.indexOf(key) === 0; });
      });
    });
  }

  /* The words filed under these keys, most frequent first (the whole list's order). */
  function wordsUnder(keys) {
    return loadVocabulary().then(function (manifest) {
      var firsts = manifest.awal || [], wanted = {};
      keys.forEach(function (k) {
        var at = fileOf(firsts, k);
        if (at >= 0) (wanted[at] = wanted[at] || []).push(k);
      });
      return Promise.all(Object.keys(wanted).map(function (number) {
        return vocabularyFile(manifest, number).then(function (file) {
          return wanted[number].map(function (k) { return file[k] || ""; }).join(" ");
        });
      }));
    }).then(function (lists) {
      var count = new Map();
      lists.join(" ").split(" ").forEach(function (entry) {
        var at = entry.lastIndexOf(":");
        if (at > 0) count.set(entry.slice(0, at), +entry.slice(at + 1));
      });
      return Array.from(count.keys()).sort(function (a, b) {
        return count.get(b) - count.get(a) || (a < b ? -1 : a > b ? 1 : 0);
      });
    });
  }

  /* The correction over the whole word list, loading only what can hold it:
   * any word one edit away beats every word two edits away, so the two-edit
   * files are asked for only when the one-edit files hold no candidate. */
  function correct(word) {
    var max = word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
    if (!max || !/^[a-z]+$/.test(word)) return Promise.resolve(word);
    return wordsUnder(oneEditKeys(word)).then(function (near) {
      var best = corrected(word, near, 1);
      if (best !== word || max === 1 || near.indexOf(word) >= 0) return best;
      // The one-edit files are already loaded: this asks only for the two-edit ones.
      return wordsUnder(oneEditKeys(word).concat(twoEditKeys(word))).then(function (all) { return corrected(word, all); });
    });
  }

  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < low) low = v;
      }
      if (low > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function spells(typed, word) {
    var j = 0;
    for (var i = 0; i < word.length && j < typed.length; i++) if (word[i] === typed[j]) j++;
    return j === typed.length;
  }

  /* The consonants of a word: vowels are what people misremember in names
   * (mendaling for Mandailing), consonants they keep. */
  function skeleton(w) { return w.replace(/[aiueo]/g, ""); }

  function corrected(word, words, limit) {
    var max = Math.min(word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0, limit === undefined ? 2 : limit);
    if (!max || !/^[a-z]+$/.test(word)) return word;
    // Fewest edits first; at equal edits a word with the same consonants
    // (mendaling -> mandailing, not menyalin), then one the typed letters spell
    // in order (a letter left out: rendag -> rendang, not rendah); then the most frequent.
    var best = word, bestKey = 4 * max + 4, bones = skeleton(word);
    for (var i = 0; i < words.length; i++) {
      var d = distance(word, words[i], max);
      if (d > max) continue;
      var key = 4 * d - (skeleton(words[i]) === bones ? 2 : 0) - (spells(word, words[i]) ? 1 : 0);
      if (key < bestKey) { best = words[i]; bestKey = key; }
    }
    return best;
  }

  /* A word that is no portal word, no root form and begins none is corrected
   * before Pagefind is asked for it: Pagefind would load the index chunk where
   * it would sit only to find nothing (at 20,000 profiles up to 145 KB: the
   * chunk of "ekspor" for "egosiasi"). A word with nothing near stays as typed. */
  function correctedFirst(word, rootSet, synonyms) {
    if (!/^[a-z]+$/.test(word) || word.length < 4 || synonyms.has(word) || rootSet.has(rootOf(word, rootSet))) {
      return Promise.resolve(word);
    }
    return portalWord(word).then(function (known) { return known ? word : correct(word); });
  }

  function rooted(words, rootSet) {
    return words.map(function (w) { return /^[a-z]+$/.test(w) ? rootOf(w, rootSet) : w; });
  }

  /* Add one result list into a map: pages found by more runs score higher,
   * except that with `best` a page found by several synonym variants keeps
   * the best of their scores.
   * Pagefind caches one fragment object per page and overwrites its
   * `locations` on every data() call, so the hits of one search would leak
   * into another; each result keeps its own hit positions (`words`) and
   * data() hands out a copy carrying them. */
  function addRun(byId, res, weight, best) {
    res.results.forEach(function (r) {
      var seen = byId.get(r.id);
      if (seen) {
        // best: the same query said another way (a synonym) counts once, at its best.
        seen.score = best ? Math.max(seen.score, r.score * weight) : seen.score + r.score * weight;
        (r.words || []).forEach(function (w) { if (seen.words.indexOf(w) < 0) seen.words.push(w); });
      } else {
        // Keep Pagefind's result object itself: its worker frees a page's data once
        // the object is garbage-collected, and data() then answers null.
        byId.set(r.id, { id: r.id, score: r.score * weight, src: r, words: (r.words || []).slice(), terms: 0 });
      }
    });
  }

  function snapshot(entry) {
    entry.data = function () {
      return entry.src.data().then(function (d) {
        if (!d) return null;
        var copy = {};
        Object.keys(d).forEach(function (k) { copy[k] = d[k]; });
        copy.locations = entry.words.slice().sort(function (a, b) { return a - b; });
        return copy;
      });
    };
    return entry;
  }

  function ranked(byId) {
    return Array.from(byId.values()).map(snapshot).sort(function (x, y) {
      return y.terms - x.terms || y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    });
  }

  /* Every word together, for each synonym variant. A word the portal's own
   * stemmer reduces is searched as its root only: Pagefind's Snowball reads
   * pengemasan as "emas", while every page saying pengemasan also carries
   * the root "kemas" in its index. */
  function allWords(pf, list, rootSet, options) {
    var runs = list.map(function (words) { return pf.search(rooted(words, rootSet).join(" "), options); });
    var glossary = null, module = null;
    var unfiltered = !Object.keys(options.filters || {}).length;
    if (list.length > 1 && unfiltered) {
      // A glossary name or synonym: its definition comes first, then the pages using it.
      glossary = pf.search(list[0].join(" "), { filters: { jenis: "Glosarium" } });
    }
    if (list.module && unfiltered) {
      // ... and the module the glossary names for it comes with the definition:
      // "letter of credit" is what metode-pembayaran teaches, however many
      // profiles list L/C among their terms. Found by the query's own words
      // (or a synonym's) within that module: a search for no words with only a
      // filter makes Pagefind load every index chunk (8 MB at 20,000 profiles).
      var inModule = { filters: { modul: list.module } };
      module = Promise.all(list.map(function (words) { return pf.search(rooted(words, rootSet).join(" "), inModule); }))
        .then(function (found) { return found.filter(function (r) { return r.results.length; })[0] || { results: [] }; });
    }
    return Promise.all([Promise.all(runs), glossary, module]).then(function (both) {
      // The query as typed counts fully; its synonym variants add half of their
      // best score: "letter of credit" still favours pages that also say L/C,
      // while a page is not more relevant for naming UMKM, UKM and IKM at once.
      var byId = new Map(), synonymHits = new Map();
      addRun(byId, both[0][0], 1);
      both[0].slice(1).forEach(function (r) { addRun(synonymHits, r, SYNONYM_WEIGHT, true); });
      synonymHits.forEach(function (o, id) {
        var seen = byId.get(id);
        if (!seen) { byId.set(id, o); return; }
        seen.score += o.score;
        o.words.forEach(function (w) { if (seen.words.indexOf(w) < 0) seen.words.push(w); });
      });
      if (both[1]) {
        addRun(byId, both[1], 1);
        both[1].results.forEach(function (r) { byId.get(r.id).terms = 1; });
      }
      if (both[2]) {
        both[2].results.slice(0, 1).forEach(function (r) {
          if (!byId.has(r.id)) addRun(byId, { results: [r] }, 0);
          byId.get(r.id).terms = 1;
        });
      }
      return byId;
    });
  }

  /* Each word alone (as its root): hits per page, and whether the word is
   * really there. Pagefind also matches index words that merely begin the
   * query word (rendag finds "renda", incotems "in"), so a word counts as
   * found only when a matched word of a top result contains it or its root. */
  function bare(w) { return w.toLowerCase().replace(/[^a-z0-9]/g, ""); }
  function eachWord(pf, words, rootSet, options) {
    return Promise.all(words.map(function (w) {
      var r = /^[a-z]+$/.test(w) ? rootOf(w, rootSet) : w;
      return pf.search(r, options).then(function (res) {
        var byId = new Map();
        addRun(byId, res, 1);
        if (!/^[a-z]+$/.test(w) || !res.results.length) return { byId: byId, found: res.results.length > 0 };
        return Promise.all(ranked(byId).slice(0, 3).map(function (x) { return x.data(); })).then(function (data) {
          var needle = bare(w), root = bare(r);
          var found = data.some(function (d) {
            if (!d) return false;
            var ws = (d.content || "").split(/[\r\n\s]+/g);
            return (d.locations || []).some(function (l) {
              var m = bare(ws[l] || "");
              return m.indexOf(root) >= 0 || m.indexOf(needle) >= 0;
            });
          });
          return { byId: byId, found: found };
        });
      });
    }));
  }

  function runQuery(pf, words, rootSet, synonyms, options) {
    var list = variants(words, synonyms);
    return allWords(pf, list, rootSet, options).then(function (byId) {
      return allThere(ranked(byId).slice(0, 3), words, rootSet).then(function (there) {
        if (there && byId.size >= RELAX_BELOW) return { byId: byId, missing: [] };
        return relax(pf, words, rootSet, synonyms, options, byId);
      });
    });
  }

  /* Do the top results really contain every word (or its root), or did
   * Pagefind only match words that begin a query word? */
  function allThere(top, words, rootSet) {
    if (!top.length) return Promise.resolve(false);
    return Promise.all(top.map(function (x) { return x.data(); })).then(function (data) {
      var seen = [];
      data.forEach(function (d) {
        if (!d) return;
        var ws = (d.content || "").split(/[\r\n\s]+/g);
        (d.locations || []).forEach(function (l) { seen.push(bare(ws[l] || "")); });
      });
      return words.every(function (w) {
        if (!/^[a-z]+$/.test(w)) return true;
        var needle = bare(w), root = bare(rootOf(w, rootSet));
        return seen.some(function (m) { return m.indexOf(root) >= 0 || m.indexOf(needle) >= 0; });
      });
    });
  }

  function relax(pf, words, rootSet, synonyms, options, byId) {
    {
      return eachWord(pf, words, rootSet, options).then(function (perWord) {
        var missing = words.filter(function (w, i) { return !perWord[i].found && !synonyms.has(w); });
        if (words.length > 1) {
          var relaxed = new Map();
          perWord.forEach(function (m) {
            if (!m.found) return;  // a word found nowhere ranks nothing
            m.byId.forEach(function (r) {
              var seen = relaxed.get(r.id);
              if (seen) { seen.terms += 1; seen.score += r.score; seen.words = seen.words.concat(r.words); }
              else relaxed.set(r.id, { id: r.id, score: r.score, src: r.src, words: r.words.slice(), terms: 1 });
            });
          });
          byId.forEach(function (r) { r.terms += words.length + 1; });  // all words together first
          relaxed.forEach(function (r, id) { if (!byId.has(id)) byId.set(id, r); });
        }
        return { byId: byId, missing: missing };
      });
    }
  }

  function search(term, filters) {
    var options = { filters: filters || {} };
    if (english) {  // the English index, searched as typed
      return load().then(function (pf) { return pf.search(term || null, options); })
        .then(function (res) { res.corrected = null; return res; });
    }
    return Promise.all([load(), loadRoots(), loadSynonyms()]).then(function (all) {
      var pf = all[0], rootSet = all[1], synonyms = all[2];
      var words = understand(term || "", rootSet);
      if (!words.length) {
        return pf.search(null, options).then(function (res) { res.corrected = null; return res; });
      }
      return Promise.all(words.map(function (w) { return correctedFirst(w, rootSet, synonyms); })).then(function (typed) {
        var early = typed.join(" ") !== words.join(" ") ? typed.join(" ") : null;
        return runQuery(pf, typed, rootSet, synonyms, options).then(function (first) {
          // A word Pagefind still finds nowhere (a root form with no page, say) is corrected now.
          if (!first.missing.length) return { found: first, correctedTo: early };
          return Promise.all(typed.map(function (w) { return first.missing.indexOf(w) >= 0 ? correct(w) : w; })).then(function (fixed) {
            if (fixed.join(" ") === typed.join(" ")) return { found: first, correctedTo: early };
            return runQuery(pf, fixed, rootSet, synonyms, options).then(function (second) {
              return { found: second, correctedTo: fixed.join(" ") };
            });
          });
        });
      }).then(function (outcome) {
        var results = ranked(outcome.found.byId);
        return { results: results, unfilteredResultCount: results.length, corrected: outcome.correctedTo };
      });
    });
  }

  function filterValues() {
    return load().then(function (pf) { return pf.filters(); });
  }

  /* Excerpts from the page's visible text only: the index holds the page's
   * Indonesian root forms after a marker word (portal_ekspor.search.indexer),
   * which help ranking but must never show. Pagefind's own excerpt may fall on
   * them, so the excerpt is cut here from the words before the marker, around
   * the first hit there, with hits marked. Built from text nodes only. */
  var ROOT_MARKER = "pe_akar";
  var EXCERPT_WORDS = 24;
  function visibleExcerpt(d) {
    var words = (d.content || "").split(/[\r\n\s]+/g);
    var end = words.indexOf(ROOT_MARKER);
    if (end < 0) end = words.length;
    var hits = (d.locations || []).filter(function (l) { return l < end; }).sort(function (a, b) { return a - b; });
    var start = hits.length ? Math.max(0, Math.min(hits[0] - 6, end - EXCERPT_WORDS)) : 0;
    var stop = Math.min(end, start + EXCERPT_WORDS);
    return { words: words.slice(start, stop), start: start, hits: new Set(hits), more: stop < end };
  }

  window.PortalCari = { load: load, search: search, filters: filterValues, base: base, visibleExcerpt: visibleExcerpt,
                        understand: understand, corrected: corrected, correct: correct,
                        vocabularyKeys: function (w) { return { one: oneEditKeys(w), two: twoEditKeys(w) }; } };

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

  function excerpt(el, d) {
    var ex = visibleExcerpt(d);
    if (ex.start > 0) el.appendChild(document.createTextNode("\u2026 "));
    ex.words.forEach(function (w, i) {
      if (i > 0) el.appendChild(document.createTextNode(" "));
      if (ex.hits.has(ex.start + i)) { var m = document.createElement("mark"); m.textContent = w; el.appendChild(m); }
      else el.appendChild(document.createTextNode(w));
    });
    if (ex.more) el.appendChild(document.createTextNode(" \u2026"));
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
      excerpt(p, d);
      art.appendChild(h);
      art.appendChild(p);
      a.appendChild(art);
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  /* data-pe-query on the status names the query whose outcome it shows, and
   * is absent while a search runs: what waits for a result (tests, assistive
   * scripts) can tell a finished search from an earlier one's leftovers. */
  function run() {
    var term = input.value.trim();
    var mine = ++serial;
    status.removeAttribute("data-pe-query");
    if (!term) { list.textContent = ""; status.textContent = T.typing; return; }
    status.textContent = T.searching;
    var filters = kind ? { jenis: kind } : {};
    search(term, filters).then(function (res) {
      if (mine !== serial) return null;
      correctedTo = res.corrected || null;
      return Promise.all(res.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (data) {
        if (mine !== serial) return;
        render(data.filter(Boolean), res.results.length);
        status.setAttribute("data-pe-query", term);
      });
    }).catch(function () {
      if (mine !== serial) return;
      status.textContent = T.offline;
      status.setAttribute("data-pe-query", term);
    });
  }

  var timer = null;
  input.addEventListener("focus", function () { load(); if (!english) { loadRoots(); loadSynonyms(); } });
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
