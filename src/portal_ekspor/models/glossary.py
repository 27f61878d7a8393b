"""Glossary entries: the export vocabulary participants meet in the modules."""

from __future__ import annotations

from pydantic import Field

from .base import LongText, Model, Slug, Text


class Term(Model):
    term: Text = Field(alias="istilah")
    expansion: Text | None = Field(default=None, alias="kepanjangan")
    definition: LongText = Field(alias="definisi")
    related: list[Text] = Field(default_factory=list, alias="terkait")
    module: Slug | None = Field(default=None, alias="modul")
    aliases: list[Text] = Field(default_factory=list, alias="sinonim")


class Glossary(Model):
    terms: list[Term] = Field(alias="istilah", min_length=1)
