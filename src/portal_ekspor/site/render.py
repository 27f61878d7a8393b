"""The Jinja environment for generated pages: autoescape on, helpers injected.

MkDocs themes run Jinja with autoescape off; these templates are ours and
render with it on, so a business name like ``<script>`` is shown, not run.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .. import formatting
from ..reference.countries import flag_emoji
from .charts import bar_chart


def rel(target: str, base: str) -> str:
    """Link from page URL ``base`` (e.g. ``alumni/x/``) to site URL ``target``."""
    if target.startswith(("http://", "https://", "mailto:", "#")):
        return target
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    path = posixpath.relpath("/" + target, "/" + base.rstrip("/") if base else "/")
    if target.endswith("/") and not path.endswith("/"):
        path += "/"
    if path == "./":
        path = "./"
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
        chart=bar_chart,
        flag=flag_emoji,
    )
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
