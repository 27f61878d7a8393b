"""`portal server ...`: install and run self-hosted publishing (messages in Bahasa Indonesia)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .privacy import reference
from .server import CONFIG_NAME, Server, ServerError

DEFAULT_ROOT = "/srv/portal-ekspor"


def _out(text: str = "") -> None:
    print(text, flush=True)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _open(args) -> Server:
    if args.server:
        return Server.open(args.server)
    if os.environ.get("PORTAL_SERVER"):
        return Server.open(os.environ["PORTAL_SERVER"])
    if (Path.cwd() / CONFIG_NAME).is_file():
        return Server.open(Path.cwd())
    return Server.open(DEFAULT_ROOT)


def _must_own(server: Server) -> None:
    owner = server.root.stat().st_uid
    if os.geteuid() != owner:
        import pwd

        try:
            name = pwd.getpwuid(owner).pw_name
        except KeyError:
            name = str(owner)
        raise ServerError(f"Jalankan perintah ini sebagai pemilik folder server, pengguna `{name}`, "
                          f"mis. `sudo -u {name} portal server ...`, agar berkas yang dibuat tetap bisa dipakai hook git.")


def cmd_pasang(args) -> int:
    from .install import install

    server, fresh = install(Path(args.folder), python=args.python, branch=args.cabang, keep=args.simpan,
                            site_url=args.alamat, server_name=args.nama_server, listen=args.listen, user=args.pengguna)
    _out(f"Server Portal Ekspor {'terpasang' if fresh else 'diperbarui'} di {server.root}.")
    _out(f"  Repositori : {server.repo}  (cabang yang diterbitkan: {server.branch})")
    _out(f"  Situs      : {server.live}  (diisi pada git push pertama)")
    _out(f"  nginx      : {server.nginx_file}")
    _out(f"  Log        : {server.log_file}")
    _out(f"  Python     : {server.python}")
    _out("")
    _out("Langkah berikutnya (lihat deploy/README.md):")
    _out(f"  1. Aktifkan situs di nginx: cp {server.nginx_file} /etc/nginx/sites-available/portal-ekspor.conf")
    _out("     ln -s /etc/nginx/sites-available/portal-ekspor.conf /etc/nginx/sites-enabled/")
    _out("     lalu: nginx -t && systemctl reload nginx")
    _out(f"  2. Di komputer staf: git remote add server ssh://<pengguna>@<alamat-server>{server.repo}")
    _out(f"     lalu: git push server {server.branch}")
    if server.branch_head() and not (server.live.exists()):
        _out(f"  Repositori sudah berisi commit; terbitkan sekarang dengan `portal server rilis --server {server.root}`.")
    return 0


def cmd_rilis(args) -> int:
    from .hooks import go_live
    from .lock import server_lock
    from .release import build_release

    server = _open(args)
    _must_own(server)
    with server_lock(server, "rilis manual", _out):
        head = server.branch_head()
        if head is None:
            raise ServerError(f"Cabang {server.branch} belum berisi commit; lakukan `git push` dulu.")
        _out(f"Memeriksa dan membangun commit {head[:8]} (ujung cabang {server.branch})...")
        outcome = build_release(server, head, _out)
        if not outcome.ok:
            for line in outcome.messages:
                _err(line)
            _err("Situs tidak diterbitkan; situs yang tayang tidak berubah.")
            return 1
        go_live(server, outcome.release, "portal server rilis", say=_out)
    return 0


def cmd_rollback(args) -> int:
    from .rollback import rollback

    server = _open(args)
    _must_own(server)
    result = rollback(server, args.rilis, force=args.paksa, say=_out)
    _out(f"Rilis {result.target.describe()} tayang lagi" + (f", menggantikan {result.previous.id}." if result.previous else "."))
    if result.republished:
        _out(f"Profil yang sebelumnya diturunkan kini tayang lagi: {', '.join(result.republished)}.")
    _out(f"Isi repositori tidak berubah: `git push` berikutnya menerbitkan ujung cabang {server.branch} seperti biasa.")
    _out("Bila situs memakai CDN, bersihkan cache-nya agar pembaca langsung melihat rilis ini.")
    return 0


def cmd_pangkas(args) -> int:
    from .prune import prune

    server = _open(args)
    _must_own(server)
    if args.riwayat and not args.slug:
        raise ServerError("--riwayat perlu slug profil yang disebut, mis. `portal server pangkas kopi-lereng-talang --riwayat`.")
    result = prune(server, args.slug or None, say=_out, history=args.riwayat)
    if not result.slugs:
        _out("Tidak ada profil yang tercatat diturunkan; tidak ada yang dipangkas. Sebutkan slug profil bila perlu.")
        return 0
    if result.still_live:
        _err(f"PERHATIAN: {', '.join(result.still_live)} masih tayang di rilis yang aktif; tidak ada yang dipangkas. "
             "Turunkan dulu lewat data (profil_publik: false atau hapus file alumni), git push, lalu jalankan "
             "perintah ini lagi.")
        return 1
    _out(f"Profil: {', '.join(result.slugs)}")
    if result.removed:
        _out(f"{len(result.removed)} rilis lama dihapus: {', '.join(result.removed)}.")
    if result.rebuilt:
        _out(f"Dibangun ulang tanpa profil itu (tetap bisa menjadi tujuan rollback): {', '.join(result.rebuilt)}.")
    if not result.removed and not result.rebuilt:
        _out("Tidak ada rilis lama yang masih memuatnya.")
    _out("Log, catatan rilis dan daftar profil yang diturunkan kini hanya memuat rujukannya: "
         + ", ".join(reference(server, s) for s in result.slugs) + ".")
    if result.history:
        _out(f"Riwayat repositori server ditulis ulang; dihapus dari semua commit: {', '.join(result.history)}.")
        _out("PENTING: semua salinan lain (laptop staf, cermin GitHub/GitLab) masih memuat riwayat lama. "
             "Lihat deploy/README.md, bagian \"Menghapus dari riwayat repositori\".")
    elif args.slug:
        _out("Riwayat repositori server masih memuat profil itu; hapus juga dengan menambahkan --riwayat "
             "(lihat deploy/README.md).")
    return 0


def cmd_ref(args) -> int:
    server = _open(args)
    _must_own(server)
    for slug in args.slug:
        _out(f"{slug}  {reference(server, slug)}")
    return 0


def cmd_status(args) -> int:
    from . import log
    from .lock import holder
    from . import pending
    from .releases import all_releases, live_id, takedowns, taken_down_in

    server = _open(args)
    head = server.branch_head()
    current = live_id(server)
    releases = all_releases(server)
    live = next((r for r in releases if r.id == current), None)
    _out(f"Server Portal Ekspor: {server.root}")
    if head:
        subject = server.git("log", "-1", "--format=%s", head, check=False)
        _out(f"Repositori : cabang {server.branch} di commit {head[:8]} ({subject})")
    else:
        _out(f"Repositori : cabang {server.branch} belum berisi commit")
    if live is None:
        _out("Tayang     : belum ada rilis yang tayang")
    else:
        since = (live.manifest.get("tayang") or [{}])[-1].get("waktu", "?")
        _out(f"Tayang     : rilis {live.id}, commit {live.commit[:8]}, {len(live.profiles)} profil, sejak {since}")
        if head and live.commit != head:
            _out(f"             PERHATIAN: bukan ujung cabang {server.branch} (rollback, atau penerbitan terakhir gagal). "
                 "`portal server rilis` menerbitkan ujung cabang.")
    busy = holder(server)
    _out(f"Sedang     : {busy.get('tugas', 'bekerja')} (pid {busy.get('pid', '?')}, sejak {busy.get('sejak', '?')})" if busy is not None
         else "Sedang     : tidak ada pembangunan berjalan")
    record = pending.read(server)
    if record is not None:
        if pending.alive(record):
            _out(f"Tertunda   : commit {record['commit'][:8]} lolos pemeriksaan (rilis {record.get('rilis')}); "
                 f"git sedang memperbarui cabang, sejak {record.get('sejak', '?')}")
        else:
            _out(f"TERPUTUS   : kiriman commit {record['commit'][:8]} (rilis {record.get('rilis')}) berhenti di tengah "
                 f"jalan sejak {record.get('sejak', '?')}. Perintah server berikutnya (mis. `portal server rilis`) "
                 "menyelesaikan atau membatalkannya.")
    last = _last_outcome(log.tail(server, 200))
    if last and last.split()[3] == "GAGAL":
        _out(f"GAGAL      : {last.split('GAGAL', 1)[1].strip()}")
    _out(f"Rilis disimpan ({len(releases)}, paling banyak {server.keep}):")
    for release in reversed(releases):
        mark = "*" if release.id == current else " "
        state = "tayang" if release.id == current else ("ditarik" if release.withdrawn else ("pernah tayang" if release.was_live else "belum tayang"))
        _out(f"  {mark} {release.id}  {len(release.profiles):>5} profil  {state:<13}  {release.manifest.get('pesan', '')}")
    register = takedowns(server)
    if register:
        from .prune import releases_containing

        holding = [r for r in releases if r.id != current and taken_down_in(server, r, register)]
        _out(f"Profil diturunkan: {len(register)} (rujukan: {', '.join(sorted(register))})")
        if holding:
            _out(f"  masih ada di {len(holding)} rilis lama; hapus dengan `portal server pangkas`.")
    lines = log.tail(server, args.log)
    if lines:
        _out(f"Log terakhir ({server.log_file}):")
        for line in lines:
            _out("  " + line)
    return 0


def _last_outcome(lines: list[str]) -> str | None:
    """The newest event that ended a build or a push (a failure shows until the next success)."""
    events = [line for line in lines if line[:1].isdigit() and len(line.split()) > 3]
    ends = [line for line in events if line.split()[3] in ("LOLOS", "DITOLAK", "GAGAL", "TAYANG", "ROLLBACK")]
    return ends[-1] if ends else None


def cmd_csp(args) -> int:
    from .csp import secure_site

    folder = Path(args.folder_situs)
    if not (folder / "index.html").is_file():
        _err(f"{folder} bukan hasil build situs (tidak ada index.html). Jalankan `portal build` dulu.")
        return 2
    count = secure_site(folder)
    _out(f"{count} halaman di {folder} diberi kebijakan keamanan skrip (CSP).")
    return 0


def run(args) -> int:
    os.umask(0o022)  # whatever is written must stay readable by nginx and usable by the git hooks
    try:
        return args.server_func(args)
    except ServerError as exc:
        _err(str(exc))
        return 1


def add_parser(sub) -> None:
    """Register `portal server` under the main parser's subcommands."""
    # Explicit prog names: argparse would otherwise build them through the
    # usage formatter and repeat its "Penggunaan:" prefix.
    p = sub.add_parser("server", prog="portal server", help="terbitkan lewat git push ke server sendiri (pasang, rilis, rollback, pangkas, status)",
                       description="Penerbitan di server kantor sendiri: staf `git push`, server memeriksa dan membangun, "
                                   "lalu mengganti situs yang tayang sekaligus. Lihat deploy/README.md.")
    p.set_defaults(func=run)
    actions = p.add_subparsers(dest="tindakan", title="tindakan", metavar="TINDAKAN", parser_class=type(p),
                               prog="portal server")
    actions.required = True

    def with_server(q):
        q.add_argument("--server", help=f"folder server (bawaan: $PORTAL_SERVER, folder saat ini, atau {DEFAULT_ROOT})")
        return q

    q = actions.add_parser("pasang", help="buat atau perbarui folder server: repositori, hook git, konfigurasi nginx",
                           description="Buat repositori bare dengan hook yang memeriksa, membangun dan menerbitkan setiap "
                                       "git push ke cabang utama. Aman dijalankan lagi untuk memperbarui.")
    q.add_argument("folder", help=f"folder server, mis. {DEFAULT_ROOT}")
    q.add_argument("--python", help="Python yang memuat Portal Ekspor (bawaan: Python yang menjalankan perintah ini)")
    q.add_argument("--cabang", help="cabang yang diterbitkan (bawaan: main)")
    q.add_argument("--simpan", type=int, help="jumlah rilis yang disimpan untuk rollback, termasuk yang tayang (bawaan: 5)")
    q.add_argument("--alamat", help="alamat situs, mis. https://portal-ekspor.jatengprov.go.id/ (untuk sitemap dan data terbuka)")
    q.add_argument("--nama-server", help="server_name nginx, mis. portal-ekspor.jatengprov.go.id")
    q.add_argument("--listen", action="append", help="alamat listen nginx, boleh berulang (bawaan: 80 dan [::]:80)")
    q.add_argument("--pengguna", help="pengguna pemilik folder, mis. git (bila dijalankan sebagai root)")
    q.set_defaults(server_func=cmd_pasang)

    q = with_server(actions.add_parser("rilis", help="bangun ujung cabang utama dan tayangkan (tanpa git push)",
                                       description="Bangun ulang ujung cabang utama dan tayangkan, mis. setelah Python "
                                                   "atau tema di server diperbarui."))
    q.set_defaults(server_func=cmd_rilis)

    q = with_server(actions.add_parser("rollback", help="tayangkan lagi rilis sebelumnya",
                                       description="Ganti situs yang tayang dengan rilis sebelumnya (atau RILIS yang "
                                                   "disebut). Isi repositori tidak berubah."))
    q.add_argument("rilis", nargs="?", help="id rilis atau awal commit-nya (bawaan: rilis yang tayang sebelumnya)")
    q.add_argument("--paksa", action="store_true", help="tetap tayangkan walau memuat profil yang sudah diturunkan")
    q.set_defaults(server_func=cmd_rollback)

    q = with_server(actions.add_parser("pangkas", help="hapus rilis lama yang masih memuat profil yang diturunkan",
                                       description="Hapus rilis simpanan yang masih memuat profil yang sudah diturunkan "
                                                   "(UU 27/2022). Tanpa SLUG: semua profil yang tercatat diturunkan."))
    q.add_argument("slug", nargs="*", help="nama file alumni tanpa .yml, mis. kopi-lereng-talang")
    q.add_argument("--riwayat", action="store_true",
                   help="hapus juga dari riwayat repositori server (git-filter-repo; salinan lain harus di-clone ulang)")
    q.set_defaults(server_func=cmd_pangkas)

    q = with_server(actions.add_parser("ref", help="tampilkan rujukan profil seperti tercatat di log",
                                       description="Log hanya mencatat rujukan (hash berkunci) profil yang diturunkan, "
                                                   "bukan namanya. Perintah ini menghitung rujukan untuk SLUG."))
    q.add_argument("slug", nargs="+", help="nama file alumni tanpa .yml")
    q.set_defaults(server_func=cmd_ref)

    q = with_server(actions.add_parser("status", help="tampilkan rilis yang tayang, rilis simpanan dan log terakhir",
                                       description="Ringkasan server: commit terakhir, rilis yang tayang, rilis simpanan, "
                                                   "profil yang diturunkan, dan log."))
    q.add_argument("--log", type=int, default=10, help="jumlah kejadian log yang ditampilkan (bawaan: 10)")
    q.set_defaults(server_func=cmd_status)

    q = actions.add_parser("csp", help="pasang kebijakan keamanan skrip (CSP) di hasil build, mis. untuk GitHub/GitLab Pages",
                           description="Tambahkan ke setiap halaman kebijakan CSP berisi hash skrip inline-nya. "
                                       "Rilis di server sendiri sudah mendapatkannya otomatis.")
    q.add_argument("folder_situs", metavar="FOLDER", help="folder hasil build, mis. site")
    q.set_defaults(server_func=cmd_csp)
