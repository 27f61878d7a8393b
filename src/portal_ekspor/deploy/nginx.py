"""The nginx server block that serves the `live` release.

The template lives in portal_ekspor/templates/deploy/nginx-server.conf;
deploy/nginx/portal-ekspor.conf in the project is the same file rendered with
the defaults below (a test keeps the two in step).
"""

from __future__ import annotations

from importlib import resources

from .csp import HEADER_POLICY

DEFAULT_LIVE = "/srv/portal-ekspor/live"
DEFAULT_SERVER_NAME = "portal-ekspor.example.go.id"
DEFAULT_LISTEN = ("80", "[::]:80")
DEFAULT_ARCHIVE = "/srv/portal-ekspor/arsip"
DEFAULT_SLOTS = 4
"""arsip/1..N: kept releases whose search files still answer (simpan - 1)."""


def template() -> str:
    return resources.files("portal_ekspor").joinpath("templates/deploy/nginx-server.conf").read_text(encoding="utf-8")


def render(live: str = DEFAULT_LIVE, server_name: str = DEFAULT_SERVER_NAME, listen: tuple[str, ...] | list[str] = DEFAULT_LISTEN,
           archive: str = DEFAULT_ARCHIVE, slots: int = DEFAULT_SLOTS) -> str:
    for value in (live, server_name, archive, *listen):
        if any(c in value for c in ";{}\"'\n") or not value.strip():
            raise ValueError(f"nilai tidak boleh kosong atau memuat ; {{ }} tanda kutip: {value!r}")
    listen_lines = "\n    ".join(f"listen {item};" for item in listen)
    tries = " ".join(f"/{n}$uri" for n in range(1, max(1, slots) + 1))
    return (template().replace("@LISTEN@", listen_lines).replace("@SERVER_NAME@", server_name)
            .replace("@LIVE@", live).replace("@ARCHIVE@", archive).replace("@ARCHIVE_TRIES@", tries)
            .replace("@CSP@", HEADER_POLICY))
