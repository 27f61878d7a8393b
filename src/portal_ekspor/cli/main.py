"""`portal`: check, build, scaffold, import and describe Portal Ekspor data.

Staff run this from a terminal, so every message, including argparse's own,
is in Bahasa Indonesia, and no traceback ever reaches them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..problems import Problems

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_KILLED = 3
"""The builder died from a signal (out of memory, killed): not the data's fault."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix if prefix is not None else "Penggunaan: ")


# argparse's own error texts, in the order they must be replaced: a phrase
# that contains another ("expected one argument" holds "argument") comes first.
_ARGPARSE_MESSAGES = (
    ("the following arguments are required", "argumen berikut wajib diisi"),
    ("unrecognized arguments", "argumen tidak dikenal"),
    ("expected at least one argument", "perlu minimal satu nilai"),
    ("expected one argument", "perlu satu nilai"),
    ("invalid choice", "pilihan tidak valid"),
    ("choose from", "pilih dari"),
    ("invalid int value", "bukan bilangan bulat"),
    ("ambiguous option", "opsi tidak jelas"),
    ("could match", "bisa berarti"),
    ("argument", "argumen"),
)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="tampilkan bantuan ini lalu keluar")

    def error(self, message):
        translated = message
        for english, indonesian in _ARGPARSE_MESSAGES:
            translated = translated.replace(english, indonesian)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: galat: {translated}\n")


def _root(args) -> Path:
    return Path(args.folder).resolve()


def _print_problems(problems: Problems) -> None:
    print(problems.report(), file=sys.stderr)


def _check_cache(root: Path):
    """The build cache on disk, so `portal check` (also run by `make serve`) revalidates only changed files.

    Only records that passed validation are cached, so every problem is found again on every run."""
    from ..cache import BuildCache
    from ..settings import cache_folder

    folder = cache_folder(root)  # None also for a broken mkdocs.yml: the build reports it; the data is still checked
    return BuildCache(folder) if folder is not None else None


def cmd_check(args) -> int:
    from ..repository import load_portal

    started = time.perf_counter()
    root = _root(args)
    portal, problems = load_portal(root, cache=_check_cache(root))
    if problems:
        _print_problems(problems)
        return EXIT_PROBLEMS
    from ..freshness import freshness_warnings, warnings_report

    warnings = freshness_warnings(portal)
    if warnings:
        print(warnings_report(warnings), file=sys.stderr)
    public = sum(1 for a in portal.alumni if a.data.consent.public_profile)
    print(f"Semua data valid: {len(portal.alumni)} alumni ({public} tampil publik), {len(portal.programs)} program, "
          f"{len(portal.modules)} modul, {len(portal.glossary)} istilah glosarium "
          f"({time.perf_counter() - started:.1f} detik).")
    return EXIT_OK


def cmd_build(args) -> int:
    from ..publish import build_site

    # The data is validated once, by the build itself (the MkDocs hook), which
    # stops with the same `file:baris: kolom: pesan` report before writing anything.
    root = _root(args)
    output = Path(args.keluaran).resolve() if args.keluaran else root / "site"
    code = build_site(root, output, quiet=not args.rinci)
    if code < 0:
        print(f"Pembangunan situs terhenti: proses MkDocs mati oleh sinyal {-code} (mis. memori habis atau "
              "dihentikan petugas), bukan karena data. Situs yang sudah ada tidak diubah.", file=sys.stderr)
        return EXIT_KILLED
    if code != 0:
        print("Pembangunan situs gagal; situs yang sudah ada tidak diubah.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Situs selesai dibangun di {output}.")
    from ..site_address import is_local, local_address_warning, site_url

    address = site_url(root)
    if is_local(address):
        print(local_address_warning(address), file=sys.stderr)
    return EXIT_OK


def _ask(prompt: str, choices: list[str] | None = None) -> str:
    if not sys.stdin.isatty():
        raise SystemExit(f"Isian `{prompt}` belum diberikan. Tambahkan opsinya (lihat `portal new --help`).")
    hint = f" ({', '.join(choices)})" if choices and len(choices) <= 12 else ""
    while True:
        value = input(f"{prompt}{hint}: ").strip()
        if value and (not choices or value in choices):
            return value
        print("Isian tidak valid, coba lagi.")


def cmd_new(args) -> int:
    from .. import scaffold
    from ..reference.catalogues import LEGAL_FORMS, LEVELS, SECTORS
    from ..repository import load_portal

    root = _root(args)
    if args.jenis == "modul":
        title = args.nama or _ask("Judul modul")
        level = args.tingkat or _ask("Tingkat", list(LEVELS))
        if level not in LEVELS:
            print(f"Tingkat `{level}` tidak dikenal; pilih {', '.join(LEVELS)}.", file=sys.stderr)
            return EXIT_USAGE
        target = scaffold.target_for_module(root, level, title)
        text = scaffold.module_text(title, level, args.sesi or 1)
    else:
        portal, _ = load_portal(root)
        cohorts = portal.cohorts
        name = args.nama or _ask("Nama usaha")
        cohort = args.angkatan or _ask("Angkatan", sorted(cohorts))
        if cohort not in cohorts:
            print(f"Angkatan `{cohort}` tidak ada. Pilihan: {', '.join(sorted(cohorts))}", file=sys.stderr)
            return EXIT_USAGE
        target = scaffold.target_for_alumnus(root, name)
        text = scaffold.alumnus_text(
            name=name,
            legal_form=args.bentuk or _ask("Bentuk usaha", list(LEGAL_FORMS)),
            province=cohorts[cohort].program.data.province,
            regency=args.kabupaten or _ask("Kabupaten/kota"),
            sector=args.sektor or _ask("Sektor", list(SECTORS)),
            cohort=cohort,
            product=args.produk or _ask("Nama produk utama"),
            hs_code=args.hs or _ask("Kode HS produk (4-10 angka)"),
            product_en=args.produk_en,
        )
    if target.exists():
        print(f"{target.relative_to(root)} sudah ada; file tidak ditimpa. Pilih nama lain atau sunting file itu.", file=sys.stderr)
        return EXIT_PROBLEMS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    rel = target.relative_to(root)
    from ..repository import load_portal as _reload

    _, problems = _reload(root)
    mine = [p for p in problems if p.path == rel.as_posix()]
    if mine:
        # The template produced something invalid from the answers: show why and keep the file for editing.
        for p in mine:
            print(str(p), file=sys.stderr)
        print(f"{rel} dibuat, tetapi perlu diperbaiki seperti di atas.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{rel} dibuat. Lengkapi isinya, lalu jalankan `portal check`.")
    return EXIT_OK


def cmd_import(args) -> int:
    from ..csv_import import import_csv, template_csv

    root = _root(args)
    if args.contoh:
        sys.stdout.write(template_csv())
        return EXIT_OK
    if not args.file:
        print("Sebutkan file CSV yang akan diimpor, mis. `portal import alumni.csv`.", file=sys.stderr)
        return EXIT_USAGE
    path = Path(args.file)
    if not path.is_file():
        print(f"File {path} tidak ditemukan.", file=sys.stderr)
        return EXIT_USAGE
    result = import_csv(path, root / "data" / "alumni", overwrite=args.timpa, dry_run=args.coba)
    verb = "akan ditulis" if args.coba else "ditulis"
    for target in result.written:
        print(f"{target.relative_to(root)} {verb}")
    for target in result.skipped_existing:
        print(f"{target.relative_to(root)} sudah ada, tidak ditimpa (pakai --timpa untuk menimpa)", file=sys.stderr)
    if result.problems:
        _print_problems(result.problems)
        print("Baris yang bermasalah tidak ditulis sama sekali.", file=sys.stderr)
    print(f"{len(result.written)} profil {verb}, {len(result.skipped_existing)} dilewati, {len(result.problems)} masalah.")
    return EXIT_PROBLEMS if result.problems or result.skipped_existing else EXIT_OK


def cmd_schema(args) -> int:
    from ..schema import write_schemas

    root = _root(args)
    for path in write_schemas(root / "schema"):
        print(f"{path.relative_to(root)} ditulis")
    print("Lihat docs/panduan-staf/editor.md untuk memasang pemeriksaan otomatis di VS Code.")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="portal", description="Alat kerja staf Portal Ekspor: periksa, bangun dan tambah data portal.")
    parser.add_argument("--folder", default=".", help="folder proyek portal (bawaan: folder saat ini)")
    sub = parser.add_subparsers(dest="perintah", title="perintah", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("check", help="periksa semua data dan modul; tampilkan semua masalah sekaligus",
                       description="Periksa semua file di data/ dan docs/modul/. Setiap masalah ditulis sebagai file:baris: kolom: pesan.")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("build", help="bangun situs ke folder site/ (hanya diganti bila berhasil)",
                       description="Periksa data lalu bangun situs. Situs lama baru diganti setelah situs baru selesai utuh.")
    p.add_argument("--keluaran", help="folder hasil (bawaan: site)")
    p.add_argument("--rinci", action="store_true", help="tampilkan log pembangunan lengkap")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("new", help="buat file alumni atau modul baru dari templat",
                       description="Buat file baru dari templat. Isian yang tidak diberikan lewat opsi akan ditanyakan.")
    p.add_argument("jenis", choices=["alumni", "modul"], help="alumni atau modul")
    p.add_argument("nama", nargs="?", help="nama usaha (alumni) atau judul modul")
    p.add_argument("--angkatan", help="id angkatan, mis. ecp-sumbar-2023 (alumni)")
    p.add_argument("--bentuk", help="bentuk usaha: pt, cv, ud, koperasi, perorangan ... (alumni)")
    p.add_argument("--kabupaten", help="kabupaten/kota (alumni)")
    p.add_argument("--sektor", help="sektor usaha (alumni)")
    p.add_argument("--produk", help="nama produk utama (alumni)")
    p.add_argument("--hs", help="kode HS produk utama (alumni)")
    p.add_argument("--produk-en", dest="produk_en", help="nama produk utama dalam bahasa Inggris, untuk halaman pembeli (alumni; boleh dikosongkan)")
    p.add_argument("--tingkat", help="pemula, menengah atau mahir (modul)")
    p.add_argument("--sesi", type=int, help="sesi ke berapa, 1-8 (modul)")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("import", help="ubah CSV (spreadsheet/Google Forms) menjadi file alumni",
                       description="Setiap baris CSV menjadi satu file data/alumni/<nama>.yml. Baris bermasalah tidak ditulis; file yang sudah ada tidak ditimpa.")
    p.add_argument("file", nargs="?", help="file CSV")
    p.add_argument("--contoh", action="store_true", help="cetak baris judul CSV yang dikenali, untuk dijadikan templat")
    p.add_argument("--timpa", action="store_true", help="timpa file alumni yang sudah ada")
    p.add_argument("--coba", action="store_true", help="periksa saja, jangan tulis file")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("schema", help="tulis JSON Schema ke folder schema/ untuk pemeriksaan di editor",
                       description="Tulis JSON Schema agar VS Code dan editor lain melengkapi dan memeriksa YAML saat diketik.")
    p.set_defaults(func=cmd_schema)

    # Self-hosted publishing by git push: `portal server pasang|rilis|rollback|pangkas|status`.
    from ..deploy.cli import add_parser as add_server_parser

    add_server_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("\nDibatalkan.", file=sys.stderr)
        return 130
    except SystemExit:
        raise
    except Exception as exc:  # last resort: staff must never see a traceback
        print(f"Terjadi kesalahan tak terduga: {exc.__class__.__name__}: {exc}\n"
              "Laporkan pesan ini ke tim pengembang portal.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
