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


def template() -> str:
    return resources.files("portal_ekspor").joinpath("templates/deploy/nginx-server.conf").read_text(encoding="utf-8")


def render(live: str = DEFAULT_LIVE, server_name: str = DEFAULT_SERVER_NAME, listen: tuple[str, ...] | list[str] = DEFAULT_LISTEN) -> str:
    for value in (live, server_name, *listen):
        if any(c in value for c in ";{}\"'\n") or not value.strip():
            raise ValueError(f"nilai tidak boleh kosong atau memuat ; {{ }} tanda kutip: {value!r}")
    listen_lines = "\n    ".join(f"listen {item};" for item in listen)
    return (template().replace("@LISTEN@", listen_lines).replace("@SERVER_NAME@", server_name)
            .replace("@LIVE@", live).replace("@CSP@", HEADER_POLICY))
