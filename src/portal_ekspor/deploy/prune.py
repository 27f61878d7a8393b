"""Remove a taken-down profile from everything the server keeps (UU 27/2022).

A takedown push removes the profile from the next release; `pangkas` then
reaches what is left:
- kept releases that still hold it are deleted, except the newest one that
  was live before, which is rebuilt from its own commit without the profile,
  so a rollback still has a target and never brings the profile back;
- every mention of the slug or the business name in the log, the release
  manifests and the register is replaced by its reference (privacy.py);
- with `--riwayat`, the record is also removed from the bare repository's
  history with git-filter-repo (history.py).
The live release is never touched: if it still publishes the profile, the
takedown has not been pushed yet.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import log
from .lock import server_lock
from .privacy import reference, references
from .releases import MANIFEST, Release, all_releases, live_id, remove_release, takedowns, update_archive
from .server import Server, ServerError, write_json


@dataclass
class PruneResult:
    removed: list[str] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)
    still_live: list[str] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)


def releases_containing(server: Server, slugs) -> list[Release]:
    wanted = set(slugs)
    current = live_id(server)
    return [r for r in all_releases(server) if r.id != current and r.profiles & wanted]


def _names(release: Release, slugs: set[str]) -> set[str]:
    """Business names of `slugs` as the release published them."""
    try:
        data = json.loads((release.path / "alumni.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {a["nama_usaha"] for a in data.get("alumni", [])
            if isinstance(a, dict) and a.get("slug") in slugs and isinstance(a.get("nama_usaha"), str)}


def _scrub_text(text: str, words: dict[str, str]) -> str:
    for word in sorted(words, key=len, reverse=True):
        text = re.sub(re.escape(word), words[word], text, flags=re.IGNORECASE)
    return text


def scrub(server: Server, words: dict[str, str]) -> None:
    """Replace each word (slug or name) by its reference in the log, the
    manifests of kept releases and the server's JSON records. Each file is
    rewritten whole and renamed over, never edited in place."""
    if not words:
        return
    targets = [server.log_file, server.takedowns_file, server.root / "tertunda.json"]
    targets += [r.path / MANIFEST for r in all_releases(server)]
    for path in targets:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        clean = _scrub_text(text, words)
        if clean != text:
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(clean, encoding="utf-8")
            os.chmod(tmp, path.stat().st_mode & 0o777)
            os.replace(tmp, path)


def _drop_records(checkout: Path, slugs: set[str]) -> None:
    """Delete the alumni files (and their photos) of `slugs` from a checkout."""
    import yaml

    folder = checkout / "data" / "alumni"
    for slug in slugs:
        record = folder / f"{slug}.yml"
        if not record.is_file():
            continue
        try:
            photo = (yaml.safe_load(record.read_text(encoding="utf-8")) or {}).get("foto")
        except yaml.YAMLError:
            photo = None
        if isinstance(photo, str) and "/" in photo and ".." not in photo:
            (folder / photo).unlink(missing_ok=True)
        record.unlink()


def prune(server: Server, slugs: list[str] | None = None, say=lambda _: None, history: bool = False) -> PruneResult:
    """Prune what holds `slugs`, or every profile taken down so far."""
    from .release import build_release

    with server_lock(server, "pemangkasan profil yang diturunkan", say):
        register = takedowns(server)
        wanted = {reference(server, s) for s in slugs} if slugs else set(register)
        releases = all_releases(server)
        found = {slug for r in releases for slug in r.profiles if reference(server, slug) in wanted}
        result = PruneResult(slugs=sorted(found | set(slugs or [])))
        if not result.slugs:
            return result
        gone = set(result.slugs)
        current = live_id(server)
        live = next((r for r in releases if r.id == current), None)
        if live is not None:
            result.still_live = sorted(live.profiles & gone)
        if result.still_live:
            return result
        holding = releases_containing(server, gone)
        names: set[str] = set()
        for release in holding:
            names |= _names(release, gone)
        # The rollback target: the newest release that was live before the current one.
        target = next((r for r in reversed(holding) if current and r.id < current and r.was_live and not r.withdrawn), None)
        for release in holding:
            remove_release(server, release)
            if release is not target:
                result.removed.append(release.id)
                log.write(server, "DIPANGKAS", f"rilis {release.id} dihapus karena memuat profil yang diturunkan: "
                                               f"{references(server, release.profiles & gone)}")
        if target is not None:
            say(f"Membangun ulang rilis {target.id} tanpa profil itu, agar tetap bisa menjadi tujuan rollback...")
            outcome = build_release(server, target.commit, say, release_id=target.id,
                                    prepare=lambda checkout: _drop_records(checkout, gone),
                                    history=target.manifest.get("tayang", []))
            if outcome.ok and not (outcome.release.profiles & gone):
                result.rebuilt.append(target.id)
                log.write(server, "DIPANGKAS", f"rilis {target.id} dibangun ulang tanpa profil yang diturunkan: "
                                               f"{references(server, target.profiles & gone)}")
            else:
                if outcome.ok:
                    remove_release(server, outcome.release)
                result.removed.append(target.id)
                log.write(server, "DIPANGKAS", f"rilis {target.id} dihapus (tidak bisa dibangun ulang tanpa profil "
                                               f"yang diturunkan): {references(server, target.profiles & gone)}")
        words = {slug: reference(server, slug) for slug in gone}
        words.update({name: reference(server, slug) for slug in gone for name in names if name})
        if history:
            from .history import forget

            result.history, named = forget(server, sorted(gone), sorted(names), say)
            words.update(named)
        scrub(server, words)
        if current:
            update_archive(server, current)
        return result


def reference_for(server: Server, slug: str) -> str:
    if not slug:
        raise ServerError("Sebutkan slug profil.")
    return reference(server, slug)


__all__ = ["prune", "releases_containing", "scrub", "reference_for", "PruneResult", "write_json"]
