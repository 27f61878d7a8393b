"""The server folder: where everything lives, and the settings recorded at install."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = "portal-server.json"
CONFIG_VERSION = 1
ZERO = "0" * 40

DEFAULTS = {
    "versi": CONFIG_VERSION,
    "python": "",
    "cabang": "main",
    "simpan": 5,
    "alamat_situs": "",
    "batas_waktu_build": 1800,
    "batas_waktu_antre": 1200,
}
"""simpan: releases kept, the live one included. batas_waktu_*: seconds a build
may run, and a push may wait behind another one, before it is refused."""


class ServerError(Exception):
    """A problem the person at the terminal can act on; the message is for them."""


@dataclass(frozen=True)
class Server:
    root: Path
    config: dict

    @property
    def repo(self) -> Path:
        return self.root / "repo.git"

    @property
    def releases(self) -> Path:
        return self.root / "releases"

    @property
    def live(self) -> Path:
        return self.root / "live"

    @property
    def work(self) -> Path:
        return self.root / "work"

    @property
    def log_file(self) -> Path:
        return self.root / "log" / "rilis.log"

    @property
    def lock_file(self) -> Path:
        return self.root / ".kunci"

    @property
    def takedowns_file(self) -> Path:
        return self.root / "diturunkan.json"

    @property
    def nginx_file(self) -> Path:
        return self.root / "nginx" / "portal-ekspor.conf"

    @property
    def branch(self) -> str:
        return self.config["cabang"]

    @property
    def ref(self) -> str:
        return f"refs/heads/{self.branch}"

    @property
    def python(self) -> str:
        return self.config["python"]

    @property
    def keep(self) -> int:
        return max(2, int(self.config["simpan"]))

    @classmethod
    def open(cls, root: str | Path) -> "Server":
        root = Path(root).resolve()
        path = root / CONFIG_NAME
        if not path.is_file():
            raise ServerError(f"{root} bukan folder server Portal Ekspor (tidak ada {CONFIG_NAME}). "
                              "Pasang dulu dengan `portal server pasang <folder>`, atau sebutkan foldernya dengan --server.")
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ServerError(f"{path} tidak bisa dibaca: {exc}") from exc
        return cls(root, {**DEFAULTS, **stored})

    def save_config(self) -> None:
        write_json(self.root / CONFIG_NAME, self.config)

    def git(self, *args: str, check: bool = True, env: dict | None = None, status: bool = False):
        """stdout of git (or its exit status with status=True)."""
        done = subprocess.run(["git", f"--git-dir={self.repo}", *args], capture_output=True, text=True,
                              env=env if env is not None else os.environ)
        if check and done.returncode != 0:
            raise ServerError(f"git {' '.join(args)} gagal: {done.stderr.strip()}")
        return done.returncode if status else done.stdout.strip()

    def branch_head(self) -> str | None:
        """Commit the branch points at now, or None before the first push."""
        out = self.git("rev-parse", "--verify", "--quiet", self.ref + "^{commit}", check=False)
        return out or None


def write_json(path: Path, data) -> None:
    """Replace a small JSON file atomically, so a reader never sees half of it."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_json(path: Path, default):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
    except ValueError:
        return default
