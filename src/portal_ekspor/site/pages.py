"""Pages declared by data (as Hugo content adapters do): path, title, HTML.

A :class:`GeneratedPage` is complete: its HTML is rendered here, escaped, so
the site builder only places it. Titles and descriptions are plain text; the
adapter escapes them once for the theme.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..formatting import date as fmt_date
from ..formatting import joined, number, outcome_value
from ..cache import BuildCache, digest
from ..privacy import PublicProfile, public_profiles, to_public
from ..repository import Portal
from ..text import slugify
from . import statistics
from .directory import INDONESIAN
from .render import render
from .trade_terms import trade_terms
from .views import FACETS, build_listings

PAGE_SIZE = 24
"""Alumni on a listing page (the rest are one link away, in the filtered directory)."""
DIRECTORY_PAGE_SIZE = 48
"""Alumni on a page of the directory's paginated list (alumni/daftar/N, en/exporters/page/N).
Each page repeats the frame and the filter form (~13 KB); at 24 a page, 20,000
alumni made 1,500 such pages in two languages. 48 cards are ~25 KB, ~6 KB gzipped."""

@dataclass
class GeneratedPage:
    src_uri: str  # e.g. "alumni/rendang-uni-sari.md"
    url: str  # e.g. "alumni/rendang-uni-sari/"
    title: str
    description: str
    html_utf8: bytes
    """The page's HTML as UTF-8: one em dash makes Python keep a str at two bytes
    a character, and a build holds every page (40,000 at 20,000 alumni)."""
    kind: str  # profile, directory, listing, statistics, glossary, program
    json_ld: dict[str, Any] | None = None
    search: dict[str, Any] = field(default_factory=dict)
    search_html: str = ""
    """Hidden filters and result fields for the search index only; placed
    inside the page's search body when it is indexed, not in the page."""
    key: str = ""
    """Cache key of everything this page is made of ("" when not cached)."""
    lang: str = "id"
    alternate: str | None = None
    """URL of the same page in the other language (Indonesian <-> English), if it has one."""

    @property
    def html(self) -> str:
        return self.html_utf8.decode("utf-8")

    def searchable_html(self) -> str:
        """The HTML the search indexer reads: the page with its search-only fields."""
        html = self.html
        if not self.search_html:
            return html
        marker = html.find("data-pagefind-body")
        cut = html.index(">", marker) + 1
        return html[:cut] + self.search_html + html[cut:]


def _page(src: str, page_title: str, description: str, kind: str, template: str, **ctx) -> GeneratedPage:
    url = src[:-3] + "/" if not src.endswith("index.md") else src[: -len("index.md")]
    html = render(template, base=url, **ctx)
    return GeneratedPage(src, url, page_title, description, html.encode("utf-8"), kind)


class PageMemo:
    """Rendered pages from a :class:`BuildCache`, keyed by what they are made of.

    A profile page is keyed by its profile's key (record bytes, program files,
    code); a listing page by its place, texts and the keys of the profiles on
    it. Everything else is rendered on every build.
    """

    def __init__(self, cache: BuildCache, profile_keys: dict[str, str]):
        self.cache = cache
        self.profile_keys = profile_keys

    def page(self, key: str, make):
        return self.pages([key], lambda _: make())[0]

    def pages(self, keys: list[str], make) -> list[GeneratedPage]:
        """The page of every key; ``make(i)`` renders a missing one (BuildCache.get_or_make)."""
        def keyed(i: int) -> GeneratedPage:
            page = make(i)
            page.key = keys[i]
            return page
        return self.cache.get_or_make(keys, keyed)

    def listing_key(self, *parts: str, chunk: list[PublicProfile]) -> str:
        return self.cache.key("listing", *parts, *(self.profile_keys[p.slug] for p in chunk))


def profile_pages(profiles: list[PublicProfile], memo: PageMemo | None = None) -> list[GeneratedPage]:
    if memo is None:
        return [_profile_page(p) for p in profiles]
    return memo.pages([memo.cache.key("page", memo.profile_keys[p.slug]) for p in profiles],
                      lambda i: _profile_page(profiles[i]))


def _profile_page(p: PublicProfile) -> GeneratedPage:
    products = joined([x.name for x in p.products])
    countries = joined([d.country.name for d in p.destinations])
    description = f"{p.name}, {p.sector_label.lower()} dari {p.regency}, {p.province}: {products}."
    if countries:
        description = description[:-1] + f"; ekspor ke {countries}."
    page = _page(f"alumni/{p.slug}.md", p.name, description, "profile", "profile.html", p=p,
                 terms=trade_terms(p), checked=fmt_date(p.last_checked) if p.last_checked else None,
                 valid_until={c.key: fmt_date(c.valid_until) for c in p.certificates if c.valid_until})
    page.search_html = render("profile_search.html", p=p)
    # No "description": the page's meta description and og:description already
    # carry it, and at 20,000 alumni a third copy cost ~7 MB (issue 13).
    page.json_ld = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": p.name,
        "address": {"@type": "PostalAddress", "addressRegion": p.province, "addressLocality": p.regency, "addressCountry": "ID"},
        "makesOffer": [{"@type": "Offer", "itemOffered": {"@type": "Product", "name": x.name}} for x in p.products],
    }
    email = next((c.text for c in p.contacts if c.kind == "email"), None)
    site = next((c.href for c in p.contacts if c.kind == "website"), None)
    if email:
        page.json_ld["email"] = email
    if site:
        page.json_ld["url"] = site
    return page


def _paged(profiles: list[PublicProfile], first_src: str, more_src: str) -> list[tuple[str, int, int, list[PublicProfile]]]:
    count = max(1, math.ceil(len(profiles) / DIRECTORY_PAGE_SIZE))
    out = []
    for i in range(count):
        src = first_src if i == 0 else more_src.format(n=i + 1)
        out.append((src, i + 1, count, profiles[i * DIRECTORY_PAGE_SIZE : (i + 1) * DIRECTORY_PAGE_SIZE]))
    return out


def _url_of(first_url: str, more_url: str):
    return lambda n: first_url if n == 1 else more_url.format(n=n)


def _made(memo: PageMemo | None, key_parts: tuple[str, ...], chunk: list[PublicProfile], make) -> GeneratedPage:
    if memo is None:
        return make()
    return memo.page(memo.listing_key(*key_parts, chunk=chunk), make)


def directory_pages(profiles: list[PublicProfile], listings, memo: PageMemo | None = None) -> list[GeneratedPage]:
    countries = {d.country.code for p in profiles for d in p.destinations}
    provinces = {p.province for p in profiles}
    summary = (f"{number(len(profiles))} eksportir dari {number(len(provinces))} provinsi "
               f"mengekspor ke {number(len(countries))} negara.")
    facet_options = [{"facet": f, "listings": listings[f.key]} for f in FACETS]
    options_key = "|".join(f"{f.key}:{l.value}:{l.title}:{len(l.profiles)}" for f in FACETS for l in listings[f.key])
    pages = []
    url_of = _url_of("alumni/", "alumni/daftar/{n}/")
    for src, n, total, chunk in _paged(profiles, "alumni/index.md", "alumni/daftar/{n}.md"):
        title = INDONESIAN.heading if n == 1 else f"{INDONESIAN.heading} — halaman {n}"
        pages.append(_made(memo, ("directory", options_key, src, title, summary, str(n), str(total), str(len(profiles))),
                           chunk, lambda src=src, title=title, chunk=chunk, n=n, total=total: _page(
                               src, title, summary, "directory", "directory.html", t=INDONESIAN, summary=summary,
                               facet_options=facet_options, results_heading=INDONESIAN.count(len(profiles)),
                               profiles=chunk, page_number=n, page_count=total, url_of=url_of)))
    return pages


def listing_pages(listings, memo: PageMemo | None = None) -> list[GeneratedPage]:
    """One page per facet value: its first PAGE_SIZE alumni and a link to the
    directory filtered on that value, which lists them all.

    Paginated, these pages held every alumnus seven or eight times over (once
    per market, sector, province, certification and cohort): about 5,600 pages
    and 130 MB at 20,000 alumni, a quarter of the site (bench/RESULTS-inggris.md).
    The directory's own pages still list everyone without JavaScript.
    """
    pages = []
    for facet in FACETS:
        group = listings[facet.key]
        pages.append(_page(f"alumni/{facet.key}/index.md", f"Alumni per {facet.label.lower()}",
                           f"Daftar alumni Portal Ekspor per {facet.label.lower()}.", "listing",
                           "facet_index.html", facet=facet, listings=group))
        for listing in group:
            src = f"alumni/{facet.key}/{listing.value}/index.md"
            chunk = listing.profiles[:PAGE_SIZE]
            total = len(listing.profiles)
            summary = listing.summary_text
            pages.append(_made(memo, ("listing", src, listing.title, summary, facet.key, str(total)), chunk,
                               lambda src=src, listing=listing, summary=summary, facet=facet, chunk=chunk,
                               total=total: _page(
                                   src, f"Alumni: {listing.title}", summary, "listing", "listing.html",
                                   title=listing.title, summary=summary, intro=None, facet=facet, profiles=chunk,
                                   total=total, filtered=f"alumni/?{facet.key}={listing.value}")))
    return pages


def _outcome_rows(portal: Portal) -> list[dict[str, str]]:
    rows = []
    for program in portal.programs:
        sources = {s.id: _source_text(s) for s in program.data.sources}
        for cohort in program.data.cohorts:
            for o in cohort.outcomes:
                rows.append({"program": program.slug, "cohort_id": cohort.id, "cohort": cohort.name,
                             "description": o.description, "value": outcome_value(o.value, o.unit),
                             "source": sources[o.source]})
    return rows


def _source_text(s) -> str:
    parts = [s.publisher, f"“{s.title}”"]
    if s.date:
        parts.append(fmt_date(s.date))
    return ", ".join(parts)


def statistics_page(portal: Portal, profiles: list[PublicProfile]) -> tuple[GeneratedPage, statistics.Figures]:
    figures = statistics.compute(profiles)
    series = [figures.by_province, figures.by_sector, figures.by_country, figures.by_first_export_year, figures.by_cohort_year]
    page = _page("statistik.md", "Statistik alumni",
                 f"{number(figures.exporters)} eksportir alumni, {number(figures.countries)} negara tujuan: angka program dihitung dari data.",
                 "statistics", "statistics.html", figures=figures, series=series, outcomes=_outcome_rows(portal))
    return page, figures


def glossary_anchor(term: str) -> str:
    return "istilah-" + slugify(term)


def glossary_page(portal: Portal) -> GeneratedPage:
    modules = {m.slug: m for m in portal.modules}
    by_name = {t.term.lower(): t for t in portal.glossary}
    entries = []
    for t in sorted(portal.glossary, key=lambda t: t.term.casefold()):
        module = modules.get(t.module) if t.module else None
        entries.append({
            "term": t.term, "expansion": t.expansion, "definition": t.definition, "anchor": glossary_anchor(t.term),
            "aliases": list(t.aliases),
            "related": [{"term": by_name[r.lower()].term, "anchor": glossary_anchor(r)} for r in t.related if r.lower() in by_name],
            "module_url": module.docs_path[:-3] + "/" if module else None,
            "module_title": module.meta.title if module else None,
        })
    groups: dict[str, list] = {}
    for e in entries:
        letter = e["term"][0].upper()
        letter = letter if letter.isalpha() else "#"
        groups.setdefault(letter, []).append(e)
    return _page("glosarium.md", "Glosarium ekspor",
                 f"{number(len(entries))} istilah ekspor dengan penjelasan dalam Bahasa Indonesia.",
                 "glossary", "glossary.html", groups=list(groups.items()))


def program_pages(portal: Portal, profiles: list[PublicProfile]) -> list[GeneratedPage]:
    modules = {m.slug: m for m in portal.modules}
    per_cohort: dict[str, int] = {}
    for p in profiles:
        per_cohort[p.cohort_id] = per_cohort.get(p.cohort_id, 0) + 1
    pages = []
    for program in portal.programs:
        d = program.data
        sources = {s.id: _source_text(s) for s in d.sources}
        cohorts = []
        for c in d.cohorts:
            sessions = [{"number": s.number, "topic": s.topic, "date": fmt_date(s.date) if s.date else None,
                         "module_url": modules[s.module].docs_path[:-3] + "/" if s.module and s.module in modules else None}
                        for s in c.sessions]
            outcomes = [{"description": o.description, "value": outcome_value(o.value, o.unit), "source": sources[o.source]}
                        for o in c.outcomes]
            cohorts.append({"cohort": c, "sessions": sessions, "outcomes": outcomes, "alumni_count": per_cohort.get(c.id, 0)})
        source_lines = [_source_text(s) + (f". {s.note}" if s.note else "") for s in d.sources]
        paragraphs = [p.replace("\n", " ").strip() for p in d.description.split("\n\n") if p.strip()]
        pages.append(_page(f"program/{program.slug}.md", d.name, paragraphs[0][:280] if paragraphs else d.name,
                           "program", "program.html", program=d, paragraphs=paragraphs, cohorts=cohorts, sources=source_lines))
    return pages


@dataclass
class SiteContent:
    profiles: list[PublicProfile]
    pages: list[GeneratedPage]
    figures: statistics.Figures
    english: bool = False
    """Whether the buyers' English pages (en/) are built."""


def build_site_content(portal: Portal, cache: BuildCache | None = None, english: bool = True) -> SiteContent:
    """Every generated page; with a cache, only pages whose inputs changed are rendered."""
    memo = None
    if cache is None:
        profiles = public_profiles(portal)
    else:
        profiles, profile_keys = cached_public_profiles(portal, cache)
        memo = PageMemo(cache, profile_keys)
    listings = build_listings(profiles)
    stats_page, figures = statistics_page(portal, profiles)
    pages = [
        *profile_pages(profiles, memo),
        *directory_pages(profiles, listings, memo),
        *listing_pages(listings, memo),
        stats_page,
        glossary_page(portal),
        *program_pages(portal, profiles),
    ]
    from .english_pages import english_pages  # builds on _page; imported late to avoid a cycle
    from .modules import module_index_page  # modules builds on _page; imported late to avoid a cycle

    en_pages = english_pages(profiles, listings, memo) if english else []
    twins = {page.alternate: page.url for page in en_pages if page.alternate is not None}
    for page in pages:  # always set: cached pages may carry a previous build's twin
        page.alternate = twins.get(page.url)
    pages.extend(en_pages)
    if not (portal.root / "docs" / "modul" / "index.md").exists():
        pages.append(module_index_page(portal))
    from .offline_page import offline_page

    pages.append(offline_page(portal))
    if cache is not None:
        cache.forget_unused()
    return SiteContent(profiles, pages, figures, english)


def cached_public_profiles(portal: Portal, cache: BuildCache) -> tuple[list[PublicProfile], dict[str, str]]:
    """public_profiles() through the cache: a profile is keyed by its record's
    bytes and by the program files (cohort and program names come from them)."""
    programs = digest(*(cache.content_key(portal.root / p.source, p.source)[0] for p in portal.programs))
    cohorts = portal.cohorts
    profiles, keys = [], {}
    records = portal.alumni
    record_keys = [cache.key("profile", cache.record_key_of.get(r.source) or _uncached(r), programs) for r in records]
    entries = cache.get_or_make(record_keys, lambda i: (to_public(records[i], cohorts[records[i].data.cohort]),))
    for key, entry in zip(record_keys, entries):
        if entry[0] is not None:
            profiles.append(entry[0])
            keys[entry[0].slug] = key
    profiles.sort(key=lambda p: (p.name.casefold(), p.slug))
    return profiles, keys


def _uncached(record) -> str:
    raise RuntimeError(f"{record.source}: record loaded without the cache")
