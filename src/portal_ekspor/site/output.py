"""Writing generated pages: only files whose inputs changed are touched.

During `mkdocs serve` the framed pages live in a folder that survives
MkDocs' clean rebuilds (``.cache/portal/pratinjau``), linked into the site
folder it serves; a save then rewrites the few pages it changed instead of
20,000. For `portal build` the folder is the fresh site itself: a page whose
inputs match the published site's is hard-linked from it (published.py), the
others are written once.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from ..published import PreviousSite


class PageWriter:
    def __init__(self, root: Path, previous: PreviousSite | None = None):
        self.root = root
        self.previous = previous
        """The published site whose unchanged pages are linked instead of written (`portal build`)."""
        self.written: dict[str, str] = {}
        """Relative path -> key of what was written there (inputs, not bytes)."""
        self.made: set[Path] = set()
        self.lock = threading.RLock()
        """Held by whoever writes: the preview's quick path writes while a full build runs."""

    def is_current(self, rel: str, key: str) -> bool:
        return bool(key) and self.written.get(rel) == key and (self.root / rel).exists()

    def reuse(self, rel: str, key: str) -> bool:
        """Link the published site's page made from ``key``, if it has it unchanged."""
        if self.previous is None or not key:
            return False
        with self.lock:
            target = self._target(rel)
            if not self.previous.link_page(rel, key, target):
                return False
            self.written[rel] = key
            return True

    def write(self, rel: str, text: str, key: str) -> None:
        with self.lock:
            self._write(rel, text, key)

    def _target(self, rel: str) -> Path:
        target = self.root / rel
        if target.parent not in self.made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.made.add(target.parent)
        return target

    def _write(self, rel: str, text: str, key: str) -> None:
        target = self._target(rel)
        data = text.encode("utf-8")
        try:
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                self.written[rel] = key
                return
        except OSError:
            pass
        tmp = target.with_name(f".{target.name}.baru")
        tmp.write_bytes(data)
        os.replace(tmp, target)  # a reader never sees half a page
        self.written[rel] = key

    def remove_except(self, keep: set[str]) -> list[str]:
        """Delete pages written earlier that this build no longer makes (a
        deleted or renamed file, a withdrawn consent)."""
        with self.lock:
            gone = sorted(rel for rel in self.written if rel not in keep)
            for rel in gone:
                self.remove(rel)
            return gone

    def remove(self, rel: str) -> None:
        """Delete one page (written by this writer or not) and the folders it leaves empty."""
        with self.lock:
            (self.root / rel).unlink(missing_ok=True)
            self.written.pop(rel, None)
            folder = (self.root / rel).parent
            while folder != self.root and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                self.made.discard(folder)
                folder = folder.parent


def link_folder(site_dir: Path, name: str, target: Path) -> None:
    """Make ``site_dir/name`` point at ``target`` (MkDocs empties site_dir on every build)."""
    target.mkdir(parents=True, exist_ok=True)
    link = site_dir / name
    if link.is_symlink() or link.is_file():
        link.unlink()
    elif link.is_dir():
        shutil.rmtree(link)
    tmp = site_dir / f".{name}.tautan"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target, target_is_directory=True)
    os.replace(tmp, link)
