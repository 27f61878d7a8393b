"""Open Graph tags and JSON-LD for a page, escaped for HTML."""

from __future__ import annotations

import json

from markupsafe import Markup

from .render import environment


def json_ld_text(data: dict) -> Markup:
    """JSON that cannot close its <script> element, whatever the data holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


OG_LOCALES = {"id": "id_ID", "en": "en_US"}
DEFAULT_LANG = "id"
"""Indonesian is the portal's language: the x-default of every page pair."""


def head_html(*, site_name: str, title: str, description: str, url: str | None, og_type: str = "website",
              json_ld: dict | None = None, lang: str = DEFAULT_LANG, alternate_url: str | None = None,
              stylesheet: str | None = None) -> Markup:
    """Open Graph tags, JSON-LD and, for a page with a twin in the other language
    (``alternate_url``, absolute), ``hreflang`` links to both and to the x-default.
    ``stylesheet`` is the page's own extra stylesheet (relative link), if any."""
    alternates: list[tuple[str, str]] = []
    default_href = None
    if url and alternate_url:
        other = "en" if lang == "id" else "id"
        alternates = sorted([(lang, url), (other, alternate_url)])
        default_href = dict(alternates)[DEFAULT_LANG]
    return Markup(environment().get_template("head.html").render(
        site_name=site_name, title=title, description=description, url=url, og_type=og_type,
        json_ld=json_ld_text(json_ld) if json_ld else None, og_locale=OG_LOCALES[lang], og_locales=OG_LOCALES,
        page_lang=lang, alternates=alternates, default_href=default_href, stylesheet=stylesheet,
    ))
