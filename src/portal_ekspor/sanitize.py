"""Markdown from data files (alumni stories) to safe HTML.

Stories are written by staff from what alumni send them, so they are treated
as untrusted: Markdown is rendered without extensions, then nh3 keeps only a
small set of tags and only http(s)/mailto links. No images: a story must not
make a reader's phone fetch anything from elsewhere.
"""

from __future__ import annotations

import html as html_lib

import markdown
import nh3

_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code"}
_ATTRIBUTES = {"a": {"href"}}


_MD = markdown.Markdown(extensions=[], output_format="html")


def _render(text: str) -> str:
    # One converter reused: building a Markdown instance costs more than converting a story.
    return _MD.reset().convert(text)


def markdown_to_safe_html(text: str) -> str:
    html = _render(text)
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
        strip_comments=True,
    )


def plain_text(text: str, limit: int = 160, *, html: str | None = None) -> str:
    """First words of a story as plain text (for meta descriptions and cards).

    Pass the story's already rendered ``html`` to skip rendering it again.
    Entities are decoded before cutting, so ``limit`` counts the characters a
    reader sees (an ``&`` is one, not the five of ``&amp;``) and a cut never
    lands inside an entity. The result is text, to be escaped where it is used.
    """
    words = html_lib.unescape(nh3.clean(html if html is not None else _render(text), tags=set())).split()
    out = " ".join(words)
    if len(out) > limit:
        out = out[: limit - 1].rsplit(" ", 1)[0] + "…"
    return out
