"""Delete kept releases that still hold a taken-down profile (UU 27/2022).

A takedown push removes the profile from the next release; the releases kept
for rollback still contain it until they are pruned here. The live release is
never touched: if it still publishes the profile, the takedown has not been
pushed yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import log
from .lock import server_lock
from .releases import Release, all_releases, live_id, remove_release, takedowns
from .server import Server


@dataclass
class PruneResult:
    removed: list[str] = field(default_factory=list)
    still_live: list[str] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)


def releases_containing(server: Server, slugs) -> list[Release]:
    wanted = set(slugs)
    current = live_id(server)
    return [r for r in all_releases(server) if r.id != current and r.profiles & wanted]


def prune(server: Server, slugs: list[str] | None = None, say=lambda _: None) -> PruneResult:
    """Prune releases holding `slugs`, or every profile taken down so far."""
    with server_lock(server, "pemangkasan rilis lama", say):
        result = PruneResult(slugs=sorted(set(slugs) if slugs else set(takedowns(server))))
        if not result.slugs:
            return result
        current = live_id(server)
        live = next((r for r in all_releases(server) if r.id == current), None)
        if live is not None:
            result.still_live = sorted(live.profiles & set(result.slugs))
        for release in releases_containing(server, result.slugs):
            remove_release(server, release)
            result.removed.append(release.id)
            log.write(server, "DIPANGKAS", f"rilis {release.id} dihapus karena memuat profil yang diturunkan: "
                                           f"{', '.join(sorted(release.profiles & set(result.slugs)))}")
        return result
