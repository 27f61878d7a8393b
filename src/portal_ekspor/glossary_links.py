"""Link the first use of each glossary term in a module to its entry.

Works on the HTML MkDocs produced, token by token, so it never touches
markup: text inside links, code, headings and other skipped elements is left
alone, and each term is linked once per page.
"""

from __future__ import annotations

import html
import posixpath
import re

from .models.glossary import Term
from .site.pages import glossary_anchor

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z0-9]+)")
SKIP = {"a", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style",
        "abbr", "button", "summary", "svg", "textarea", "select", "option", "label", "title"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


class GlossaryLinker:
    def __init__(self, terms: list[Term], glossary_url: str = "glosarium/"):
        self.glossary_url = glossary_url
        self.entries: dict[str, Term] = {}
        variants: list[str] = []
        for term in terms:
            for text in (term.term, *term.aliases):
                key = self._key(text)
                if key and key not in self.entries:
                    self.entries[key] = term
                    variants.append(text)
        variants.sort(key=len, reverse=True)
        if variants:
            alternation = "|".join(re.escape(html.escape(v, quote=False)) for v in variants)
            self.pattern = re.compile(rf"(?<![\w/&-])({alternation})(?![\w/-])", re.IGNORECASE)
        else:
            self.pattern = None

    @staticmethod
    def _key(text: str) -> str:
        return html.unescape(text).casefold()

    def _match_ok(self, found: str, term: Term) -> bool:
        # Acronyms (FOB, PEB) only match in their own case, so "fob" in a URL-ish
        # word or the Indonesian word "Pen" never becomes a glossary link.
        for text in (term.term, *term.aliases):
            if self._key(text) == self._key(found):
                return found == html.escape(text, quote=False) if text.isupper() or len(text) <= 3 else True
        return False

    def link(self, content: str, page_url: str) -> str:
        if self.pattern is None:
            return content
        href_base = posixpath.relpath("/" + self.glossary_url, "/" + page_url.rstrip("/")) + "/"
        used: set[str] = set()
        stack: list[str] = []
        out: list[str] = []
        for token in _TOKEN.split(content):
            if not token:
                continue
            if token.startswith("<"):
                out.append(token)
                m = _TAG.match(token)
                if m and not token.startswith("<!--"):
                    closing, name = m.group(1), m.group(2).lower()
                    if name in VOID or token.endswith("/>"):
                        continue
                    if closing:
                        if name in stack:
                            while stack and stack.pop() != name:
                                pass
                    else:
                        stack.append(name)
                continue
            if any(tag in SKIP for tag in stack):
                out.append(token)
                continue
            out.append(self._replace(token, used, href_base))
        return "".join(out)

    def _replace(self, text: str, used: set[str], href_base: str) -> str:
        def sub(match: re.Match) -> str:
            found = match.group(1)
            term = self.entries.get(self._key(found))
            if term is None or term.term in used or not self._match_ok(found, term):
                return found
            used.add(term.term)
            tip = term.definition if not term.expansion else f"{term.expansion}: {term.definition}"
            return (f'<a class="pe-term" href="{href_base}#{glossary_anchor(term.term)}" '
                    f'title="{html.escape(tip, quote=True)}">{found}</a>')

        return self.pattern.sub(sub, text)
