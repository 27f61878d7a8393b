"""The search record of a page: a pure function of what the page publishes.

A record holds what the index needs from one page: its URL, title, language
and the HTML of its search body (visible content plus search-only filter and
metadata fields). It depends on nothing but the page itself, so a build may
cache it with the page; the corpus-wide root forms are applied only when the
index is built (``indexer.document``).
"""

from __future__ import annotations


def search_record(url: str, title: str, body_html: str, language: str = "id") -> dict:
    return {"url": url, "title": str(title), "language": language, "html": body_html}


def is_searchable(body_html: str) -> bool:
    return "data-pagefind-body" in body_html
