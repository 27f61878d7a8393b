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


def head_html(*, site_name: str, title: str, description: str, url: str | None, og_type: str = "website",
              json_ld: dict | None = None) -> Markup:
    return Markup(environment().get_template("head.html").render(
        site_name=site_name, title=title, description=description, url=url, og_type=og_type,
        json_ld=json_ld_text(json_ld) if json_ld else None,
    ))
