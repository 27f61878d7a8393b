/* The header and side menus of the slim frame (portal_ekspor/site/frame.py).
 *
 * Every generated page of one language shares them, so they live here, not in
 * 40,000 pages. The page loads this file in its head (render-blocking, like
 * the stylesheets) and calls __pe_rangka("header") and ("sidebars") where
 * Material's markup belongs; both run while the page is parsed, before the
 * first paint, so nothing moves or flashes. The colour scheme a reader chose
 * is restored right after the header, as Material's inline script does.
 *
 * CHROME (prepended at build time) holds the markup rendered from
 * frame_chrome.html and Material's configuration (__config); its links start with %R%, the way back to the site root,
 * read from this script's own src. The page's title, language switch and
 * active menu entry come from this script's data attributes and are set
 * through the DOM, never as markup.
 */
var __md_scope, __md_hash, __md_get, __md_set, __pe_rangka;
(function () {
  var me = document.currentScript;
  var root = me.getAttribute("src").replace(/assets\/javascripts\/[^\/]*$/, "") || "./";
  __md_scope = new URL(root, location);
  /* Material 9.8's own helpers, exactly as its base.html defines them inline. */
  __md_hash = e => [...e].reduce(((e, _) => (e << 5) - e + _.charCodeAt(0)), 0);
  __md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
  __md_set = (e, _, t = localStorage, a = __md_scope) => { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {} };
  var title = me.getAttribute("data-title") || "";
  var active = me.getAttribute("data-active");
  var alternates = (me.getAttribute("data-alt") || "").split(" ").filter(Boolean);
  var lang = document.documentElement.lang;

  function insert(markup) {
    var here = document.currentScript;
    here.insertAdjacentHTML("beforebegin", markup.split("%R%").join(root));
    return here.previousElementSibling;
  }

  function palette() {
    /* Material 9.8's inline palette script. */
    var palette = __md_get("__palette");
    if (palette && palette.color) {
      if ("(prefers-color-scheme)" === palette.color.media) {
        var media = matchMedia("(prefers-color-scheme: light)"),
          input = document.querySelector(media.matches ? "[data-md-color-media='(prefers-color-scheme: light)']" : "[data-md-color-media='(prefers-color-scheme: dark)']");
        palette.color.media = input.getAttribute("data-md-color-media");
        palette.color.scheme = input.getAttribute("data-md-color-scheme");
        palette.color.primary = input.getAttribute("data-md-color-primary");
        palette.color.accent = input.getAttribute("data-md-color-accent");
      }
      for (var key in palette.color) document.body.setAttribute("data-md-color-" + key, palette.color[key]);
    }
  }

  function header() {
    var node = insert(CHROME.header);
    node.querySelector("[data-md-component=header-topic] .md-ellipsis").textContent = title;
    var list = node.querySelector(".md-select__list");
    if (!alternates.length) {
      list.closest(".md-header__option").remove();
    }
    for (var i = 0; i + 1 < alternates.length; i += 2) {
      var item = document.createElement("li"), link = document.createElement("a");
      item.className = "md-select__item";
      link.className = "md-select__link";
      link.setAttribute("href", alternates[i + 1]);
      link.hreflang = link.lang = alternates[i];
      link.textContent = CHROME.languages[alternates[i]] || alternates[i];
      if (alternates[i] === lang) link.setAttribute("aria-current", "true");
      item.appendChild(link);
      list.appendChild(item);
    }
    palette();
    /* Material's configuration, which its script and ours read by id. */
    var config = CHROME.config, element = document.createElement("script");
    config.base = root.replace(/\/$/, "") || ".";
    if (config.search) config.search = root + config.search;
    element.id = "__config";
    element.type = "application/json";
    element.textContent = JSON.stringify(config);
    document.body.appendChild(element);
  }

  function sidebars() {
    var node = insert(CHROME.sidebars);  /* the table-of-contents column, the last one */
    if (me.hasAttribute("data-toc")) node.hidden = true;  /* as Material's hide: [toc] */
    if (CHROME.top) node.closest(".md-main").insertAdjacentHTML("beforeend", CHROME.top.split("%R%").join(root));
    if (active === null) return;
    var links = node.parentNode.querySelectorAll(".md-nav--primary .md-nav__link");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === root + active) {
        links[i].classList.add("md-nav__link--active");
        links[i].parentNode.classList.add("md-nav__item--active");
      }
    }
  }

  __pe_rangka = function (part) {
    if (part === "header") header();
    else if (part === "sidebars") sidebars();
  };
})();
