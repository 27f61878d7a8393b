"""Settings that change what gets built, in one typed place.

They live in mkdocs.yml under ``extra: portal:``, so a build is described by
its files alone: no environment variable can make two builds of one commit
differ. The MkDocs adapter hands the mapping in; the core never imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class PortalSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    halaman_ringkas: bool = Field(
        True, description="Profil dan halaman daftar memakai bingkai ringkas (bukan seluruh tema). "
                          "false: semua halaman lewat Material, untuk membandingkan dengan pencarian bawaan Material.")
    akar_pencarian: bool = Field(
        True, description="Tambahkan bentuk kata dasar Indonesia ke indeks pencarian. false: stemmer Pagefind saja.")
    halaman_inggris: bool = Field(
        True, description="Buat halaman bahasa Inggris untuk pembeli (en/): kembaran setiap profil publik, direktori "
                          "dan halaman daftar. false: situs hanya berbahasa Indonesia (dipakai tolok ukur untuk "
                          "mengukur biaya halaman Inggris).")
    cache: bool = Field(
        True, description="Simpan hasil validasi dan halaman per file di folder_cache agar pembangunan ulang cepat.")
    folder_cache: str = Field(".cache/portal", description="Folder cache, relatif terhadap folder proyek.")
    halaman_per_bagian_cari: int = Field(
        10000, ge=1, description="Indeks pencarian tiap bahasa dipecah menjadi bagian berisi paling banyak sekian "
                                 "halaman, dan Pagefind memegang paling banyak sekian halaman sekaligus (±140 KB "
                                 "memori per halaman; dua bagian kecil diindeks bersamaan). Lebih kecil: memori "
                                 "lebih hemat dan build ulang lebih cepat, tetapi pencarian pertama mengunduh "
                                 "lebih banyak (satu potongan indeks per bagian untuk setiap kata). "
                                "Bagian yang isinya tidak berubah diambil dari cache.")


class SettingsError(ValueError):
    pass


def settings_from_extra(extra: Mapping[str, Any] | None) -> PortalSettings:
    """Read ``extra.portal`` from mkdocs.yml; a typo is reported in Indonesian, never ignored."""
    raw = (extra or {}).get("portal") or {}
    if not isinstance(raw, Mapping):
        raise SettingsError("mkdocs.yml: `extra.portal` harus berisi pasangan `nama: nilai`.")
    try:
        return PortalSettings.model_validate(dict(raw))
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            field = ".".join(str(p) for p in error["loc"])
            if error["type"] == "extra_forbidden":
                known = ", ".join(PortalSettings.model_fields)
                lines.append(f"mkdocs.yml: extra.portal.{field}: pengaturan tidak dikenal (yang ada: {known})")
            elif error["type"].startswith("bool"):
                lines.append(f"mkdocs.yml: extra.portal.{field}: isi dengan true atau false")
            elif error["type"].startswith("int") or error["type"] == "greater_than_equal":
                lines.append(f"mkdocs.yml: extra.portal.{field}: isi dengan bilangan bulat 1 atau lebih")
            else:
                lines.append(f"mkdocs.yml: extra.portal.{field}: nilai tidak valid")
        raise SettingsError("\n".join(lines)) from None


def cache_folder(root: Path) -> Path | None:
    """The project's build cache folder (None with ``cache: false``), read from mkdocs.yml
    outside MkDocs; None too when mkdocs.yml cannot be read: the build reports that."""
    import yaml

    from .site_address import mkdocs_yml

    try:
        settings = settings_from_extra(mkdocs_yml(root).get("extra"))
    except (OSError, SettingsError, ValueError, yaml.YAMLError):
        return None
    return root / settings.folder_cache if settings.cache else None
