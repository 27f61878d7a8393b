"""Load every data file of a portal into validated domain objects.

This is the single entry point used by `portal check`, the MkDocs hooks and
the tests, so all of them agree on what is valid. It never stops at the first
problem: every file is read and every cross-reference checked, then either a
complete :class:`Portal` or the full list of problems comes back.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import BuildCache
from .loading.frontmatter import parse_front_matter, split_front_matter
from .loading.module_structure import check_structure, reading_minutes
from .loading.strict_yaml import LoadedYaml, dotted, load_yaml_file, read_text
from .models.alumni import Alumnus
from .models.glossary import Glossary, Term
from .models.module import ModuleMeta
from .models.program import Cohort, Program
from .photos import check_photo
from .problems import DataError, Problems
from .text import slugify
from .validation import validate

YAML_SUFFIXES = (".yml", ".yaml")
MAX_PHOTO_BYTES = 400 * 1024
RESERVED_SLUGS = {"daftar", "provinsi", "negara", "angkatan", "sektor", "sertifikasi", "duta", "index",
                  "page", "country", "province", "sector", "cohort", "certification"}
"""Path segments used by listing pages under alumni/ and en/exporters/; a profile cannot take them."""
PARALLEL_THRESHOLD = 2000
"""Below this many files a process pool costs more than it saves."""


@dataclass(frozen=True)
class AlumnusRecord:
    slug: str
    source: str
    line_of_cohort: int
    data: Alumnus
    line_of_checked: int = 0
    """Line of `terakhir_diperiksa` (or of the file's start), for `portal check` warnings."""
    line_of_certificates: tuple[int, ...] = ()
    line_of_photo: int = 0


@dataclass(frozen=True)
class ProgramRecord:
    slug: str
    source: str
    data: Program
    doc: LoadedYaml | None = field(default=None, compare=False, repr=False)
    """The parsed file, so checks across files can name the line of a cohort or session."""


@dataclass(frozen=True)
class CohortRef:
    program: ProgramRecord
    cohort: Cohort


@dataclass(frozen=True)
class ModuleRecord:
    slug: str
    source: str  # path relative to the project root
    docs_path: str  # path relative to docs/, as MkDocs names it
    meta: ModuleMeta
    reading_minutes: int = 1
    """Computed from the body's word count, so staff never type it."""
    line_of_prerequisites: tuple[int, ...] = ()


@dataclass
class Portal:
    root: Path
    alumni: list[AlumnusRecord] = field(default_factory=list)
    programs: list[ProgramRecord] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    modules: list[ModuleRecord] = field(default_factory=list)
    unchecked_cohorts: set[str] = field(default_factory=set)
    """Cohort ids named in program files that failed validation: alumni that
    point at them are not reported again for a problem that lies elsewhere."""

    @property
    def cohorts(self) -> dict[str, CohortRef]:
        return {c.id: CohortRef(p, c) for p in self.programs for c in p.data.cohorts}


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_alumnus_file(root: Path, path: Path) -> tuple[AlumnusRecord | None, Problems]:
    """One alumni file, checked on its own (cross-file checks need :func:`load_portal`)."""
    return _load_alumnus((str(path), _rel(path, root)))


def _load_alumnus(args: tuple[str, str]) -> tuple[AlumnusRecord | None, Problems]:
    path_str, display = args
    problems = Problems()
    path = Path(path_str)
    doc = load_yaml_file(path, display, problems)
    return _checked_alumnus(path, display, doc, problems)


def _checked_alumnus(path: Path, display: str, doc: LoadedYaml | None, problems: Problems) -> tuple[AlumnusRecord | None, Problems]:
    if doc is None:
        return None, problems
    slug = path.stem
    if slugify(slug) != slug:
        problems.add(display, 1, "", f"nama file harus huruf kecil, angka dan tanda hubung, mis. `{slugify(slug) or 'nama-usaha'}.yml`")
    elif slug in RESERVED_SLUGS:
        problems.add(display, 1, "", f"nama file `{slug}` dipakai untuk halaman daftar; beri nama lain, mis. `{slug}-nama-usaha.yml`")
    model = validate(Alumnus, doc, problems)
    if model is None or problems:
        return None, problems
    return AlumnusRecord(slug, display, doc.line_of(("angkatan",)), model,
                         doc.line_of(("terakhir_diperiksa",)),
                         tuple(doc.line_of(("sertifikasi", i)) for i in range(len(model.certifications))),
                         doc.line_of(("foto",))), problems


def _alumni_files(root: Path, problems: Problems) -> list[Path]:
    folder = root / "data" / "alumni"
    files: list[Path] = []
    if not folder.is_dir():
        return files
    for entry in sorted(folder.iterdir()):
        if entry.is_dir():
            if entry.name != "foto":
                problems.add(_rel(entry, root), 0, "", "folder tidak dikenal; data alumni ditulis satu file .yml per usaha, foto di `data/alumni/foto/`")
            continue
        if entry.suffix in YAML_SUFFIXES:
            files.append(entry)
        elif entry.name not in ("README.md", ".gitkeep"):
            problems.add(_rel(entry, root), 0, "", "file ini tidak dibaca: data alumni harus berakhiran .yml")
    return files


def load_alumni(root: Path, problems: Problems, workers: int | None = None,
                cache: BuildCache | None = None) -> list[AlumnusRecord]:
    files = _alumni_files(root, problems)
    jobs = [(str(f), _rel(f, root)) for f in files]
    # With a cache, only files whose bytes (or this code) changed are validated.
    results: list[tuple[AlumnusRecord | None, Problems] | None] = [None] * len(jobs)
    keys: list[str | None] = [None] * len(jobs)
    if cache is not None:
        for i, (path_str, display) in enumerate(jobs):
            try:
                content, _ = cache.content_key(Path(path_str), display)
            except OSError:
                continue  # unreadable: validation reports it
            keys[i] = cache.key("record", content)
            cache.record_key_of[display] = keys[i]
            record = cache.get(keys[i])
            if record is not None:
                results[i] = (record, Problems())
    todo = [i for i, r in enumerate(results) if r is None]
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(todo) >= PARALLEL_THRESHOLD else 1
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            fresh = list(pool.map(_load_alumnus, [jobs[i] for i in todo], chunksize=256))
    else:
        fresh = [_load_alumnus(jobs[i]) for i in todo]
    for i, result in zip(todo, fresh):
        results[i] = result
        if cache is not None and keys[i] is not None and result[0] is not None and not result[1]:
            cache.put(keys[i], result[0])
    records = []
    for record, found in results:
        problems.extend(found)
        if record is not None:
            records.append(record)
    by_slug = {}
    for record in records:
        if record.slug in by_slug:
            problems.add(record.source, 1, "", f"nama file sama dengan {by_slug[record.slug]} (.yml dan .yaml); hapus salah satu")
        by_slug[record.slug] = record.source
    return records


def load_programs(root: Path, problems: Problems, unchecked: set[str] | None = None) -> list[ProgramRecord]:
    folder = root / "data" / "programs"
    records = []
    if not folder.is_dir():
        problems.add("data/programs", 0, "", "folder program tidak ditemukan")
        return records
    for path in sorted(folder.iterdir()):
        display = _rel(path, root)
        if path.suffix not in YAML_SUFFIXES:
            if path.name not in ("README.md", ".gitkeep"):
                problems.add(display, 0, "", "file ini tidak dibaca: data program harus berakhiran .yml")
            continue
        doc = load_yaml_file(path, display, problems)
        if doc is None:
            continue
        model = validate(Program, doc, problems)
        if model is not None:
            _check_program(model, doc, problems)
            records.append(ProgramRecord(path.stem, display, model, doc))
        elif unchecked is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("angkatan"), list):
            unchecked.update(str(c.get("id")) for c in doc.data["angkatan"] if isinstance(c, dict))
    return records


def _check_program(program: Program, doc: LoadedYaml, problems: Problems) -> None:
    sources = {s.id for s in program.sources}
    for ci, cohort in enumerate(program.cohorts):
        for oi, outcome in enumerate(cohort.outcomes):
            if outcome.source not in sources:
                loc = ("angkatan", ci, "capaian", oi, "sumber")
                problems.add(doc.path, doc.line_of(loc), dotted(loc),
                             f"sumber `{outcome.source}` tidak ada di daftar `sumber` file ini")


def load_glossary(root: Path, problems: Problems) -> tuple[list[Term], LoadedYaml | None]:
    path = root / "data" / "glossary.yml"
    if not path.exists():
        return [], None
    doc = load_yaml_file(path, "data/glossary.yml", problems)
    if doc is None:
        return [], None
    model = validate(Glossary, doc, problems)
    return (list(model.terms) if model else []), doc


def load_modules(root: Path, problems: Problems) -> list[ModuleRecord]:
    docs = root / "docs"
    folder = docs / "modul"
    records = []
    if not folder.is_dir():
        return records
    for path in sorted(folder.rglob("*.md")):
        if path.name == "index.md":
            continue
        display = _rel(path, root)
        text = read_text(path, display, problems)
        if text is None:
            continue
        doc = parse_front_matter(text, display, problems)
        if doc is None:
            continue
        meta = validate(ModuleMeta, doc, problems)
        _, body = split_front_matter(text)
        check_structure(body, text[: len(text) - len(body)].count("\n") + 1, display, problems)
        if meta is not None:
            records.append(ModuleRecord(path.stem, display, _rel(path, docs), meta, reading_minutes(body),
                                        tuple(doc.line_of(("prasyarat", i)) for i in range(len(meta.prerequisites)))))
    return records


def _check_references(portal: Portal, glossary_doc: LoadedYaml | None, problems: Problems) -> None:
    cohorts: dict[str, str] = {}
    for program in portal.programs:
        for ci, cohort in enumerate(program.data.cohorts):
            if cohort.id in cohorts:
                loc = ("angkatan", ci, "id")
                problems.add(program.source, _line(program, loc), dotted(loc), f"id angkatan `{cohort.id}` sudah dipakai di {cohorts[cohort.id]}")
            cohorts[cohort.id] = program.source
    for record in portal.alumni:
        if record.data.cohort not in cohorts and record.data.cohort not in portal.unchecked_cohorts:
            from difflib import get_close_matches

            close = get_close_matches(record.data.cohort, list(cohorts), n=1)
            hint = f" Mungkin maksud Anda `{close[0]}`?" if close else ""
            problems.add(record.source, record.line_of_cohort, "angkatan",
                         f"angkatan `{record.data.cohort}` tidak ada di data/programs/.{hint}")
        if record.data.photo and not (portal.root / "data" / "alumni" / record.data.photo).is_file():
            problems.add(record.source, record.line_of_photo, "foto", f"file `data/alumni/{record.data.photo}` tidak ditemukan")
        elif record.data.photo:
            size = (portal.root / "data" / "alumni" / record.data.photo).stat().st_size
            if size > MAX_PHOTO_BYTES:
                problems.add(record.source, record.line_of_photo, "foto", f"foto terlalu besar ({size // 1024} KB); perkecil menjadi di bawah {MAX_PHOTO_BYTES // 1024} KB agar ringan dibuka di HP")
            elif message := check_photo(portal.root / "data" / "alumni" / record.data.photo):
                problems.add(record.source, record.line_of_photo, "foto", f"`data/alumni/{record.data.photo}`: {message}")

    modules: dict[str, str] = {}
    for module in portal.modules:
        if module.slug in modules:
            problems.add(module.source, 1, "", f"nama file modul sama dengan {modules[module.slug]}; nama file modul harus unik")
        modules[module.slug] = module.source
    for module in portal.modules:
        lines = module.line_of_prerequisites
        for i, prereq in enumerate(module.meta.prerequisites):
            if prereq not in modules:
                problems.add(module.source, lines[i] if i < len(lines) else 0, "prasyarat", f"modul prasyarat `{prereq}` tidak ada (tulis nama file modul tanpa .md)")
    for program in portal.programs:
        for ci, cohort in enumerate(program.data.cohorts):
            for si, session in enumerate(cohort.sessions):
                if session.module and session.module not in modules:
                    loc = ("angkatan", ci, "sesi", si, "modul")
                    problems.add(program.source, _line(program, loc), dotted(loc), f"modul `{session.module}` tidak ada di docs/modul/")

    if glossary_doc is not None:
        names: dict[str, int] = {}
        for i, term in enumerate(portal.glossary):
            key = term.term.lower()
            if key in names:
                problems.add(glossary_doc.path, glossary_doc.line_of(("istilah", i, "istilah")), f"istilah[{i + 1}].istilah",
                             f"istilah `{term.term}` sudah ada (item ke-{names[key] + 1})")
            names[key] = i
        for i, term in enumerate(portal.glossary):
            for j, related in enumerate(term.related):
                if related.lower() not in names:
                    loc = ("istilah", i, "terkait", j)
                    problems.add(glossary_doc.path, glossary_doc.line_of(loc), dotted(loc),
                                 f"istilah terkait `{related}` belum ada di glosarium")
            if term.module and term.module not in modules:
                loc = ("istilah", i, "modul")
                problems.add(glossary_doc.path, glossary_doc.line_of(loc), dotted(loc), f"modul `{term.module}` tidak ada")


def _line(program: ProgramRecord, loc: tuple) -> int:
    return program.doc.line_of(loc) if program.doc is not None else 0


def load_portal(root: Path | str, workers: int | None = None,
                cache: BuildCache | None = None) -> tuple[Portal, Problems]:
    """Read and check everything; the portal is only usable if no problems."""
    root = Path(root).resolve()
    problems = Problems()
    portal = Portal(root)
    portal.alumni = load_alumni(root, problems, workers, cache)
    portal.programs = load_programs(root, problems, portal.unchecked_cohorts)
    portal.glossary, glossary_doc = load_glossary(root, problems)
    portal.modules = load_modules(root, problems)
    _check_references(portal, glossary_doc, problems)
    return portal, problems


def load_valid_portal(root: Path | str) -> Portal:
    portal, problems = load_portal(root)
    if problems:
        raise DataError(problems)
    return portal
