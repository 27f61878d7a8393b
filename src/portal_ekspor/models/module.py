"""Front matter of a curriculum module (a Markdown file under docs/modul/).

``title`` and ``description`` keep MkDocs' own names so Material uses them for
the page title and meta description without extra plumbing.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from .base import Model, Slug, Text

Level = Literal["pemula", "menengah", "mahir"]


class ModuleMeta(Model):
    misplaced_keys: ClassVar[dict[str, str]] = {
        "waktu_baca": "waktu baca dihitung otomatis dari jumlah kata isi modul; hapus kolom ini",
        "waktu_membaca": "waktu baca dihitung otomatis dari jumlah kata isi modul; hapus kolom ini",
        "ringkasan": 'ringkasan ditulis di isi modul sebagai kotak `!!! abstract "Ringkasan"` sebelum bagian `##` pertama, '
                     "bukan di bagian atas",
    }
    """Keys staff may reasonably try that belong elsewhere: `portal check` says where."""

    title: Text
    description: Text
    level: Level
    session: int = Field(alias="sesi", ge=1, le=8)
    duration_minutes: int = Field(alias="durasi", ge=10, le=600)
    objectives: list[Text] = Field(alias="tujuan", min_length=1)
    prerequisites: list[Slug] = Field(default_factory=list, alias="prasyarat")
