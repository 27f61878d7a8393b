"""A content-addressed cache, so a rebuild redoes only the work whose inputs changed.

Every entry is keyed by a hash of *everything* that produced it: the bytes of
the staff file, the fingerprint of this package's code, templates and
reference data (and of the libraries that shape the output), and, where a
value depends on them, the program files. A key that matches can therefore
only name a value a clean build would compute again byte for byte; nothing
needs to be invalidated, and a withdrawn consent, a renamed file or a changed
template simply produces new keys.

Two layers: memory (kept by the MkDocs adapter for the life of `mkdocs
serve`) and disk (``.cache/portal`` by default, for `portal build` and
`portal check` in new processes). Only values that passed validation are
stored; a file with problems is checked again on every run, so its messages
are never stale either (validation also looks at today's date).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from .parallel import in_slices

_LIBRARIES = ("pydantic", "pydantic-core", "jinja2", "markupsafe", "markdown", "nh3", "babel", "pyyaml")


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of every file of this package (code, templates, reference data) and
    of the versions of the libraries that validate and render."""
    package = Path(__file__).resolve().parent
    parts: list[bytes | str] = []
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    return digest(*parts, *library_versions(_LIBRARIES))


def library_versions(names) -> list[str]:
    """``name==version`` of each installed distribution (``name==-`` when absent), for keys."""
    out = []
    for name in names:
        try:
            out.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}==-")
    return out


class BuildCache:
    """Memory in front of an optional folder of pickled values, one file per key."""

    def __init__(self, folder: Path | None, *, memory: bool = True):
        self.code = code_fingerprint()
        self.keep_in_memory = memory
        """False for one-shot builds: values stay on disk only (a build holds what it
        uses anyway; the memory layer would add every search record besides)."""
        self.folder_root = folder
        self.folder = folder / self.code[:16] if folder is not None else None
        self.memory: dict[str, Any] = {}
        self.file_keys: dict[str, tuple[tuple[int, ...], str]] = {}
        """Path -> (stat signature, content key): in one process a file whose
        size, mtime, ctime and inode did not change is not read again."""
        self.record_key_of: dict[str, str] = {}
        """Source path -> key of its validated record, for keys derived from it."""
        self.live: set[str] = set()
        self.hits = 0
        self.misses = 0
        if folder is not None:
            _drop_other_versions(folder, keep=self.folder.name)

    def key(self, kind: str, *parts: bytes | str) -> str:
        return kind + "-" + digest(self.code, kind, *parts)

    def begin(self) -> None:
        """Start a build: count hits afresh and track which entries it uses."""
        self.live = set()
        self.record_key_of = {}
        self.hits = self.misses = 0

    def get(self, key: str) -> Any:
        self.live.add(key)
        if key in self.memory:
            self.hits += 1
            return self.memory[key]
        if self.folder is not None:
            path = self._path(key)
            try:
                with open(path, "rb") as f:
                    value = pickle.load(f)
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
                pass
            else:
                if self.keep_in_memory:
                    self.memory[key] = value
                self.hits += 1
                return value
        self.misses += 1
        return None

    def put(self, key: str, value: Any, *, disk: bool = True) -> None:
        self.live.add(key)
        if self.keep_in_memory:
            self.memory[key] = value
        if disk and self.folder is not None:
            path = self._path(key)
            try:  # mkdir only when the folder is missing: once per entry cost 13 s of 700 at 5,000 alumni
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            except FileNotFoundError:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise

    def get_or_make(self, keys: list[str], make: Callable[[int], Any]) -> list[Any]:
        """The value of every key; ``make(i)`` computes and stores the missing ones, in
        slices on forked workers when there are many (parallel.py: a clean build renders
        and pickles 20,000 profiles on both cores)."""
        values = [self.get(key) for key in keys]
        todo = [i for i, value in enumerate(values) if value is None]

        def job(start: int, stop: int) -> list[Any]:
            made = []
            for i in todo[start:stop]:
                made.append(make(i))
                self.put(keys[i], made[-1])
            return made

        parallel = self.folder is not None and not self.keep_in_memory  # the memory layer would stay in the workers
        done = in_slices(len(todo), job, minimum=32) if parallel else None
        fresh = [value for part in done for value in part] if done is not None else job(0, len(todo))
        for i, value in zip(todo, fresh):
            values[i] = value
        if done is not None:
            self.live.update(keys[i] for i in todo)
        return values

    def forget_unused(self) -> None:
        """Drop memory entries this build did not use, so a long `mkdocs serve` does not grow."""
        for key in [k for k in self.memory if k not in self.live]:
            del self.memory[key]

    def content_key(self, path: Path, display: str) -> tuple[str, bytes | None]:
        """The key of a staff file's bytes (and the bytes, when they had to be read)."""
        st = path.stat()
        signature = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        known = self.file_keys.get(display)
        if known is not None and known[0] == signature:
            return known[1], None
        data = path.read_bytes()
        key = digest(display, data)
        self.file_keys[display] = (signature, key)
        return key, data

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        kind, _, rest = key.partition("-")
        return self.folder / kind / rest[:2] / rest


def _drop_other_versions(folder: Path, keep: str) -> None:
    """Entries made by other code can never be hit again: remove them."""
    import shutil

    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.is_dir() and entry.name != keep and len(entry.name) == 16:
            shutil.rmtree(entry, ignore_errors=True)
