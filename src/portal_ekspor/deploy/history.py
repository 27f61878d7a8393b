"""Remove a taken-down alumnus from the bare repository's history (git-filter-repo).

A takedown push only removes the record from the newest commit; every older
commit, and git's reflog, still hold the file, its photo and whatever commit
messages named the business. `portal server pangkas SLUG --riwayat` rewrites
the server repository with git-filter-repo (a maintained tool, pinned in
pyproject.toml), with the server locked:
- the record's file and every photo it ever referenced are removed from every
  commit (--invert-paths);
- the slug and business name are replaced by the profile's reference in every
  other file and in commit messages (--replace-text, --replace-message);
- reflogs are expired and old objects pruned (git-filter-repo does both);
- kept releases are re-pointed at the rewritten commits (commit-map);
- the old ids of rewritten commits are recorded, so a push from a clone made
  before the rewrite, which would bring the record back, is refused.
Other clones (staff laptops, mirrors) keep the old history: deploy/README.md
tells staff to replace them.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from . import log
from .privacy import reference
from .releases import all_releases
from .server import Server, ServerError

FORBIDDEN = "portal-riwayat-dihapus"
"""In repo.git: old ids of commits rewritten by a takedown, one per line."""


def record_facts(server: Server, slug: str) -> tuple[set[str], set[str]]:
    """Every photo path and business name any version of the record held."""
    import yaml

    path = f"data/alumni/{slug}.yml"
    commits = server.git("rev-list", "--all", "--", path, check=False).split()
    photos, names = set(), set()
    for commit in commits:
        text = server.git("show", f"{commit}:{path}", check=False)
        try:
            data = (yaml.safe_load(text) or {}) if text else {}
        except yaml.YAMLError:
            data = {}
        if not isinstance(data, dict):
            continue
        photo, name = data.get("foto"), data.get("nama_usaha")
        if isinstance(photo, str) and ".." not in photo:
            photos.add(f"data/alumni/{photo}")
        if isinstance(name, str) and name.strip():
            names.add(name.strip())
    return photos, names


def forget(server: Server, slugs: list[str], names: list[str], say=lambda _: None) -> tuple[list[str], dict[str, str]]:
    """Rewrite the history. Lock held. Returns the paths removed and every
    name found in the record's history, with the reference that replaced it."""
    if server.branch_head() is None:
        return [], {}
    paths = {f"data/alumni/{slug}.yml" for slug in slugs}
    named: dict[str, str] = {}
    for slug in slugs:
        photos, found = record_facts(server, slug)
        paths |= photos
        named.update({name: reference(server, slug) for name in found})
    paths = sorted(paths)
    with tempfile.TemporaryDirectory() as tmp:
        expressions = Path(tmp) / "ganti.txt"
        lines = []
        for slug in slugs:
            ref = reference(server, slug)
            lines.append(f"regex:(?i){re.escape(slug)}==>{ref}")
            lines += [f"regex:(?i){re.escape(name)}==>{ref}" for name in names if name]
        lines += [f"regex:(?i){re.escape(name)}==>{ref}" for name, ref in named.items()]
        expressions.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cmd = [server.python, "-m", "git_filter_repo", "--force", "--quiet", "--replace-refs", "delete-no-add",
               "--prune-empty", "never", "--prune-degenerate", "never",
               "--invert-paths", *[a for p in paths for a in ("--path", p)],
               "--replace-text", str(expressions), "--replace-message", str(expressions)]
        say("Menghapus profil dari riwayat repositori server (git-filter-repo)...")
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        done = subprocess.run(cmd, cwd=server.repo, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            detail = (done.stderr.strip().splitlines() or ["?"])[-1]
            raise ServerError(f"git-filter-repo gagal: {detail}. Repositori tidak berubah bila pesan ini muncul "
                              "sebelum penulisan ulang; periksa dengan `git --git-dir=repo.git log`.")
    mapping = {}
    commit_map = server.repo / "filter-repo" / "commit-map"
    for line in commit_map.read_text(encoding="ascii").splitlines()[1:]:
        old, new = line.split()
        if old != new:
            mapping[old] = new
    with open(server.repo / FORBIDDEN, "a", encoding="ascii") as f:
        f.writelines(f"{old}\n" for old in mapping)
    for release in all_releases(server):
        if release.commit in mapping:
            release.manifest["commit"] = mapping[release.commit]
            release.save()
    # Objects no ref reaches any more must go now, not at the next gc.
    server.git("reflog", "expire", "--expire=now", "--all")
    server.git("gc", "--quiet", "--prune=now")
    log.write(server, "DIPANGKAS", f"riwayat repositori ditulis ulang: {len(paths)} file profil yang diturunkan "
                                   f"dihapus dari {len(mapping)} commit")
    return paths, named


def forbidden_in(server: Server, new: str) -> bool:
    """Whether a pushed commit brings back history removed by a takedown."""
    path = server.repo / FORBIDDEN
    try:
        forbidden = set(path.read_text(encoding="ascii").split())
    except FileNotFoundError:
        return False
    if not forbidden:
        return False
    pushed = server.git("rev-list", new, "--not", "--all", check=False).split()
    return bool(forbidden.intersection(pushed))
