"""Put an earlier kept release back on the air, without touching the repository.

By default the target is the newest release older than the live one that has
been live before and was not itself rolled back from. Only a move to an older
release marks the one left as rolled back from; going forward again (naming a
newer release) marks nothing, so the next rollback never skips a release. A rollback never brings
back a profile that was taken down since, unless forced: withdrawn consent
must stay withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import log
from .lock import server_lock
from .privacy import references
from .releases import Release, all_releases, live_release, publish, taken_down_in
from .server import Server, ServerError


@dataclass
class RollbackResult:
    previous: Release | None
    target: Release
    republished: list[str]


def choose_target(server: Server, wanted: str | None) -> Release:
    releases = all_releases(server)
    current = live_release(server)
    if wanted:
        match = [r for r in releases if r.id == wanted or r.id.startswith(wanted) or (len(wanted) >= 7 and r.commit.startswith(wanted))]
        if not match:
            raise ServerError(f"Rilis `{wanted}` tidak ada. Lihat daftar rilis dengan `portal server status`.")
        if len(match) > 1:
            raise ServerError(f"`{wanted}` cocok dengan beberapa rilis: {', '.join(r.id for r in match)}. Sebutkan lebih lengkap.")
        target = match[-1]
    else:
        candidates = [r for r in releases if (current is None or r.id < current.id) and r.was_live and not r.withdrawn]
        if not candidates:
            raise ServerError("Tidak ada rilis sebelumnya yang bisa ditayangkan lagi.")
        target = candidates[-1]
    if current is not None and target.id == current.id:
        raise ServerError(f"Rilis {target.id} sudah tayang.")
    return target


def rollback(server: Server, wanted: str | None = None, force: bool = False, say=lambda _: None) -> RollbackResult:
    with server_lock(server, "rollback", say):
        target = choose_target(server, wanted)
        republished = taken_down_in(server, target)
        if republished and not force:
            raise ServerError(
                f"Rilis {target.id} memuat profil yang sudah diturunkan: {', '.join(republished)}. "
                "Menayangkannya lagi melanggar penarikan persetujuan. Pilih rilis lain, atau pakai --paksa "
                "bila profil itu memang boleh tampil lagi.")
        previous = live_release(server)
        publish(server, target, "rollback")
        if previous is not None and target.id < previous.id:
            previous.manifest["ditarik"] = True
            previous.save()
        log.write(server, "ROLLBACK", f"rilis {target.describe()} tayang lagi"
                  + (f", menggantikan {previous.id}" if previous else ""),
                  [f"profil yang diturunkan tetapi tayang lagi (--paksa): {references(server, republished)}"] if republished else [])
        return RollbackResult(previous, target, republished)
