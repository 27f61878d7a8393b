"""`portal server pasang`: create (or update) a server folder.

Safe to run again: the repository, releases and log are kept; hooks, settings
and the nginx file are rewritten from the options given (settings not given
keep their recorded value).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from . import log, nginx
from .privacy import reference
from .releases import ARCHIVE
from .server import CONFIG_NAME, CONFIG_VERSION, DEFAULTS, Server, ServerError, read_json

HOOK = """#!/bin/sh
# Dipasang oleh `portal server pasang` (Portal Ekspor). Jangan disunting:
# jalankan `portal server pasang {root_arg}` lagi untuk memperbarui.
exec {python} -I -m portal_ekspor.deploy.hooks {hook} {root} "$@"
"""

GIT_SETTINGS = {
    "receive.denyDeletes": "true",            # the published branch cannot be deleted by a push
    "receive.denyNonFastForwards": "true",    # nor rewritten by a force push
    "receive.fsckObjects": "true",            # corrupt objects are refused at the door
    "core.logAllRefUpdates": "true",          # reflog: which commit was where, when
}


def _check_python(python: str) -> None:
    probe = "import portal_ekspor.deploy.hooks, portal_ekspor.cli.main, mkdocs, material, pagefind"
    try:
        done = subprocess.run([python, "-I", "-c", probe], capture_output=True, text=True, timeout=120)
    except OSError as exc:
        raise ServerError(f"Python `{python}` tidak bisa dijalankan: {exc}") from exc
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise ServerError(f"Python `{python}` belum memuat Portal Ekspor lengkap ({last}). "
                          "Pasang dulu dengan `make install` di salinan proyek, lalu pakai `--python <salinan>/.venv/bin/python`.")


def _chown_tree(root: Path, user: str) -> None:
    uid, gid = _ids(user)
    for dirpath, dirnames, filenames in os.walk(root):
        os.chown(dirpath, uid, gid)
        for name in dirnames + filenames:
            os.chown(os.path.join(dirpath, name), uid, gid, follow_symlinks=False)


def _ids(user: str) -> tuple[int, int]:
    import pwd

    entry = pwd.getpwnam(user)
    return entry.pw_uid, entry.pw_gid


def install(root: Path, *, python: str | None = None, branch: str | None = None, keep: int | None = None,
            site_url: str | None = None, server_name: str | None = None, listen: list[str] | None = None,
            user: str | None = None) -> tuple[Server, bool]:
    """Returns the server and whether it was newly created."""
    if shutil.which("git") is None:
        raise ServerError("git belum terpasang di server ini (Debian: `apt-get install git`).")
    if user is not None:
        if os.geteuid() != 0:
            raise ServerError("--pengguna hanya bisa dipakai bila perintah dijalankan sebagai root.")
        try:
            _ids(user)
        except KeyError:
            raise ServerError(f"Pengguna `{user}` tidak ada. Buat dulu, mis. `adduser --system --group --shell /usr/bin/git-shell {user}`.")
    root = root.resolve()
    root.mkdir(parents=True, exist_ok=True)
    fresh = not (root / CONFIG_NAME).exists()
    stored = read_json(root / CONFIG_NAME, {})
    config = {**DEFAULTS, **(stored if isinstance(stored, dict) else {}), "versi": CONFIG_VERSION}
    for key, value in (("python", python), ("cabang", branch), ("simpan", keep), ("alamat_situs", site_url),
                       ("nama_server", server_name), ("listen", listen)):
        if value is not None:
            config[key] = value
    if not config.get("python"):
        config["python"] = sys.executable
    config.setdefault("nama_server", nginx.DEFAULT_SERVER_NAME)
    config.setdefault("listen", list(nginx.DEFAULT_LISTEN))
    if config["alamat_situs"] and not config["alamat_situs"].endswith("/"):
        config["alamat_situs"] += "/"
    if int(config["simpan"]) < 2:
        raise ServerError("--simpan minimal 2: rilis yang tayang dan satu cadangan untuk rollback.")
    _check_python(config["python"])

    server = Server(root, config)
    for folder in (server.releases, server.work, server.log_file.parent, server.nginx_file.parent):
        folder.mkdir(exist_ok=True)
    if not server.repo.exists():
        done = subprocess.run(["git", "init", "--quiet", "--bare", f"--initial-branch={server.branch}", str(server.repo)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise ServerError(f"Repositori tidak bisa dibuat: {done.stderr.strip()}")
    for key, value in GIT_SETTINGS.items():
        server.git("config", key, value)
    server.git("symbolic-ref", "HEAD", server.ref)
    for hook in ("pre-receive", "reference-transaction", "post-receive"):
        path = server.repo / "hooks" / hook
        path.write_text(HOOK.format(python=shlex.quote(server.python), hook=hook, root=shlex.quote(str(root)),
                                    root_arg=root), encoding="utf-8")
        path.chmod(0o755)
    server.save_config()
    server.nginx_file.write_text(nginx.render(str(server.live), config["nama_server"], config["listen"],
                                              archive=str(server.root / ARCHIVE), slots=server.keep - 1), encoding="utf-8")
    reference(server, "")  # creates the key for profile references now, owned like the rest
    log.write(server, "DIPASANG", f"server {'dipasang' if fresh else 'diperbarui'}: cabang {server.branch}, "
                                  f"simpan {server.keep} rilis, python {server.python}")
    if user is not None:
        _chown_tree(root, user)
    return server, fresh
