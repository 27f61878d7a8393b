"""The site's public address, read from its one documented place: ``site_url`` in mkdocs.yml.

Canonical links, og:url, sitemap.xml and the ``url`` column of alumni.csv are
built from it. The sample value points at the local preview; a site published
with it would send every shared link to the reader's own computer, so a
publishing build says so loudly. ``!ENV [PORTAL_SITE_URL, default]`` (how the
publishing pipelines pass the address) is understood; MkDocs is not imported.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


def _other(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    return None  # other MkDocs/Material tags do not matter here


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", _other)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _other)


def mkdocs_yml(root: Path) -> dict:
    """mkdocs.yml as data (MkDocs' own tags other than !ENV read as empty)."""
    data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    return data if isinstance(data, dict) else {}


def site_url(root: Path) -> str | None:
    value = mkdocs_yml(root).get("site_url")
    return str(value) if value else None


def is_local(url: str | None) -> bool:
    return not url or (urlsplit(url).hostname or "") in LOCAL_HOSTS


def local_address_warning(url: str | None) -> str:
    shown = url or "(kosong)"
    line = "!" * 78
    return (f"{line}\n"
            f"PERINGATAN: alamat publik situs masih {shown} — alamat pratinjau di komputer ini.\n"
            "Tautan kanonis, og:url, sitemap.xml dan kolom url di alumni.csv menunjuk ke alamat itu,\n"
            "bukan ke situs Anda. Jangan terbitkan folder ini sebelum alamatnya diganti.\n"
            "Perbaiki: isi site_url di mkdocs.yml dengan alamat situs yang sebenarnya, mis.\n"
            "    site_url: https://ekspor.dinas.example.go.id/\n"
            "(atau atur PORTAL_SITE_URL di server penerbitan), lalu bangun ulang.\n"
            f"{line}")
