"""Kept releases, their manifests, and the atomic switch of `live`.

A release is a complete site in releases/<id>/ with a manifest,
releases/<id>/.portal-rilis.json (nginx never serves dotfiles), that records
the commit it was built from and the slugs of every profile it publishes, so a
taken-down profile can be found in kept releases without reading compressed
search chunks.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import log
from .server import Server, ServerError, read_json, write_json

MANIFEST = ".portal-rilis.json"
ARCHIVE = "arsip"


@dataclass
class Release:
    id: str
    path: Path
    manifest: dict

    @property
    def commit(self) -> str:
        return self.manifest.get("commit", "")

    @property
    def profiles(self) -> set[str]:
        return set(self.manifest.get("profil", []))

    @property
    def was_live(self) -> bool:
        return bool(self.manifest.get("tayang"))

    @property
    def withdrawn(self) -> bool:
        return bool(self.manifest.get("ditarik"))

    def save(self) -> None:
        write_json(self.path / MANIFEST, self.manifest)

    def describe(self) -> str:
        message = self.manifest.get("pesan", "")
        return f"{self.id} (commit {self.commit[:8]}{': ' + message if message else ''})"


def published_profiles(site: Path) -> list[str]:
    """Slugs of every profile a built site publishes: alumni.json, plus any
    profile folder (over-inclusive on purpose: a takedown must find them all)."""
    from ..repository import RESERVED_SLUGS

    slugs: set[str] = set()
    try:
        data = json.loads((site / "alumni.json").read_text(encoding="utf-8"))
        slugs.update(a["slug"] for a in data.get("alumni", []) if isinstance(a, dict) and "slug" in a)
    except (OSError, ValueError, AttributeError):
        pass
    folder = site / "alumni"
    if folder.is_dir():
        for entry in folder.iterdir():
            if entry.is_dir() and entry.name not in RESERVED_SLUGS and entry.name != "foto" and (entry / "index.html").is_file():
                slugs.add(entry.name)
    return sorted(slugs)


def load(server: Server, release_id: str) -> Release | None:
    path = server.releases / release_id
    if release_id.startswith(".") or not path.is_dir():
        return None
    manifest = read_json(path / MANIFEST, None)
    if not isinstance(manifest, dict):
        # Not built by this tool: describe it from its files so takedowns still find it.
        manifest = {"rilis": release_id, "commit": "", "profil": published_profiles(path), "tayang": []}
    return Release(release_id, path, manifest)


def all_releases(server: Server) -> list[Release]:
    """Complete releases, oldest first (ids sort by build time)."""
    if not server.releases.is_dir():
        return []
    found = (load(server, entry.name) for entry in sorted(server.releases.iterdir(), key=lambda e: e.name))
    return [r for r in found if r is not None]


def live_id(server: Server) -> str | None:
    try:
        target = os.readlink(server.live)
    except FileNotFoundError:
        return None
    except OSError:
        raise ServerError(f"{server.live} bukan symlink; pindahkan folder itu lalu jalankan `portal server rilis`.")
    return Path(target).name


def live_release(server: Server) -> Release | None:
    current = live_id(server)
    return load(server, current) if current else None


def newest_for_commit(server: Server, commit: str) -> Release | None:
    matches = [r for r in all_releases(server) if r.commit == commit]
    return matches[-1] if matches else None


def switch_live(server: Server, release: Release) -> None:
    """Point `live` at the release in one step: a new symlink renamed over the old.

    rename(2) replaces the name atomically, so every request sees either the
    old release or the new one, never a mixture or a missing site.
    """
    tmp = server.root / f".live.{os.getpid()}.tmp"
    if os.path.lexists(tmp):
        os.unlink(tmp)
    os.symlink(os.path.join(server.releases.name, release.id), tmp)
    os.replace(tmp, server.live)
    dir_fd = os.open(server.root, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def takedowns(server: Server) -> dict[str, dict]:
    """Profiles taken down and not published since, keyed by their reference
    (privacy.reference: a keyed hash, never the slug itself)."""
    data = read_json(server.takedowns_file, {})
    return data if isinstance(data, dict) else {}


def taken_down_in(server: Server, release: "Release", register: dict | None = None) -> list[str]:
    """Slugs of `release` whose reference is in the takedown register."""
    from .privacy import reference

    register = takedowns(server) if register is None else register
    return sorted(slug for slug in release.profiles if reference(server, slug) in register)


def update_archive(server: Server, new_live: str) -> list[str]:
    """Point arsip/1..N at the kept releases a reader may still have open,
    newest first, so nginx can serve their search files (cari/) to pages
    opened before a switch. Releases holding a taken-down profile are left
    out: their index must not be served again. N is fixed in the nginx file
    (simpan - 1 slots); each slot is replaced atomically like `live`."""
    register = takedowns(server)
    current = live_id(server)
    chosen = [r.id for r in reversed(all_releases(server))
              if r.id != new_live and (r.was_live or r.id == current) and not taken_down_in(server, r, register)]
    chosen = chosen[:server.keep - 1]
    folder = server.root / ARCHIVE
    folder.mkdir(exist_ok=True)
    for n, rid in enumerate(chosen, start=1):
        tmp = folder / f".{n}.{os.getpid()}.tmp"
        if os.path.lexists(tmp):
            os.unlink(tmp)
        os.symlink(os.path.join("..", server.releases.name, rid), tmp)
        os.replace(tmp, folder / str(n))
    for entry in folder.iterdir():
        if entry.name.isdigit() and int(entry.name) > len(chosen):
            entry.unlink()
    return chosen


def record_live(server: Server, release: Release, previous: Release | None, how: str) -> list[str]:
    """Record that `release` went live in place of `previous`; returns the
    profiles that disappeared from the site with this switch."""
    from .privacy import reference

    release.manifest.setdefault("tayang", []).append({"waktu": log.now(), "cara": how})
    release.manifest["ditarik"] = False
    release.save()
    removed = sorted(previous.profiles - release.profiles) if previous else []
    register = takedowns(server)
    if how != "rollback":
        # Only the repository decides that a profile is taken down; a rollback
        # that drops a newly added profile is not a withdrawal of consent.
        for slug in removed:
            register[reference(server, slug)] = {"sejak": log.now(), "rilis": release.id}
    for slug in release.profiles:
        register.pop(reference(server, slug), None)
    write_json(server.takedowns_file, register)
    return removed


def publish(server: Server, release: Release, how: str) -> tuple[Release | None, list[str]]:
    """Make `release` live and record it. Returns the release it replaced and
    the profiles that disappeared from the site with this switch."""
    previous = live_release(server)
    update_archive(server, release.id)
    switch_live(server, release)
    return previous, record_live(server, release, previous, how)


def remove_release(server: Server, release: Release) -> None:
    """Delete a kept release; renamed into work/ first so no half-deleted
    folder ever sits in releases/ looking complete."""
    if release.id == live_id(server):
        raise ServerError(f"Rilis {release.id} sedang tayang dan tidak bisa dihapus.")
    server.work.mkdir(exist_ok=True)
    doomed = server.work / f".hapus-{release.id}-{os.getpid()}"
    os.rename(release.path, doomed)
    shutil.rmtree(doomed, ignore_errors=True)


def retain(server: Server, keep_also: str | None = None) -> list[str]:
    """Keep the live release and the newest releases that were live before it,
    `simpan` in all; drop older ones and every build that never went live,
    except `keep_also` (a push whose branch update is still under way)."""
    current = live_id(server)
    if current is None:
        return []
    releases = all_releases(server)
    older_live = [r for r in releases if r.id != current and r.was_live]
    keep = {current, keep_also} | {r.id for r in older_live[-(server.keep - 1):]}
    dropped = []
    for release in releases:
        if release.id not in keep:
            remove_release(server, release)
            dropped.append(release.id)
    if dropped:
        update_archive(server, current)
    return dropped
