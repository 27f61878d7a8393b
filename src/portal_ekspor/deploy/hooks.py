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

from . import log, pending
from .lock import server_lock
from .privacy import references
from .release import FAULT_ENV, build_release
from .releases import Release, live_id, live_release, load, newest_for_commit, record_live, retain, switch_live, update_archive
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
        # The lock (with tertunda.json) covers everything up to git's branch
        # update: a push that lost the race is refused here, before building.
        current = server.branch_head() or ZERO
        if current != old:
            log.write(server, "DITOLAK", f"{server.branch} {new[:8]}: cabang sudah berubah sejak diambil; tidak dibangun")
            return refuse(f"cabang {server.branch} di server sudah berubah sejak Anda mengambilnya "
                          "(ada kiriman lain yang lebih dulu).",
                          ["Jalankan `git pull`, lalu `git push` lagi."])
        if old != ZERO and server.git("merge-base", "--is-ancestor", old, new, check=False, status=True) != 0:
            log.write(server, "DITOLAK", f"{server.branch} {new[:8]}: menimpa riwayat (force push); tidak dibangun")
            return refuse(f"kiriman ini menimpa riwayat cabang {server.branch} (force push); itu tidak diizinkan.",
                          ["Jalankan `git pull`, lalu `git push` lagi tanpa --force."])
        from .history import forbidden_in

        if forbidden_in(server, new):
            log.write(server, "DITOLAK", f"{server.branch} {new[:8]}: membawa riwayat lama yang sudah dihapus")
            return refuse("kiriman ini membawa kembali riwayat lama yang sudah dihapus dari server "
                          "(profil yang diturunkan).",
                          ["Salinan proyek Anda dibuat sebelum riwayat server ditulis ulang. Jangan `git pull`:",
                           "simpan perubahan Anda di luar folder, hapus salinan itu, `git clone` ulang dari server,",
                           "salin perubahan Anda ke salinan baru, lalu commit dan `git push` lagi."])
        outcome = build_release(server, new, say)
        if outcome.ok:
            pending.write(server, {"commit": new, "lama": old, "rilis": outcome.release.id, **pending.owner(),
                                   "sejak": log.now(), "tahap": "dibangun"})
    if not outcome.ok and outcome.kind == "DITOLAK":
        return refuse("data atau halaman belum bisa diterbitkan.", outcome.messages + [
            "", "Perbaiki di komputer Anda, jalankan `portal check` sampai muncul \"Semua data valid\",",
            "simpan sebagai commit baru, lalu `git push` lagi."])
    if not outcome.ok:
        return refuse("pembangunan di server gagal; ini bukan kesalahan data Anda.", outcome.messages + [
            "", "Coba `git push` lagi sebentar lagi. Bila terulang, minta tim teknis memeriksa `portal server status`."])
    say(f"Lolos pemeriksaan; situs baru selesai dibangun ({outcome.seconds:.1f} detik).")
    return 0


def reference_transaction(server: Server, state: str, updates: list[tuple[str, str, str]]) -> int:
    """git runs this while it updates refs. In state `prepared` the branch is
    locked and about to move: the switch of `live` happens here, so that if it
    fails or this process is killed, git aborts the update and the push fails
    visibly; in state `aborted` a switch already made is undone."""
    mine = [u for u in updates if u[2] == server.ref and u[1] != ZERO]
    if not mine or state not in ("prepared", "aborted"):
        return 0
    new = mine[0][1]
    record = pending.read(server)
    if not (record and record["commit"] == new and pending.mine(record)):
        return 0  # not a push checked by pre-receive (e.g. the history rewrite of a takedown)
    if state == "aborted":
        from .recover import settle

        with server_lock(server, f"pembatalan commit {new[:8]}", say):
            settle(server, record, say)
        say(RULE)
        say(f"KIRIMAN GAGAL: git tidak memperbarui cabang {server.branch}; situs yang tayang tidak berubah.")
        say("Coba `git push` lagi. Bila terulang, minta tim teknis memeriksa `portal server status`.")
        say(RULE)
        return 0
    with server_lock(server, f"penggantian situs ke commit {new[:8]}", say):
        release = load(server, record["rilis"])
        if release is None:
            say(f"Rilis {record['rilis']} hilang dari server; kiriman dibatalkan.")
            return 1
        record.update(sebelumnya=live_id(server), tahap="ditukar")
        pending.write(server, record)  # first: whoever settles a crash knows what to restore
        _fault("sebelum-tukar")
        update_archive(server, release.id)
        switch_live(server, release)
        _fault("setelah-tukar")
    return 0


def finish(server: Server, release: Release, previous: Release | None, how: str, say=say) -> None:
    """Record a switch that happened and tell the pusher what it changed. Lock held."""
    removed = record_live(server, release, previous, how)
    dropped = retain(server)
    log.write(server, "TAYANG", f"rilis {release.describe()} tayang" + (f", menggantikan {previous.id}" if previous else ""),
              [f"profil tidak tayang lagi: {references(server, removed)}"] if removed else [])
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


def go_live(server: Server, release: Release, how: str, say=say) -> None:
    """Switch to the release and record it (rilis, and pushes from hooks
    installed before the reference-transaction hook). Lock held."""
    previous = live_release(server)
    update_archive(server, release.id)
    switch_live(server, release)
    finish(server, release, previous, how, say)


def post_receive(server: Server, updates: list[tuple[str, str, str]]) -> int:
    mine = [u for u in updates if u[2] == server.ref and u[1] != ZERO]
    if not mine:
        return 0
    new = mine[0][1]
    _fault("post-receive")
    with server_lock(server, f"penerbitan commit {new[:8]}", say):
        record = pending.read(server)
        if record and record["commit"] == new and pending.mine(record):
            release = load(server, record["rilis"])
            previous = load(server, record["sebelumnya"]) if record.get("sebelumnya") else None
            if release is not None:
                if live_id(server) != release.id:
                    update_archive(server, release.id)
                    switch_live(server, release)
                finish(server, release, previous, "git push")
                pending.clear(server)
                return 0
            pending.clear(server)
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


def _fault(point: str) -> None:
    """Test hook (PORTAL_RILIS_UJI_GAGAL): die by SIGKILL at `point`, like a power cut."""
    if os.environ.get(FAULT_ENV) == point:
        os.kill(os.getpid(), signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not (len(argv) == 2 and argv[0] in ("pre-receive", "post-receive")
            or len(argv) == 3 and argv[0] == "reference-transaction"):
        say("Penggunaan: python -m portal_ekspor.deploy.hooks pre-receive|post-receive|reference-transaction FOLDER_SERVER")
        return 2
    hook, root = argv[0], argv[1]
    os.umask(0o022)  # releases must stay readable by the web server's user
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _interrupt)
    updates = _updates(sys.stdin)
    try:
        server = Server.open(Path(root))
        if hook == "reference-transaction":
            return reference_transaction(server, argv[2], updates)
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
