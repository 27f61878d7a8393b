"""The bare repository's hooks: `python -m portal_ekspor.deploy.hooks pre-receive|post-receive ROOT`.

pre-receive  runs before git accepts the push and can still refuse it: the
             pushed commit is checked and built into a release. Problems refuse
             the push, with the messages, and nothing changes.
post-receive runs once the branch has moved: the release built for the new
             tip goes live, old releases are dropped.

Switching in post-receive rather than at the end of pre-receive matters when
two staff push at once: git moves the branch only for one of them (compare and
swap), and only that push reaches post-receive, so the live site always
matches the branch. Both hooks hold the server lock while they work.

Whatever the hooks print to stderr reaches the person pushing, prefixed
"remote:" by git.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from . import log
from .lock import server_lock
from .release import build_release
from .releases import Release, newest_for_commit, publish, retain
from .server import ZERO, Server, ServerError

RULE = "-" * 68


def say(text: str = "") -> None:
    try:
        print(text, file=sys.stderr, flush=True)
    except BrokenPipeError:
        # The pusher went away; keep working so the server stays consistent.
        pass


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"sinyal {signum}")


def _updates(stream) -> list[tuple[str, str, str]]:
    out = []
    for line in stream:
        parts = line.split()
        if len(parts) == 3:
            out.append((parts[0], parts[1], parts[2]))
    return out


def refuse(reason: str, details: list[str] | None = None) -> int:
    say(RULE)
    say(f"KIRIMAN DITOLAK: {reason}")
    say("Situs yang tayang tidak berubah.")
    if details:
        say()
        for line in details:
            say(line)
    say(RULE)
    return 1


def pre_receive(server: Server, updates: list[tuple[str, str, str]]) -> int:
    mine = [u for u in updates if u[2] == server.ref]
    if not mine:
        return 0
    old, new, _ = mine[0]
    if new == ZERO:
        return refuse(f"cabang {server.branch} tidak boleh dihapus; situs diterbitkan dari cabang ini.")
    say(f"Portal Ekspor: memeriksa dan membangun commit {new[:8]} sebelum diterbitkan...")
    with server_lock(server, f"pemeriksaan commit {new[:8]}", say):
        current = server.branch_head() or ZERO
        if current != old:
            return refuse(f"cabang {server.branch} di server sudah berubah sejak Anda mengambilnya "
                          "(ada kiriman lain yang lebih dulu).",
                          ["Jalankan `git pull`, lalu `git push` lagi."])
        outcome = build_release(server, new, say)
    if not outcome.ok:
        return refuse("data atau halaman belum bisa diterbitkan.", outcome.messages + [
            "", "Perbaiki di komputer Anda, jalankan `portal check` sampai muncul \"Semua data valid\",",
            "simpan sebagai commit baru, lalu `git push` lagi."])
    say(f"Lolos pemeriksaan; situs baru selesai dibangun ({outcome.seconds:.1f} detik).")
    return 0


def go_live(server: Server, release: Release, how: str, say=say) -> None:
    """Switch to the release and tell the pusher what that changed. Lock held."""
    previous, removed = publish(server, release, how)
    dropped = retain(server)
    log.write(server, "TAYANG", f"rilis {release.describe()} tayang" + (f", menggantikan {previous.id}" if previous else ""),
              [f"profil tidak tayang lagi: {', '.join(removed)}"] if removed else [])
    if dropped:
        log.write(server, "DIPANGKAS", f"rilis lama dihapus (disimpan {server.keep}): {', '.join(dropped)}")
    say(f"Situs baru sudah tayang: rilis {release.id}.")
    if removed:
        from .prune import releases_containing

        say(f"Profil yang tidak tayang lagi: {', '.join(removed)}.")
        holding = releases_containing(server, removed)
        if holding:
            say(f"{len(holding)} rilis lama di server masih memuatnya (tidak tayang). Tim teknis menghapusnya dengan:")
            say(f"    portal server pangkas {' '.join(removed)}")
        say("Bila situs memakai CDN, bersihkan cache-nya (Panduan Staf: Persetujuan dan penghapusan).")


def post_receive(server: Server, updates: list[tuple[str, str, str]]) -> int:
    mine = [u for u in updates if u[2] == server.ref and u[1] != ZERO]
    if not mine:
        return 0
    new = mine[0][1]
    with server_lock(server, f"penerbitan commit {new[:8]}", say):
        if server.branch_head() != new:
            log.write(server, "DILEWATI", f"{server.branch} {new[:8]}: sudah ada kiriman yang lebih baru")
            say("Sudah ada kiriman yang lebih baru; situs diterbitkan dari kiriman itu.")
            return 0
        release = newest_for_commit(server, new)
        if release is None:
            # Built in pre-receive but gone since (deleted by hand?): build again.
            outcome = build_release(server, new, say)
            if not outcome.ok:
                say(RULE)
                say("Commit sudah diterima, tetapi situsnya gagal dibangun ulang; situs yang tayang tidak berubah.")
                for line in outcome.messages:
                    say(line)
                say("Minta tim teknis memeriksa `portal server status`.")
                say(RULE)
                return 1
            release = outcome.release
        go_live(server, release, "git push")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] not in ("pre-receive", "post-receive"):
        say("Penggunaan: python -m portal_ekspor.deploy.hooks pre-receive|post-receive FOLDER_SERVER")
        return 2
    hook, root = argv
    os.umask(0o022)  # releases must stay readable by the web server's user
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _interrupt)
    updates = _updates(sys.stdin)
    try:
        server = Server.open(Path(root))
        return (pre_receive if hook == "pre-receive" else post_receive)(server, updates)
    except ServerError as exc:
        return refuse(str(exc)) if hook == "pre-receive" else (say(str(exc)) or 1)
    except KeyboardInterrupt:
        if hook == "pre-receive":
            return refuse("pemeriksaan dihentikan sebelum selesai.")
        say("Dihentikan sebelum selesai; tim teknis dapat memeriksa dengan `portal server status`.")
        return 1
    except Exception as exc:  # staff must never see a traceback, and the push must fail safe
        try:
            log.write(Server.open(Path(root)), "GAGAL", f"{hook}: kesalahan tak terduga: {exc.__class__.__name__}: {exc}")
        except Exception:
            pass
        message = f"kesalahan tak terduga di server ({exc.__class__.__name__}: {exc}). Laporkan ke tim teknis."
        return refuse(message) if hook == "pre-receive" else (say(message) or 1)


if __name__ == "__main__":
    sys.exit(main())
