"""What the published site holds, so a rebuild reuses it instead of redoing it.

`portal build` builds into a fresh folder and renames it into place (publish.py),
so without help a rebuild after one edit renders and writes every one of the
~60,000 framed pages of a 20,000-alumni site again and hashes every file for the
service worker's release version. Instead, each published site gets a
*manifest* in the build cache: for every file its size, inode, modification time
and SHA-256, and for every framed page the input key it was made from (page key
+ theme + twin, hooks/adapter.py). The next build of the same output folder then

- hard-links a framed page whose input key is unchanged from the published site
  into the new one (`os.link`) instead of framing and writing it, and
- takes a file's hash from the manifest when the file in the new folder is that
  very file (same inode, size and modification time: a link).

It can never apply to the wrong folder or a stale one: the manifest names the
output folder and its inode (a folder replaced, restored or renamed by hand has
another), and each file is used only while its size, inode and modification
time are still those recorded (a file edited in place or replaced has other
ones). Nothing ever writes into a linked file: PageWriter writes a temporary
file and renames it over the target, as everything else in the build does.
With ``cache: false`` there is no manifest and every build is a clean one.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .cache import digest

MANIFEST_FOLDER = "keluaran"
PREVIOUS_ENV = "PORTAL_KELUARAN_LAMA"
"""Set by `portal build` for the MkDocs hook: the manifest of the output folder, when it still matches."""
PAGE_KEYS = "halaman-kunci.json"
NEW_MANIFEST = "keluaran-baru.json"
_VERSION = 1


@dataclass
class Manifest:
    folder: str
    identity: tuple[int, int]
    """(st_dev, st_ino) of the output folder when it was published."""
    files: dict[str, list] = field(default_factory=dict)
    """Relative path -> [size, inode, mtime_ns, sha256 hex]."""
    pages: dict[str, str] = field(default_factory=dict)
    """Relative path of a framed page -> the input key it was made from."""

    def to_json(self) -> str:
        return json.dumps({"versi": _VERSION, "folder": self.folder, "identitas": list(self.identity),
                           "berkas": self.files, "halaman": self.pages}, separators=(",", ":"))


def manifest_path(cache_root: Path, output: Path) -> Path:
    """Where the manifest of ``output`` lives in the build cache (one per output folder)."""
    return cache_root / MANIFEST_FOLDER / (digest(str(output))[:24] + ".json")


def _identity(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _signature(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_ino, st.st_mtime_ns]


def load_manifest(path: Path, output: Path) -> Manifest | None:
    """The manifest of ``output`` if it describes the folder there now, else None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        here = os.stat(output)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("versi") != _VERSION or data.get("folder") != str(output):
        return None
    if list(_identity(here)) != data.get("identitas") or not stat.S_ISDIR(here.st_mode):
        return None
    return Manifest(data["folder"], tuple(data["identitas"]), data.get("berkas") or {}, data.get("halaman") or {})


class PreviousSite:
    """The published site a build may take unchanged files from."""

    def __init__(self, manifest: Manifest):
        self.manifest = manifest
        self.folder = Path(manifest.folder)
        self.linked = 0

    @classmethod
    def from_environment(cls) -> PreviousSite | None:
        """For the MkDocs hook: the previous site `portal build` named, if it still matches."""
        value = os.environ.get(PREVIOUS_ENV)
        if not value:
            return None
        manifest_file, _, output = value.partition(os.pathsep)
        manifest = load_manifest(Path(manifest_file), Path(output))
        return cls(manifest) if manifest is not None else None

    def _unchanged(self, rel: str) -> bool:
        recorded = self.manifest.files.get(rel)
        if recorded is None:
            return False
        try:
            st = os.lstat(self.folder / rel)
        except OSError:
            return False
        return stat.S_ISREG(st.st_mode) and _signature(st) == recorded[:3]

    def link_page(self, rel: str, key: str, target: Path) -> bool:
        """Hard-link the published ``rel`` to ``target`` if it was made from ``key`` and
        is still the file the manifest recorded. ``target`` must not exist yet."""
        if not key or self.manifest.pages.get(rel) != key or not self._unchanged(rel):
            return False
        try:
            os.link(self.folder / rel, target)
        except OSError:  # another file system, a file system without links, a race: write it
            return False
        self.linked += 1
        return True

    def known_hash(self, rel: str, st: os.stat_result) -> str | None:
        """The recorded hash of ``rel`` when the file ``st`` describes is the published one."""
        recorded = self.manifest.files.get(rel)
        if recorded is not None and recorded[:3] == _signature(st):
            return recorded[3]
        return None


def write_page_keys(work: Path, pages: dict[str, str]) -> None:
    """The hook's part of the next manifest: which key every framed page was made from."""
    (work / PAGE_KEYS).write_text(json.dumps(pages, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def read_page_keys(work: Path) -> dict[str, str]:
    try:
        return json.loads((work / PAGE_KEYS).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def file_entry(st: os.stat_result, sha: str) -> list:
    return [*_signature(st), sha]


def publish_manifest(manifest: Manifest, output: Path, path: Path) -> None:
    """Record ``manifest`` as the manifest of the folder just renamed to ``output``."""
    manifest.folder = str(output)
    manifest.identity = _identity(os.stat(output))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(manifest.to_json())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
