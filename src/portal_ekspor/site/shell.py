"""Theme output for thousands of generated pages without rendering the theme
thousands of times.

Material's templates cost several milliseconds a page, most of it the same
header, navigation and footer. Profiles and listing pages are not in the
navigation, and every page at the same folder depth has the same relative
links, so the theme is rendered once per depth for a sentinel page carrying
placeholder tokens; each real page is that shell with its own title,
description, canonical URL, head tags and content substituted in.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

TITLE = "PESHELLTITLE9d1c"
DESCRIPTION = "PESHELLDESC9d1c"
HEAD = "PESHELLHEAD9d1c"
BODY = '<h1 hidden data-pe-shell="9d1c"></h1>'
"""Contains "<h1" so Material does not add a heading of its own around it."""
SENTINEL_ROOT = "pe-shell-9d1c"

FAST_KINDS = {"profile", "listing"}


def depth(url: str) -> int:
    return url.strip("/").count("/") + 1 if url.strip("/") else 0


def sentinel_src(level: int) -> str:
    """A page path at ``level`` folders deep, e.g. 2 -> pe-shell-9d1c/x.md (URL pe-shell-9d1c/x/)."""
    parts = [SENTINEL_ROOT] + ["x"] * (level - 1)
    return "/".join(parts) + ".md"


def sentinel_url(level: int) -> str:
    return sentinel_src(level)[:-3] + "/"


@dataclass
class Shell:
    html: str
    url: str  # the sentinel's site-relative URL, to be replaced in canonical links

    def fill(self, *, url: str, title: str, description: str, head: str, body: str) -> str:
        out = self.html.replace(self.url, url)
        out = out.replace(TITLE, html.escape(title, quote=True))
        out = out.replace(DESCRIPTION, html.escape(description, quote=True))
        out = out.replace(HEAD, head)
        return out.replace(BODY, body)
