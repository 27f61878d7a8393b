"""Adapter between MkDocs events and the portal_ekspor core.

Kept thin on purpose: it loads and validates data, hands generated pages to
MkDocs, and escapes page metadata for Material's templates (which run with
autoescape off). All decisions live in the core package.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from portal_ekspor.cache import BuildCache, digest, library_versions
from portal_ekspor.finish import DOCUMENTS, finish, handoff_folder, write_index_settings, write_offline_urls
from portal_ekspor.glossary_links import GlossaryLinker
from portal_ekspor.offline import curriculum_urls, plan as offline_plan, write_service_worker
from portal_ekspor.open_data import open_data_files
from portal_ekspor.repository import load_portal
from portal_ekspor.parallel import in_slices
from portal_ekspor.photos import PhotoError, published_photo
from portal_ekspor.published import PreviousSite, write_page_keys
from portal_ekspor.settings import SettingsError, settings_from_extra
from portal_ekspor.search.corpus import corpus_roots
from portal_ekspor.search.background import BackgroundIndex
from portal_ekspor.search.indexer import Documents, IndexError_, build_index, write_query_files
from portal_ekspor.search.records import is_searchable, search_record
from portal_ekspor.site.head import head_html
from portal_ekspor.site.learning import module_tools_html, share_html
from portal_ekspor.site.modules import course_json_ld, module_info_html
from portal_ekspor.site import frame as frames
from portal_ekspor.site import flags
from portal_ekspor.site.scrolling import focusable_code, scrollable_tables
from portal_ekspor.site.serve_error import error_page_html
from portal_ekspor.site.placeholders import fill_placeholders
from portal_ekspor.site.tasklist import label_task_items
from portal_ekspor.site.languages import ENGLISH_HOME, english_frame, switch_links
from portal_ekspor.site.sitemap import add_alternates_to_sitemap, add_to_sitemap
from portal_ekspor.site.navigation import navigation, top_links
from portal_ekspor.workbooks import workbook_files
from portal_ekspor.site.offline_page import offline_urls
from portal_ekspor.site.output import PageWriter, link_folder
from portal_ekspor.site.pages import build_site_content
from portal_ekspor.site.render import rel
from portal_ekspor.site.saved_profile import profile_update

_ID = re.compile(r'\sid="([^"]+)"')

_FRAMING_CODE = digest(*(p.read_bytes() for p in sorted(Path(__file__).resolve().parent.glob("*.py"))),
                       *library_versions(("mkdocs", "properdocs", "mkdocs-material")))
"""The hooks' own code and the builder's and theme's versions: with the page's key (the
core's code, the data) and the theme's settings, everything a framed page is made of, so a
page linked from the published site (published.py) is the page this build would write."""


SERVING = False
"""Set by hooks/portal.py when MkDocs runs `serve`: invalid data then shows an error page."""


class _State:
    error: str | None = None  # the problem report while serving invalid data
    records: dict = {}
    portal = None
    content = None
    generated: dict = {}
    modules: dict = {}
    linker = None
    roots: dict = {}
    word_counts: dict = {}
    fast: dict = {}  # src_uri -> GeneratedPage written in the slim frame, not by MkDocs
    theme = None  # frames.Theme
    chromes: dict = {}  # language -> frames.Chrome, the shared header script of framed pages
    settings = None  # PortalSettings from mkdocs.yml extra.portal
    command = "build"  # "serve" under mkdocs serve (set by hooks/portal.py)
    cache = None  # BuildCache; kept between rebuilds of one `mkdocs serve`
    writer = None  # PageWriter of the framed pages
    preview = None  # the serve-only folder that outlives MkDocs' clean rebuilds
    external: set = set()  # files MkDocs copied into the preview folders last build
    external_now: set = set()  # ... and this build
    search = None  # background search indexing of the preview
    documents = None  # Documents: search records streamed to disk (`mkdocs build`)
    work = None  # folder of the handoff to finish() (see portal_ekspor/finish.py)
    work_owned = None  # TemporaryDirectory when no `portal build` gave one
    config = None  # the MkDocs config of the last build (site name and address for the quick path)
    build_number = 0  # counts builds, so a build started before a quick write does not undo it
    quick: dict = {}  # page path -> build_number when the preview's quick path last wrote or removed it


state = _State()


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    state.build_number += 1
    try:
        settings = settings_from_extra(config.extra)
    except SettingsError as exc:
        raise Abort(str(exc)) from None
    state.settings = settings
    folder = (root / settings.folder_cache) if settings.cache else None
    if state.cache is None or state.cache.folder_root != folder:
        state.cache = BuildCache(folder, memory=state.command == "serve")
    state.cache.begin()
    portal, problems = load_portal(root, cache=state.cache)
    state.error = None
    if problems and SERVING:
        # Preview only: every page becomes the problem list (see site/serve_error.py).
        state.error = problems.report()
        print("Data portal tidak valid; pratinjau menampilkan daftar masalah.\n" + state.error, file=sys.stderr)
        config.nav = []
        return config
    if problems:
        raise Abort("Data portal tidak valid; situs tidak dibangun.\n" + problems.report())
    state.portal = portal
    state.content = build_site_content(portal, state.cache, english=settings.halaman_inggris)
    state.records = {}  # url -> search record, filled as pages are rendered
    state.generated = {page.src_uri: page for page in state.content.pages}
    # halaman_ringkas: false renders every page through MkDocs (slower; used to
    # compare with Material's own search, which indexes only MkDocs' pages).
    # English pages are always framed: MkDocs' theme is Indonesian.
    state.fast = {p.src_uri: p for p in state.content.pages
                  if (settings.halaman_ringkas or p.lang != "id") and frames.is_framed(p)}
    state.modules = {m.docs_path: m for m in portal.modules}
    state.linker = GlossaryLinker(portal.glossary)
    if state.command != "serve" or not state.fast:
        state.roots, state.word_counts = _roots(portal, state.content.profiles, settings)
        _start_documents()
    # Under `mkdocs serve` the roots are chosen by the background indexer
    # together with the search index (search lags a moment; the preview says so).
    config.nav = navigation(portal)
    state.theme = _theme(config)
    state.config = config
    english = english_frame(ENGLISH_HOME)
    state.chromes = {"id": frames.chrome_script(state.theme, "id"),
                     "en": frames.chrome_script(state.theme, "en", english["labels"], english["nav"])}
    return config


def _start_documents() -> None:
    """Search records go to a documents file as pages are made, not into memory."""
    state.work = handoff_folder()
    if state.work is None:
        state.work_owned = tempfile.TemporaryDirectory(prefix="pe-cari-")
        state.work = Path(state.work_owned.name)
    state.work.mkdir(parents=True, exist_ok=True)
    state.documents = Documents(state.work / DOCUMENTS, state.roots)


def _roots(portal, profiles, settings):
    roots, counts = corpus_roots(portal, profiles)
    if not settings.akar_pencarian:  # Pagefind's Snowball alone, for comparison
        roots = {w: w for w in roots}
    return roots, counts


def _theme_file(config, pattern: str) -> str:
    """Site path of one of Material's fingerprinted assets, e.g. assets/stylesheets/main.*.min.css."""
    for folder in config.theme.dirs:
        found = sorted(Path(folder).glob(pattern))
        if len(found) == 1:
            return found[0].relative_to(folder).as_posix()
    raise Abort(f"Berkas tema `{pattern}` tidak ditemukan tepat satu kali; periksa versi Material for MkDocs.")


def _icon_svg(config, name: str) -> str:
    for folder in config.theme.dirs:
        path = Path(folder) / ".icons" / f"{name}.svg"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise Abort(f"Ikon tema `{name}` tidak ditemukan.")


def _theme(config) -> frames.Theme:
    """What the slim frame needs from mkdocs.yml and Material, gathered once per build."""
    theme = config.theme
    palette = theme.get("palette") or []
    if isinstance(palette, dict):
        palette = [palette]
    options = tuple(frames.PaletteOption(
        media=o.get("media", ""), scheme=o.get("scheme") or "default", primary=o.get("primary") or "indigo",
        accent=o.get("accent") or "indigo", toggle_icon=(o.get("toggle") or {}).get("icon"),
        toggle_name=(o.get("toggle") or {}).get("name")) for o in palette)
    logo = (theme.get("icon") or {}).get("logo") or "material/library"
    names = set(frames.frame_icons(logo)) | {o.toggle_icon for o in options if o.toggle_icon}
    styles = [_theme_file(config, "assets/stylesheets/main.*.min.css")]
    if options:
        styles.append(_theme_file(config, "assets/stylesheets/palette.*.min.css"))
    scripts = [frames.Script(_theme_file(config, "assets/javascripts/bundle.*.min.js"))]
    for script in config.extra_javascript:
        scripts.append(frames.Script(str(script), getattr(script, "type", None) or None,
                                     bool(getattr(script, "defer", False)), bool(getattr(script, "async_", False))))
    return frames.Theme(
        site_name=config.site_name, site_url=config.site_url or None, language=theme.get("language") or "en",
        copyright=config.copyright, favicon=theme.get("favicon") or "assets/images/favicon.png",
        stylesheets=tuple(styles + [str(css) for css in config.extra_css]), scripts=tuple(scripts),
        search_worker=_theme_file(config, "assets/javascripts/workers/search.*.min.js"),
        features=tuple(theme.get("features") or ()), palette=options, logo_icon=logo,
        nav=tuple(frames.NavLink(title, url) for title, url in top_links(config.nav)),
        icons={name: _icon_svg(config, name) for name in sorted(names)},
    )


def on_files(files: Files, config):
    if state.error is not None:
        # MkDocs' clean leaves symbolic links in place: unlink the preview's, so
        # every URL shows the problem list, not the last good page.
        site_dir = Path(config.site_dir)
        for entry in site_dir.iterdir() if site_dir.is_dir() else ():
            if entry.is_symlink():
                entry.unlink()
        return Files([f for f in files if not f.is_documentation_page()])
    for src_uri in state.generated:
        if files.get_file_from_path(src_uri) is not None:
            raise Abort(f"docs/{src_uri}: halaman ini dibuat otomatis dari data; hapus file docs/{src_uri}.")
        if src_uri not in state.fast:
            files.append(File.generated(config, src_uri, content=""))
    if state.fast:
        files.append(File.generated(config, frames.SPRITE, content=frames.sprite(state.theme.icons)))
        for chrome in state.chromes.values():
            files.append(File.generated(config, chrome.path, content=chrome.text))
    site_dir = Path(config.site_dir)
    if state.command == "serve" and state.fast:
        # MkDocs has just emptied site_dir; the framed pages stay in the
        # preview folder, so a save rewrites only the pages it changed.
        if state.preview is None:
            state.preview = state.portal.root / state.settings.folder_cache / "pratinjau"
            shutil.rmtree(state.preview, ignore_errors=True)
            state.writer = PageWriter(state.preview)
        for folder in _framed_folders():
            link_folder(site_dir, folder, state.preview / folder)
        if state.search is not None and state.search.current is not None:
            link_folder(site_dir, "cari", state.search.current)
    elif state.writer is None or state.writer.root != site_dir:
        # `portal build`: pages unchanged since the published site are linked from it.
        state.writer = PageWriter(site_dir, PreviousSite.from_environment() if handoff_folder() else None)
    photos = state.portal.root / "data" / "alumni"
    photo_cache = state.portal.root / state.settings.folder_cache / "foto" if state.settings.cache else None
    for profile in state.content.profiles:  # only consented profiles: an unconsented photo is never read
        if profile.photo:
            try:
                photo = published_photo(photos / profile.photo, photo_cache)
            except PhotoError as exc:
                raise Abort(f"data/alumni/{profile.photo}: {exc}") from None
            files.append(File.generated(config, f"alumni/{profile.photo}", content=photo))
    for name, path in flags.published_files(state.content.profiles).items():
        files.append(File.generated(config, name, abs_src_path=str(path)))
    files.append(File.generated(config, flags.STYLESHEET, content=flags.stylesheet(state.content.profiles)))
    for name, text in open_data_files(state.content.profiles, config.site_url or "").items():
        files.append(File.generated(config, name, content=text))
    for name, data in workbook_files().items():
        files.append(File.generated(config, name, content=data))
    folders = tuple(f + "/" for f in _framed_folders())
    state.external_now = {f.dest_uri for f in files if f.dest_uri.startswith(folders)}
    return files


def _framed_folders() -> list[str]:
    """Top-level folders holding framed pages (alumni/, en/): linked from the preview."""
    return sorted({p.url.split("/", 1)[0] for p in state.fast.values() if p.url.strip("/")})


def _render_generated(page, html):
    def render(config, files):
        page.content = html
        page.toc = get_toc([])
        page.present_anchor_ids = set(_ID.findall(html))
    return render


def on_pre_page(page, config, files):
    generated = state.generated.get(page.file.src_uri)
    if generated is not None:
        # Generated pages are complete HTML; skipping the Markdown pipeline keeps
        # 20,000 profiles cheap and keeps data out of Markdown's reach.
        page.render = _render_generated(page, generated.searchable_html())
    return page


def _site_url(config, url: str) -> str | None:
    return (config.site_url or "").rstrip("/") + "/" + url if config.site_url else None


def on_page_markdown(markdown, page, config, files):
    generated = state.generated.get(page.file.src_uri)
    if generated is not None:
        page.meta = {"title": generated.title, "description": generated.description}
        if frames.hides_contents(generated.kind):
            page.meta["hide"] = ["toc"]
        _head(page, config, generated.title, generated.description, generated.url,
              "profile" if generated.kind == "profile" else "website", generated.json_ld, generated.alternate,
              _flag_stylesheet(generated))
        return ""
    module = state.modules.get(page.file.src_uri)
    if module is not None:
        _head(page, config, module.meta.title, module.meta.description, page.url, "article",
              course_json_ld(module, config.site_name))
    else:
        _head(page, config, page.meta.get("title") or page.title or config.site_name,
              page.meta.get("description") or config.site_description or "", page.url, "website", None,
              ENGLISH_HOME if page.is_homepage and state.settings.halaman_inggris else None)
    _escape_meta(page)
    return markdown


def _head(page, config, title, description, url, og_type, json_ld, alternate=None, stylesheet=None):
    page.meta["portal_head"] = head_html(site_name=config.site_name, title=title, description=description,
                                         url=_site_url(config, url), og_type=og_type, json_ld=json_ld,
                                         alternate_url=_site_url(config, alternate) if alternate is not None else None,
                                         stylesheet=stylesheet)
    page.meta["portal_alternates"] = switch_links(url, "id", alternate) if state.settings.halaman_inggris else []


def _flag_stylesheet(page) -> str | None:
    """Link to the build's flag classes from a generated page that shows flags."""
    return rel(flags.STYLESHEET, page.url) if page.kind in flags.PAGE_KINDS else None


def _escape_meta(page):
    """Material prints meta title/description unescaped; escape them once here."""
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
            page.meta[key] = escape(page.meta[key])


def on_page_content(html, page, config, files):
    generated = state.generated.get(page.file.src_uri)
    if generated is not None:
        _escape_meta(page)
        _record(page.url, generated.title, generated.searchable_html())
        return html
    module = state.modules.get(page.file.src_uri)
    if module is not None:
        tools = module_tools_html(page.url, module.meta.title, _site_url(config, page.url))
        html = module_info_html(state.portal, module) + tools + state.linker.link(label_task_items(html), page.url)
        html = _searchable(html, "Modul")
    elif not page.is_homepage:
        html = _searchable(html, "Halaman")
    html, problems = fill_placeholders(html, state.portal, state.content, page.url)
    if problems:
        raise Abort(f"docs/{page.file.src_uri}: " + "; ".join(problems))
    html = focusable_code(scrollable_tables(html))
    _record(page.url, module.meta.title if module is not None else page.title, html)
    return html


def _record(url: str, title, html: str, language: str = "id", key: str = "") -> None:
    """The page's search record; a cached page's record comes from the cache."""
    if not key:
        if is_searchable(html):
            _keep(search_record(url, title or "", html, language))
        return
    entry = state.cache.get(key)
    if entry is None:
        entry = (search_record(url, title or "", html, language) if is_searchable(html) else None,)
        state.cache.put(key, entry)
    if entry[0] is not None:
        _keep(entry[0])


def _keep(record: dict) -> None:
    if state.documents is not None:
        state.documents.add(record)
    else:  # under serve the background indexer takes them all at once
        state.records[record["url"]] = record


def _searchable(html: str, kind: str) -> str:
    return (f'<div data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="jenis">{kind}</span></div>'
            f"{html}</div>")


def _share(config, page) -> str:
    return share_html(page.title, _site_url(config, page.url), page.lang) if page.kind == "profile" else ""


def _framed_html(config, page) -> str:
    head = head_html(site_name=config.site_name, title=page.title, description=page.description,
                     url=_site_url(config, page.url), og_type="profile" if page.kind == "profile" else "website",
                     json_ld=page.json_ld, lang=page.lang,
                     alternate_url=_site_url(config, page.alternate) if page.alternate is not None else None,
                     stylesheet=_flag_stylesheet(page))
    switch = switch_links(page.url, page.lang, page.alternate) if state.settings.halaman_inggris else []
    language = {"active": "alumni/"} if page.lang == "id" else english_frame(page.url)
    return frames.frame_page(state.theme, url=page.url, title=page.title, description=page.description,
                             head=head, body=page.html + _share(config, page), alternates=switch,
                             contents=not frames.hides_contents(page.kind), chrome=state.chromes[page.lang],
                             **language)


def _write_fast_pages(config) -> None:
    """Write the framed pages whose inputs changed (all of them into a fresh
    site); keep their search records for the index."""
    theme_key = digest(repr(state.theme), config.site_url or "", *(c.path for c in state.chromes.values()),
                       _FRAMING_CODE)
    writer = state.writer
    pages = list(state.fast.values())
    keep = {page.url + "index.html" for page in pages}
    done = None
    if state.command != "serve" and state.documents is not None:
        state.documents.flush()
        done = in_slices(len(pages), lambda start, stop: _frame_slice(config, pages[start:stop], theme_key))
    if done is None:
        _frame_pages(config, pages, theme_key)
    else:
        for written, part, words, count in done:  # in page order: the output never depends on the workers
            writer.written.update(written)
            state.documents.append(part, words, count)
            part.unlink()
    with writer.lock:
        writer.remove_except(keep | {rel for rel in list(state.quick) if _quick_since_build(rel)})
        if state.work is not None and handoff_folder() is not None:
            write_page_keys(state.work, {rel: key for rel, key in writer.written.items() if key})
    site_dir = Path(config.site_dir)
    add_to_sitemap(site_dir, [_site_url(config, p.url) or p.url for p in state.fast.values()])  # always: it also fixes the gzip stamp
    if config.site_url:
        twins = {_site_url(config, p.url): (p.lang, _site_url(config, p.alternate))
                 for p in state.content.pages if p.alternate is not None}
        if state.settings.halaman_inggris:
            twins[_site_url(config, "")] = ("id", _site_url(config, ENGLISH_HOME))
        add_alternates_to_sitemap(site_dir, twins)


def _frame_pages(config, pages, theme_key: str) -> None:
    writer = state.writer
    for page in pages:
        _record(page.url, page.title, page.searchable_html(), page.lang,
                state.cache.key("search", page.key) if page.key else "")
        rel = page.url + "index.html"
        key = digest(page.key, theme_key, page.alternate or "") if page.key else ""
        if writer.is_current(rel, key) or writer.reuse(rel, key):
            continue
        html = _framed_html(config, page)
        with writer.lock:
            if not _quick_since_build(rel):
                writer.write(rel, html, key)


_INHERITED: list = []


def _frame_slice(config, pages, theme_key: str):
    """In a worker forked from this process (portal_ekspor/parallel.py): frame and write
    a slice of the pages; their search documents go to a file of the slice's own."""
    _INHERITED.append(state.documents)  # the parent's, flushed: never closed (or flushed) here
    fd, name = tempfile.mkstemp(dir=state.work, prefix="cari-dokumen-bagian-")
    os.close(fd)
    state.documents = documents = Documents(Path(name), state.roots)
    state.writer.written = {}
    _frame_pages(config, pages, theme_key)
    documents.close()
    return state.writer.written, documents.path, documents.words, documents.count


def _quick_since_build(rel: str) -> bool:
    """Whether the preview's quick path wrote or removed ``rel`` while this build
    ran: its save is at least as new as what this build read, so the build leaves it."""
    return state.quick.get(rel, -1) >= state.build_number


def preview_update(path: Path) -> bool:
    """The staff preview's quick path (preview/session.py): write or remove the
    profile pages of one saved alumni file now; the next full build does the rest.
    False when the last build failed or the file needs the full build to judge."""
    config = state.config
    if state.error is not None or state.portal is None or state.writer is None or config is None:
        return False
    if not state.settings.halaman_ringkas:
        return False  # Indonesian profiles are MkDocs pages then: only a full build writes them
    update = profile_update(state.portal, Path(path), english=state.settings.halaman_inggris)
    if update is None:
        return False
    with state.writer.lock:
        for url in update.gone:
            state.writer.remove(url + "index.html")
            state.quick[url + "index.html"] = state.build_number
        for page in update.pages:  # a new profile joins listings and the sitemap with the full build
            state.writer.write(page.url + "index.html", _framed_html(config, page), "")
            state.quick[page.url + "index.html"] = state.build_number
    return True


def on_post_build(config):
    if state.error is not None:
        page = error_page_html(state.error)
        for name in ("index.html", "404.html"):
            (Path(config.site_dir) / name).write_text(page, encoding="utf-8")
        return
    _write_fast_pages(config)
    site_dir = Path(config.site_dir)
    modules, others = offline_urls(state.portal, state.content.pages)
    urls = curriculum_urls(modules, others)
    if state.command == "serve" and state.fast:
        _remove_stale_copies()
        if state.search is None:
            state.search = BackgroundIndex(state.preview)
        portal, content, settings, records = state.portal, state.content, state.settings, list(state.records.values())

        shard_cache = _shard_cache()

        def job(folder: Path) -> Path:
            roots, counts = _roots(portal, content.profiles, settings)
            words = build_index(folder, records, roots, folder, per_shard=settings.halaman_per_bagian_cari,
                                cache=shard_cache)
            write_query_files(folder, roots, words, portal.glossary)
            return folder / "cari"

        state.search.start(job, site_dir)
        # Last: the release version hashes every file written above.
        write_service_worker(site_dir, offline_plan(site_dir, urls))
        return
    documents, state.documents = state.documents, None
    documents.close()
    (site_dir / "cari").mkdir(parents=True, exist_ok=True)
    write_query_files(site_dir, state.roots, documents.words, state.portal.glossary)
    write_offline_urls(state.work, urls)
    write_index_settings(state.work, state.settings.halaman_per_bagian_cari, _shard_cache())
    if handoff_folder() is not None:
        return  # `portal build` indexes once this process has ended (portal_ekspor/finish.py)
    try:
        finish(site_dir, state.work)
    except IndexError_ as exc:
        raise Abort(str(exc)) from None
    finally:
        if state.work_owned is not None:
            state.work_owned.cleanup()
            state.work_owned = None


def _shard_cache() -> Path | None:
    """Where unchanged search shards are kept (portal_ekspor/search/shards.py): the build cache."""
    return state.cache.folder_root if state.cache is not None else None


def _remove_stale_copies() -> None:
    """Files MkDocs copied into the preview folders (photos, the directory's first
    page) that this build no longer has: a deleted photo must not stay served."""
    for rel in state.external - state.external_now:
        (state.preview / rel).unlink(missing_ok=True)
    state.external = state.external_now
