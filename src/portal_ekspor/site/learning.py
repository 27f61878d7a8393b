"""Markup for learning on the device: progress, share and print.

Everything here is a frame for kemajuan.js, which keeps progress in the
browser's localStorage (nothing leaves the device). Without JavaScript only
the WhatsApp link shows, and it works as a plain link; the rest stays hidden.
"""

from __future__ import annotations

from urllib.parse import quote

from .render import render


SHARE_TEXTS = {
    "id": {"whatsapp": "Bagikan ke WhatsApp", "share": "Bagikan…", "print": "Cetak / simpan PDF"},
    "en": {"whatsapp": "Share on WhatsApp", "share": "Share…", "print": "Print / save as PDF"},
}
"""The share buttons' texts per page language (English profiles are shared by and with buyers)."""


def whatsapp_link(title: str, absolute_url: str | None) -> str:
    text = f"{title} {absolute_url}" if absolute_url else title
    return "https://wa.me/?text=" + quote(text, safe="")


def module_tools_html(url: str, title: str, absolute_url: str | None) -> str:
    """Progress, reset, share and print for one module page (identified by its site URL)."""
    return render("module_tools.html", module_url=url, whatsapp=whatsapp_link(title, absolute_url), printable=True,
                  share=SHARE_TEXTS["id"])


def share_html(title: str, absolute_url: str | None, lang: str = "id") -> str:
    """Share links for a page that is not a module (an alumni profile, in either language)."""
    return render("module_tools.html", module_url=None, whatsapp=whatsapp_link(title, absolute_url), printable=False,
                  share=SHARE_TEXTS[lang])


def continue_learning_html() -> str:
    return render("continue_learning.html")
