"""The baseline: bare Material for MkDocs over the same pages as plain Markdown.

From a portal made by bench/generate.py this writes a stock Material project
(theme material, `plugins: [search]` as Material ships it, a nav listing only
index.md, `validation.nav.omitted_files: ignore`, no Markdown extensions) with
N + M pages:

- one page per generated alumni record (all N, consenting or not), written as
  Markdown with the fields the portal's profile page shows: name, legal form,
  sector, place, story, a product table with HS codes and chapters,
  destinations with years, first export, certifications, cohort and
  contacts; about the same visible words as the portal's profile (~150);
- the M module files copied as they are (front matter included).

The portal additionally builds directory, listing, statistics, glossary and
program pages from the same data; the baseline has only these N + M pages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from portal_ekspor.reference.catalogues import CERTIFICATIONS, LEGAL_FORMS, SECTORS
from portal_ekspor.reference.countries import country_name
from portal_ekspor.reference.hs import hs_chapter_name

MKDOCS_YML = """site_name: Material polos
site_url: http://127.0.0.1:8000/
theme:
  name: material
  language: id
nav:
  - index.md
plugins:
  - search
validation:
  nav:
    omitted_files: ignore
"""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _esc(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def cohort_names(portal: Path) -> dict[str, str]:
    names = {}
    for path in sorted((portal / "data" / "programs").glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for cohort in data.get("angkatan", []):
            names[str(cohort.get("id"))] = str(cohort.get("nama", cohort.get("id")))
    return names


def alumnus_markdown(record: dict, cohorts: dict[str, str]) -> str:
    name = _esc(record["nama_usaha"])
    sector = SECTORS.get(record["sektor"], record["sektor"])
    place = f"{record['kabupaten_kota']}, {record['provinsi']}"
    lines = [f"# {name}", "",
             f"{LEGAL_FORMS.get(record['bentuk_usaha'], record['bentuk_usaha'])} · {sector} · {_esc(place)}", ""]
    if record.get("cerita"):
        lines += [record["cerita"].strip(), ""]
    lines += ["## Produk", "", "| Produk | Kode HS | Bab HS |", "|---|---|---|"]
    for product in record.get("produk", []):
        hs = str(product["hs"])
        lines.append(f"| {_esc(product['nama'])} | {hs} | {hs[:2]} — {_esc(hs_chapter_name(hs))} |")
    lines.append("")
    if record.get("tujuan_ekspor"):
        lines += ["## Negara tujuan ekspor", ""]
        lines += [f"- {country_name(d['negara'])} sejak {d['sejak']}" for d in record["tujuan_ekspor"]]
        lines.append("")
    first = record.get("ekspor_perdana")
    if first:
        lines += [f"Ekspor perdana: {first['tahun']} ke {country_name(first['negara'])}", ""]
    if record.get("sertifikasi"):
        lines += ["## Sertifikasi", ""] + [f"- {CERTIFICATIONS.get(c, c)}" for c in record["sertifikasi"]] + [""]
    lines += ["## Program", "", f"Lulusan {_esc(cohorts.get(record['angkatan'], record['angkatan']))} — "
              f"lihat alumni seangkatan.", ""]
    contacts = record.get("kontak") or {}
    lines += ["## Kontak usaha", ""]
    if "whatsapp" in contacts:
        lines.append(f"- WhatsApp: {contacts['whatsapp']['nomor']}")
    if "email" in contacts:
        lines.append(f"- Email: {contacts['email']['alamat']}")
    return "\n".join(lines) + "\n"


def write_bare(portal: Path, target: Path) -> int:
    """Write the bare Material project for ``portal`` into ``target``; returns its page count."""
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    (docs / "alumni").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (docs / "index.md").write_text("# Material polos\n\nPembanding untuk tolok ukur Portal Ekspor.\n", encoding="utf-8")
    cohorts = cohort_names(portal)
    pages = 0
    for path in sorted((portal / "data" / "alumni").glob("*.yml")):
        record = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        (docs / "alumni" / f"{path.stem}.md").write_text(alumnus_markdown(record, cohorts), encoding="utf-8")
        pages += 1
    modules = portal / "docs" / "modul"
    for path in sorted(modules.rglob("*.md")) if modules.is_dir() else []:
        if path.name == "index.md":
            continue
        out = docs / "modul" / path.relative_to(modules)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, out)
        pages += 1
    return pages
