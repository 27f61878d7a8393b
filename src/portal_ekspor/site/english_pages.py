"""English pages for buyers: profiles, directory, listings and the landing page.

Each page is a :class:`GeneratedPage` with ``lang="en"`` and, where one
exists, the URL of its Indonesian twin in ``alternate`` (and the twin points
back), so the frame can write ``hreflang`` links and the language switch
without any lookup per page. The work per page is the same as for its
Indonesian twin: one template render over data already grouped once.
"""

from __future__ import annotations

from ..formatting import number
from ..privacy import PublicProfile
from .directory import ENGLISH
from .english import DIRECTORY, FACETS_EN, LOCALE, ROOT, EnglishProfile, english_listings, profile_url
from .pages import PAGE_SIZE, GeneratedPage, PageMemo, _made, _page, _paged, _url_of
from .render import render


def _en(page: GeneratedPage, alternate: str | None) -> GeneratedPage:
    page.lang = "en"
    page.alternate = alternate
    return page


def english_profile_pages(views: list[EnglishProfile], memo: PageMemo | None = None) -> list[GeneratedPage]:
    """With a memo, a profile's English page is keyed like its Indonesian one: by its profile's key."""
    if memo is None:
        return [_english_profile_page(e) for e in views]
    return memo.pages([memo.cache.key("page-en", memo.profile_keys[e.slug]) for e in views],
                      lambda i: _english_profile_page(views[i]))


def _english_profile_page(e: EnglishProfile) -> GeneratedPage:
    page = _page(f"{DIRECTORY}{e.slug}.md", e.name, e.description, "profile", "en/profile.html", e=e)
    page.json_ld = e.json_ld()
    page.search_html = render("en/profile_search.html", e=e)
    return _en(page, e.indonesian_url)


def english_directory_pages(views: list[EnglishProfile], listings_en, profiles: list[PublicProfile],
                            memo: PageMemo | None = None) -> list[GeneratedPage]:
    """Cached like the Indonesian directory: by its texts and the keys of the profiles on each page."""
    countries = {d.country.code for p in profiles for d in p.destinations}
    provinces = {p.province for p in profiles}
    summary = (f"{number(len(profiles), LOCALE)} exporters from {number(len(provinces), LOCALE)} Indonesian provinces "
               f"export to {number(len(countries), LOCALE)} countries.")
    facet_options = [{"facet": f, "listings": listings_en[f.key]} for f in FACETS_EN]
    options_key = "|".join(f"{f.key}:{l.value}:{l.title}:{len(l.profiles)}" for f in FACETS_EN for l in listings_en[f.key])
    url_of = _url_of(DIRECTORY, DIRECTORY + "page/{n}/")
    id_url_of = _url_of("alumni/", "alumni/daftar/{n}/")
    pages = []
    for src, n, total, chunk in _paged(views, f"{DIRECTORY}index.md", DIRECTORY + "page/{n}.md"):
        title = ENGLISH.heading if n == 1 else f"{ENGLISH.heading} — page {n}"
        pages.append(_made(memo, ("directory-en", options_key, src, title, summary, str(n), str(total),
                                  str(len(profiles))), chunk,
                           lambda src=src, title=title, chunk=chunk, n=n, total=total: _en(_page(
                               src, title, summary, "directory", "directory.html", t=ENGLISH, summary=summary,
                               facet_options=facet_options, results_heading=ENGLISH.count(len(profiles)),
                               profiles=chunk, page_number=n, page_count=total, url_of=url_of), id_url_of(n))))
    return pages


def english_listing_pages(listings_en, views_by_slug: dict[str, EnglishProfile],
                          memo: PageMemo | None = None) -> list[GeneratedPage]:
    """One page per facet value: its first PAGE_SIZE exporters and a link to the filtered directory.

    Unlike the Indonesian listings, the English ones are not paginated: buyers
    filter in the directory, and the later pages would add a third of the
    English pages' weight (about 6,000 pages at 20,000 alumni) for little use.
    """
    pages = []
    for facet in FACETS_EN:
        group = listings_en[facet.key]
        index = _page(f"{facet.url}index.md", f"Exporters by {facet.label.lower()}",
                      f"Indonesian exporters by {facet.label.lower()}.", "listing", "en/facet_index.html",
                      facet=facet, listings=group)
        pages.append(_en(index, f"alumni/{facet.source.key}/"))
        for listing in group:
            views = [views_by_slug[p.slug] for p in listing.profiles[:PAGE_SIZE]]
            src, total = f"{listing.url}index.md", len(listing.profiles)
            pages.append(_made(memo, ("listing-en", src, listing.title, listing.summary, facet.key, str(total),
                                      listing.indonesian_url), views,
                               lambda src=src, listing=listing, views=views, facet=facet, total=total: _en(_page(
                                   src, f"Exporters: {listing.title}", listing.summary, "listing", "en/listing.html",
                                   title=listing.title, summary=listing.summary, facet=facet, profiles=views,
                                   total=total, filtered=f"{DIRECTORY}?{facet.key}={listing.value}"),
                                   listing.indonesian_url)))
    return pages


def english_landing_page(profiles: list[PublicProfile], listings_en) -> GeneratedPage:
    countries = listings_en["country"]
    summary = (f"{number(len(profiles), LOCALE)} exporters from "
               f"{number(len({p.province for p in profiles}), LOCALE)} Indonesian provinces, shipping to "
               f"{number(len(countries), LOCALE)} countries: processed food, coffee, spices, crafts, furniture, textiles and more.")
    page = _page(f"{ROOT}index.md", "Find Indonesian exporters", summary, "landing", "en/landing.html",
                 summary=summary, count=number(len(profiles), LOCALE), top_countries=countries[:12],
                 country_count=number(len(countries), LOCALE), sectors=listings_en["sector"])
    return _en(page, "")


def english_pages(profiles: list[PublicProfile], listings, memo: PageMemo | None = None) -> list[GeneratedPage]:
    views = [EnglishProfile(p) for p in profiles]
    listings_en = english_listings(listings)
    return [
        *english_profile_pages(views, memo),
        *english_directory_pages(views, listings_en, profiles, memo),
        *english_listing_pages(listings_en, {e.slug: e for e in views}, memo),
        english_landing_page(profiles, listings_en),
    ]


__all__ = ["english_pages", "profile_url"]
