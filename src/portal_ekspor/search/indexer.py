"""Build the Pagefind index from search records, in a process of its own.

Pagefind splits its index into chunks fetched on demand, so a reader's
phone downloads a few dozen KB per query instead of one index that grows with
every alumni profile. The binary ships inside the `pagefind_bin` wheel:
nothing is downloaded at build time.

The build hands over *records* (see ``records.search_record``): one JSON line
per searchable page, written to a single file. ``python -m
portal_ekspor.search.indexer`` then feeds them to Pagefind through its Python
API, so MkDocs never writes thousands of temporary pages for Pagefind to read
back, and the indexing runs outside MkDocs' process.

Indonesian root forms help ranking without ever showing on a page: they are
indexed after the page's visible text, behind a marker word (``pe_akar``),
repeated by how often the page uses them so a module that says "kemasan"
thirty times outranks a profile that says it once. They are never written into
the published page; the search box builds its excerpts from the text before
the marker only (docs/assets/javascripts/cari.js). A Pagefind metadata field
would hide them too, but metadata matches carry no term frequency: measured,
modules then lost their topic queries to short profiles.

The roots of the *title* do go into a metadata field (``akar_judul``): the
search box rewrites "pengemasan" to "kemas", which no title spells, so
Pagefind's title boost (``ranking.metaWeights``) would never reach the module
"Kemasan dan Label Ekspor"; the field gives it that boost back, with the same
weight as the title (docs/assets/javascripts/cari.js). A page is what its
title says it is about: with thousands of short profiles that mention
"kemasan" in passing, the module titled for it stays first.
"""

from __future__ import annotations

import asyncio
import gzip
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import shards
from .stemmer import root_terms, shared_roots, words
from .vocabulary import write_vocabulary

OUTPUT_SUBDIR = "cari"
ROOT_MARKER = "pe_akar"
ROOT_REPEAT_CAP = 10
TITLE_ROOTS_META = "akar_judul"
MODULE_FILTER = "modul"

_BODY = re.compile(r"<[^>]*\bdata-pagefind-body\b[^>]*>")
_TAGS = re.compile(r"<[^>]+>")
_IGNORED = re.compile(r"<div hidden data-pagefind-ignore>.*?</div>", re.S)
_MODULE_URL = re.compile(r"/?modul/[a-z0-9-]+/([a-z0-9-]+)/")


class IndexError_(RuntimeError):
    pass


def visible_text(body_html: str) -> str:
    """The text Pagefind indexes as content: tags and search-only fields removed."""
    return html.unescape(_TAGS.sub(" ", _IGNORED.sub(" ", body_html)))


def page_roots(body_html: str, roots: dict[str, str], cap: int = ROOT_REPEAT_CAP) -> list[str]:
    """Roots of the page's visible words that differ from the words, each repeated
    as often as its words occur (up to ``cap``), in a fixed order."""
    return root_terms(visible_text(body_html), roots, cap=cap)


def document(record: dict, roots: dict[str, str]) -> str:
    """The HTML handed to Pagefind for one record: its search body with its roots
    indexed after the visible text, its language and its title."""
    body = record["html"].rstrip()
    # Indonesian root forms help Indonesian queries only; Pagefind keeps one index
    # per language, and English pages (buyers' pages) search the English one.
    indonesian = (record.get("language") or "id") == "id"
    terms = page_roots(body, roots) if indonesian else []
    title_roots = list(dict.fromkeys(root_terms(record["title"], roots))) if indonesian else []
    close = body.rfind("</")
    if (terms or title_roots) and _BODY.search(body) and close > 0:
        block = f"<p>{ROOT_MARKER} {' '.join(terms)}</p>" if terms else ""
        if title_roots:
            block += (f'<div hidden data-pagefind-ignore><span data-pagefind-meta="{TITLE_ROOTS_META}">'
                      f'{" ".join(title_roots)}</span></div>')
        body = body[:close] + block + body[close:]
    module = _MODULE_URL.fullmatch(record["url"])
    close = body.rfind("</")
    if module and _BODY.search(body) and close > 0:
        # Which module this is, as a filter: a query naming a glossary term finds
        # the module the glossary points to (sinonim.json) without loading fragments.
        body = (body[:close] + f'<div hidden data-pagefind-ignore><span data-pagefind-filter="{MODULE_FILTER}">'
                f'{html.escape(module.group(1))}</span></div>' + body[close:])
    language = html.escape(record.get("language") or "id", quote=True)
    return (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
            f'<title>{html.escape(record["title"])}</title></head><body>{body}</body></html>')


class Documents:
    """Search documents streamed to a file as the build makes its pages.

    One JSON line per record (url, language, HTML for Pagefind), in the order
    the pages come; the indexer sorts them by URL, so the input Pagefind sees
    never varies. The build keeps only the word counts for the typo list, not
    the records: at 20,000 alumni they would be hundreds of MB held until the
    end of MkDocs' build.
    """

    def __init__(self, path: Path, roots: dict[str, str]):
        self.path = path
        self.roots = roots
        self.words: Counter[str] = Counter()
        self.count = 0
        self._out = path.open("w", encoding="utf-8")

    def add(self, record: dict) -> None:
        line = {"url": record["url"], "language": record.get("language") or "id", "html": document(record, self.roots)}
        self._out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count_words(record, self.words)
        self.count += 1

    def append(self, part: Path, words: Counter[str], count: int) -> None:
        """Documents another process streamed to ``part`` (a slice of the pages, see
        portal_ekspor/parallel.py), with that process's word counts."""
        with part.open(encoding="utf-8") as lines:
            shutil.copyfileobj(lines, self._out)
        self.words.update(words)
        self.count += count

    def flush(self) -> None:
        """Before a fork: a child must not inherit unwritten lines it could write again."""
        self._out.flush()

    def close(self) -> None:
        self._out.close()

    def __enter__(self) -> "Documents":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_documents(path: Path, records: Iterable[dict], roots: dict[str, str]) -> Counter[str]:
    """All ``records`` into a documents file; returns the word counts for the typo list."""
    with Documents(path, roots) as documents:
        for record in records:
            documents.add(record)
    return documents.words


def _sorted_lines(documents: Path) -> dict[str, list[tuple[str, int]]]:
    """(URL, byte offset) of the documents file's lines per language, sorted by URL
    (the last line of a URL wins), read without holding the documents in memory."""
    by_url: dict[str, tuple[str, int]] = {}
    with documents.open("rb") as lines:
        offset = 0
        for line in lines:
            if line.strip():
                head = json.loads(line)
                by_url[head["url"]] = (head.get("language") or "id", offset)
            offset += len(line)
    out: dict[str, list[tuple[str, int]]] = {}
    for url in sorted(by_url):
        language, offset = by_url[url]
        out.setdefault(language, []).append((url, offset))
    return out


def _read(documents: Path, offsets: list[int]) -> Iterator[dict]:
    with documents.open("rb") as lines:
        for offset in offsets:
            lines.seek(offset)
            yield json.loads(lines.readline())


class _AsyncioWithoutPollDelay:
    """``asyncio`` as Pagefind's service client sees it, minus the poll delay.

    pagefind 1.5.2's ``PagefindService._wait_for_responses`` sleeps 0.1 s before
    reading each response, and every record is one request/response: 100 ms a
    record, so 20,000 profiles and their English twins would take over an hour
    of idle waiting. Reading the next response already waits for data, so the
    delay only throttles; this indexer runs in a process of its own, which is
    the only place the shim is installed.
    """

    @staticmethod
    async def sleep(delay: float, result=None):
        return await asyncio.sleep(0, result)

    def __getattr__(self, name: str):
        return getattr(asyncio, name)


def _without_poll_delay() -> None:
    import pagefind.service as service

    service.asyncio = _AsyncioWithoutPollDelay()  # type: ignore[assignment]


# Files Pagefind writes whose bytes depend only on its version and the page
# languages: its scripts, styles and the per-language WebAssembly.
_VERSION_ASSET = re.compile(r"^(pagefind[\w.-]*\.(?:js|css)|wasm\.[\w-]+\.pagefind)$")
# Files whose bytes depend on the pages: gzip streams that open with this marker.
_INDEX_FILE = re.compile(r"\.pf_(?:meta|index|fragment|filter)$")
_GZIP_MARKER = b"pagefind_dcd"
SETTLE_SECONDS = 600.0


def unfinished_files(output: Path, known_good: set[Path] | None = None) -> list[Path]:
    """Index files not yet whole on disk: a gzip stream that does not decompress
    to its end, or an entry file that does not parse.

    pagefind 1.5.2 answers ``WriteFiles`` once every write is *queued*: its
    tokio ``File::write_all`` leaves the last buffer to a background thread and
    never flushes, so ending the service at that moment (which its client does
    at once) cuts files short under load. Seen in CI: the Indonesian
    WebAssembly and ``pagefind-component-ui.js`` cut at 128 KiB. Files found
    whole are added to ``known_good`` so a wait reads each file once.
    """
    good = known_good if known_good is not None else set()
    waiting = []
    for path in sorted(output.rglob("*")):
        if path in good or not path.is_file():
            continue
        if _INDEX_FILE.search(path.name):
            try:
                whole = gzip.decompress(path.read_bytes()).startswith(_GZIP_MARKER)
            except (OSError, EOFError, zlib.error):
                whole = False
        elif path.name == "pagefind-entry.json":
            try:
                whole = isinstance(json.loads(path.read_bytes()), dict)
            except ValueError:
                whole = False
        else:
            continue
        if whole:
            good.add(path)
        else:
            waiting.append(path)
    return waiting


async def _wait_until_written(output: Path, seconds: float = SETTLE_SECONDS) -> None:
    """Keep the service alive until every index file is whole on disk."""
    good: set[Path] = set()
    deadline = time.monotonic() + seconds
    while waiting := unfinished_files(output, good):
        if time.monotonic() > deadline:
            names = ", ".join(p.relative_to(output).as_posix() for p in waiting[:5])
            raise IndexError_(f"Pagefind tidak selesai menulis {len(waiting)} file indeks dalam "
                              f"{seconds:.0f} detik: {names}")
        await asyncio.sleep(0.05)


async def _version_assets(service, languages: list[str]) -> dict[str, bytes]:
    """The scripts, styles and WebAssembly this Pagefind version writes, taken
    from a two-line index in memory (a few hundred KB through the pipe)."""
    from pagefind.index import IndexConfig

    reference = await service.create_index(IndexConfig())
    for number, language in enumerate(languages):
        lang = html.escape(language, quote=True)
        await reference.add_html_file(content=f'<html lang="{lang}"><body><p>x</p></body></html>',
                                      url=f"/{number}/")
    files = await reference.get_files()
    await reference.delete_index()
    return {f["path"]: f["content"] for f in files if _VERSION_ASSET.match(f["path"])}


def restore_version_assets(output: Path, assets: dict[str, bytes], *, missing_ok: bool = False) -> list[str]:
    """Rewrite every version asset whose bytes differ from Pagefind's own;
    returns the names rewritten (empty when the service wrote them whole).
    With ``missing_ok`` a missing one is written without a word: a first shard
    from the build cache brings only its index files."""
    rewritten = []
    for name, content in sorted(assets.items()):
        path = output / name
        missing = not path.is_file()
        if missing or path.read_bytes() != content:
            path.write_bytes(content)
            if not (missing and missing_ok):
                rewritten.append(name)
    return rewritten


def _languages(output: Path) -> list[str]:
    return sorted(p.name.split(".")[1] for p in output.glob("wasm.*.pagefind"))


async def _index_language(service, documents: Path, offsets: list[int], output: Path) -> None:
    """Index one language's documents into its own bundle, and wait until it is whole on disk."""
    from pagefind.index import IndexConfig

    index = await service.create_index(IndexConfig(output_path=str(output)))
    for doc in _read(documents, offsets):
        await index.add_html_file(content=doc["html"], url="/" + doc["url"].lstrip("/"))
    await index.write_files()
    await _wait_until_written(output)
    await index.delete_index()  # Pagefind frees this language's pages before the next


ENTRY = "pagefind-entry.json"


def merge_bundles(parts: list[Path], output: Path, *, assets: bool = True) -> None:
    """Put Pagefind bundles of one language each into one bundle.

    Pagefind keeps a separate index per language anyway (its own metadata,
    filters and chunks, named by their hashes); the bundles differ only in the
    entry file, whose language lists are joined here. Without ``assets`` only
    the index files are kept (a merged shard uses the first bundle's scripts).
    """
    entry: dict | None = None
    for part in parts:
        for path in sorted(part.rglob("*")):
            if path.is_dir():
                continue
            rel = path.relative_to(part)
            if rel.as_posix() == ENTRY:
                data = json.loads(path.read_text(encoding="utf-8"))
                if entry is None:
                    entry = data
                else:
                    entry["languages"].update(data["languages"])
                continue
            target = output / rel
            if target.exists() or not (assets or shards.is_index_file(rel.as_posix())):
                continue  # Pagefind's version assets (restored after the merge if cut) or the same hash-named file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), target)
    if entry is not None:
        output.mkdir(parents=True, exist_ok=True)
        entry["languages"] = dict(sorted(entry["languages"].items()))
        (output / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


class _PageBudget:
    """Pagefind runs at once (the machine's two cores), as long as the pages they
    hold together stay within the budget: each run holds all its pages while it
    writes (~140 KB a page measured), so the budget, one full shard, bounds the
    indexer's memory however the shards fall. Small portals index both languages
    at once; at 20,000 alumni the shards run one after the other."""

    def __init__(self, pages: int, runs: int = 2):
        self.pages, self.runs = pages, runs
        self.held = self.running = 0
        self.changed = asyncio.Condition()

    async def hold(self, pages: int) -> None:
        async with self.changed:
            await self.changed.wait_for(lambda: self.running == 0 or (
                self.running < self.runs and self.held + pages <= self.pages))
            self.held += pages
            self.running += 1

    async def release(self, pages: int) -> None:
        async with self.changed:
            self.held -= pages
            self.running -= 1
            self.changed.notify_all()


async def _feed(documents: Path, output: Path, per_shard: int = shards.DEFAULT_PAGES_PER_SHARD,
                cache_folder: Path | None = None) -> list[str]:
    """Index a documents file into ``output``: each language in shards (shards.py),
    Pagefind runs side by side within a memory budget of ``per_shard`` pages,
    unchanged shards from the cache; returns the version assets that had to be restored."""
    from pagefind.service import PagefindService

    _without_poll_delay()
    planned = shards.plan(_sorted_lines(documents), per_shard)
    cache = shards.BundleCache(cache_folder) if cache_folder is not None else None
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=output.parent) as tmp:
        parts: dict[int, list[Path]] = {}
        jobs = []
        first_cached = False
        for language, groups in planned.items():
            for number, offsets in enumerate(groups):
                part = Path(tmp) / f"{language}-{number}"
                parts.setdefault(number, []).append(part)
                key = cache.key(language, documents, offsets) if cache is not None else None
                if cache is None or key is None or not cache.restore(key, part):
                    jobs.append((len(offsets), language, number, offsets, part, key))
                elif number == 0:
                    first_cached = True
        jobs.sort(key=lambda job: (-job[0], job[1], job[2]))  # largest first: the pair ends together
        budget = _PageBudget(per_shard)

        async def index(offsets: list[int], part: Path, key: str | None) -> None:
            await budget.hold(len(offsets))
            try:
                async with PagefindService() as service:
                    await _index_language(service, documents, offsets, part)
            finally:
                await budget.release(len(offsets))
            if cache is not None and key is not None:
                cache.store(key, part)

        await asyncio.gather(*(index(offsets, part, key) for _, _, _, offsets, part, key in jobs))
        for number, folders in sorted(parts.items()):
            merge_bundles(folders, output / shards.folder_name(number), assets=number == 0)
    shards.write_manifest(output, {language: len(groups) for language, groups in planned.items()})
    if cache is not None:
        cache.prune()
    async with PagefindService() as service:
        assets = await _version_assets(service, sorted(planned))
    # The services have ended: nothing of them still writes.
    return restore_version_assets(output, assets, missing_ok=first_cached)


def index_documents(documents: Path, output: Path, *, per_shard: int = shards.DEFAULT_PAGES_PER_SHARD,
                    cache: Path | None = None) -> None:
    """Run Pagefind on a documents file in a separate Python process (see shards.py
    for ``per_shard`` and the ``cache`` folder of unchanged shards)."""
    cmd = [sys.executable, "-m", "portal_ekspor.search.indexer", str(documents), str(output),
           "--per-bagian", str(per_shard)]
    if cache is not None:
        cmd += ["--cache", str(cache)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise IndexError_(f"Pagefind gagal membuat indeks pencarian:\n{done.stdout}{done.stderr}")
    if done.stderr.strip():
        sys.stderr.write(done.stderr)


def build_index(site_dir: Path, records: Iterable[dict], roots: dict[str, str], work_dir: Path, *,
                per_shard: int = shards.DEFAULT_PAGES_PER_SHARD, cache: Path | None = None) -> Counter[str]:
    """Index ``records`` into ``site_dir/cari`` (the documents file goes to ``work_dir``);
    returns the word counts for the typo list."""
    documents = work_dir / "cari-dokumen.jsonl"
    counts = write_documents(documents, records, roots)
    try:
        index_documents(documents, site_dir / OUTPUT_SUBDIR, per_shard=per_shard, cache=cache)
    finally:
        documents.unlink(missing_ok=True)
    return counts


_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.S)


def count_words(record: dict, counts: Counter[str]) -> None:
    """Add a record's words a typo may be corrected to: what readers see on the
    portal's Indonesian pages, never shell commands or file names from code blocks.
    Those are counted 0: a word the portal has, never corrected, never a correction."""
    if (record.get("language") or "id") != "id":
        return  # the English index has no correction
    counts.update(w for w in words(visible_text(_CODE.sub(" ", record["html"]))) if len(w) >= 4 and w.isalpha())
    for block in _CODE.finditer(record["html"]):
        for w in words(visible_text(block.group(0))):
            if len(w) >= 4 and w.isalpha():
                counts.setdefault(w, 0)


def normalise_phrase(text: str) -> str:
    """How the search box reads a phrase: lower case, T/T as tt, punctuation as spaces
    (the same rule as ``normalise`` in cari.js)."""
    text = re.sub(r"([a-z0-9])/([a-z0-9])", r"\1\2", text.lower())
    return " ".join(re.sub(r"[^a-z0-9\-]+", " ", text).split())


def synonym_groups(glossary) -> list[dict]:
    """Each glossary term with its expansion and synonyms, as the search box reads
    them, and the module the glossary says explains it (its slug, or None)."""
    groups = []
    for term in sorted(glossary, key=lambda t: t.term.casefold()):
        names = [term.term, *(term.aliases or [])]
        if term.expansion:
            names.append(term.expansion)
        group = list(dict.fromkeys(n for n in (normalise_phrase(x) for x in names) if n))
        if len(group) > 1 or term.module:
            groups.append({"nama": group, "modul": term.module or None})
    return groups


def write_query_files(site_dir: Path, roots: dict[str, str], counts: Counter[str], glossary=()) -> None:
    """Files the browser loads for Indonesian queries, only once a reader searches:

    akar.json: roots a query word may be rewritten to (loaded with the first query);
    sinonim.json: glossary terms with their synonyms and expansions, and the module
    explaining each (first query);
    kata/: visible words of the portal, split into small files by pieces of the
    word (portal_ekspor.search.vocabulary); a correction, needed only when a query
    word is found nowhere, loads the few that can hold its candidates.
    """
    folder = site_dir / OUTPUT_SUBDIR

    def dump(name: str, value) -> None:
        (folder / name).write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    dump("akar.json", shared_roots(roots))
    dump("sinonim.json", synonym_groups(glossary))
    write_vocabulary(folder, counts)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m portal_ekspor.search.indexer")
    parser.add_argument("dokumen", type=Path, help="file dokumen pencarian (.jsonl)")
    parser.add_argument("keluaran", type=Path, help="folder indeks (cari/)")
    parser.add_argument("--per-bagian", type=int, default=shards.DEFAULT_PAGES_PER_SHARD,
                        help="halaman paling banyak per bagian indeks")
    parser.add_argument("--cache", type=Path, default=None, help="folder cache build (bagian yang tidak berubah)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        restored = asyncio.run(_feed(args.dokumen, args.keluaran.resolve(), args.per_bagian, args.cache))
    except IndexError_ as problem:
        print(problem, file=sys.stderr)
        return 1
    for name in restored:
        print(f"Berkas Pagefind {OUTPUT_SUBDIR}/{name} tertulis tidak utuh; ditulis ulang dari Pagefind sendiri.",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
