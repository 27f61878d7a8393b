"""Programs (an organiser's coaching scheme) and their cohorts (angkatan).

Reported outcomes must name a source declared in the same file: figures in a
portal that reports to a ministry need to be traceable to where they came
from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .alumni import Province
from .base import Date, LongText, Model, Slug, Text, Year, fail

Unit = Literal["orang", "usaha", "usd", "idr", "persen"]


class Source(Model):
    id: Slug
    publisher: Text = Field(alias="media")
    title: Text = Field(alias="judul")
    date: Date | None = Field(default=None, alias="tanggal")
    place: Text | None = Field(default=None, alias="kota")
    note: Text | None = Field(default=None, alias="catatan")


class Outcome(Model):
    description: Text = Field(alias="uraian")
    value: int | float | None = Field(default=None, alias="nilai")
    unit: Unit | None = Field(default=None, alias="satuan")
    source: Slug = Field(alias="sumber")


class Session(Model):
    number: int = Field(alias="ke", ge=1, le=24)
    topic: Text = Field(alias="topik")
    module: Slug | None = Field(default=None, alias="modul")
    date: Date | None = Field(default=None, alias="tanggal")


class Cohort(Model):
    id: Slug
    name: Text = Field(alias="nama")
    year: Year | None = Field(default=None, alias="tahun")
    candidates: int | None = Field(default=None, alias="calon_peserta", ge=0)
    participants: int | None = Field(default=None, alias="peserta", ge=0)
    graduates: int | None = Field(default=None, alias="lulusan", ge=0)
    session_count: int | None = Field(default=None, alias="jumlah_sesi", ge=1, le=48)
    duration: Text | None = Field(default=None, alias="durasi")
    sessions: list[Session] = Field(default_factory=list, alias="sesi")
    outcomes: list[Outcome] = Field(default_factory=list, alias="capaian")
    note: Text | None = Field(default=None, alias="catatan")

    @model_validator(mode="after")
    def _funnel(self) -> "Cohort":
        pairs = [(self.candidates, self.participants, "peserta", "calon_peserta"),
                 (self.participants, self.graduates, "lulusan", "peserta"),
                 (self.candidates, self.graduates, "lulusan", "calon_peserta")]
        for bigger, smaller, small_name, big_name in pairs:
            if bigger is not None and smaller is not None and smaller > bigger:
                raise fail(f"`{small_name}` ({smaller}) tidak boleh lebih besar dari `{big_name}` ({bigger})")
        return self


class Program(Model):
    name: Text = Field(alias="nama")
    short_name: Text | None = Field(default=None, alias="singkatan")
    organisers: list[Text] = Field(alias="penyelenggara", min_length=1)
    province: Province = Field(alias="provinsi")
    description: LongText = Field(alias="deskripsi")
    sources: list[Source] = Field(default_factory=list, alias="sumber")
    cohorts: list[Cohort] = Field(alias="angkatan", min_length=1)
