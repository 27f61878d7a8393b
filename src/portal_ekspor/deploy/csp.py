"""Content-Security-Policy: only the site itself, and only the inline scripts it ships.

Material for MkDocs writes three small inline scripts into every page (the
`__md_scope`/`__md_get` helpers its bundle needs, the colour-palette restore
and the tab-anchor fix); the first differs with the page's folder depth. A
blanket `'unsafe-inline'` would also let any injected script run, so instead
every page of a release gets a <meta> policy listing the SHA-256 hashes of
exactly the inline scripts that page contains.

The nginx header cannot know those per-page hashes, so it carries the same
policy with `'unsafe-inline'` for scripts; a browser enforces both policies,
and a script must pass each. Where there is a hash list, inline code that is
not on it is refused. The header adds what a <meta> policy cannot express
(`frame-ancestors`). Pagefind compiles WebAssembly, hence `'wasm-unsafe-eval'`
(which allows WebAssembly only, not JavaScript eval).

`style-src 'unsafe-inline'` stays although the sample portal needs none
(a Chromium crawl of every page, with search and the palette switch, reports no
style violation under `style-src 'self'`): Markdown's attr_list lets a module
carry a style attribute, and silently dropping it would make the live page
differ from `make serve`. Styles cannot run code.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

COMMON = ("default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self'",
          "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'", "object-src 'none'", "base-uri 'self'",
          "form-action 'self'")

HEADER_POLICY = "; ".join((COMMON[0], "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'", *COMMON[1:],
                           "frame-ancestors 'none'"))
"""Sent by nginx on every response (see deploy/nginx/portal-ekspor.conf)."""

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"\s*<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.I)
_OURS = re.compile(r"<meta http-equiv=\"Content-Security-Policy\" data-portal-csp content=\"[^\"]*\">")
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
             "application/x-javascript", "text/jscript", "text/livescript", "text/x-javascript"}


def page_policy(hashes: list[str]) -> str:
    script = " ".join(["script-src 'self' 'wasm-unsafe-eval'", *(f"'{h}'" for h in hashes)])
    return "; ".join((COMMON[0], script, *COMMON[1:]))


def _executable(attrs: str) -> bool:
    if _SRC.search(attrs):
        return False
    match = _TYPE.search(attrs)
    if not match:
        return True
    kind = next(g for g in match.groups() if g is not None).strip().lower().split(";")[0].strip()
    return kind in _JS_TYPES


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for every inline script a browser would run, in page order."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        if not _executable(match.group(1)):
            continue
        # The HTML parser turns CR LF and lone CR into LF before the browser hashes.
        body = match.group(2).replace("\r\n", "\n").replace("\r", "\n")
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if f"sha256-{digest}" not in hashes:
            hashes.append(f"sha256-{digest}")
    return hashes


def secure_page(html: str) -> str:
    """Put the page's own policy first in <head>, before any script can run."""
    if "data-portal-csp" in html:
        html = _OURS.sub("", html, count=1)
    head = _HEAD.search(html)
    if head is None:
        return html
    at = head.end()
    charset = _CHARSET.match(html, at)
    if charset:
        at = charset.end()
    meta = f'<meta http-equiv="Content-Security-Policy" data-portal-csp content="{page_policy(inline_script_hashes(html))}">'
    return html[:at] + meta + html[at:]


def secure_site(folder: Path) -> int:
    """Add the per-page policy to every HTML file under `folder`; returns how many."""
    count = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            if not name.endswith(".html"):
                continue
            path = Path(dirpath, name)
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
            updated = secure_page(text)
            if updated != text:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(updated)
                count += 1
    return count
