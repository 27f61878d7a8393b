"""Settle a push whose git process died between its checks and its end.

Called with the server lock held (lock.server_lock), for a tertunda.json
record whose owner no longer runs. The branch tells what happened: if git
moved it, the push's release must be live and recorded; if not, the switch
(if it happened) is undone and the release deleted, so the site matches the
branch and no orphan release stays behind.
"""

from __future__ import annotations

from . import log, pending
from .releases import load, live_id, live_release, remove_release, retain, switch_live, update_archive
from .server import Server


def settle(server: Server, record: dict, say=lambda _: None) -> None:
    commit, rid = record["commit"], record.get("rilis", "")
    release = load(server, rid) if rid else None
    head = server.branch_head()
    if head == commit and release is not None:
        from .hooks import finish

        previous = load(server, record["sebelumnya"]) if record.get("sebelumnya") else live_release(server)
        if live_id(server) != release.id:
            update_archive(server, release.id)
            switch_live(server, release)
        log.write(server, "DIBERSIHKAN", f"{server.branch} {commit[:8]}: kiriman terputus setelah cabang diperbarui; "
                                         f"penerbitannya diselesaikan")
        finish(server, release, previous, "git push", say)
    else:
        if live_id(server) == rid and record.get("sebelumnya"):
            previous = load(server, record["sebelumnya"])
            if previous is not None:
                switch_live(server, previous)
                update_archive(server, previous.id)
        if release is not None and live_id(server) != release.id:
            remove_release(server, release)
        log.write(server, "GAGAL", f"{server.branch} {commit[:8]}: kiriman terputus sebelum cabang diperbarui; "
                                   f"tidak diterbitkan" + (f", rilis {rid} dihapus" if release is not None else ""),
                  [f"situs yang tayang: {live_id(server) or '-'}"])
    pending.clear(server)
    retain(server)
