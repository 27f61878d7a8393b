"""The Jinja environment for generated pages: autoescape on, helpers injected.

MkDocs themes run Jinja with autoescape off; these templates are ours and
render with it on, so a business name like ``<script>`` is shown, not run.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .. import formatting
from .flags import flag_mark


def rel(target: str, base: str) -> str:
    """Link from page URL ``base`` (e.g. ``alumni/x/``) to site URL ``target``.

    Both are folder-style site paths; this is called for every card on every
    listing page, so it avoids posixpath.relpath's normalisation work.
    """
    if target.startswith(("http://", "https://", "mailto:", "#")):
        return target
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    t = [p for p in target.split("/") if p]
    b = [p for p in base.split("/") if p]
    common = 0
    while common < len(t) and common < len(b) and t[common] == b[common]:
        common += 1
    parts = [".."] * (len(b) - common) + t[common:]
    path = "/".join(parts) if parts else "."
    if target.endswith("/") or not t:
        path += "/"
    return path + anchor


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("portal_ekspor", "templates/site"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals.update(
        rel=rel,
        number=formatting.number,
        flag=flag_mark,
    )
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
