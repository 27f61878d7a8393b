"""Search indexing in the background of `mkdocs serve`.

Pagefind over 20,000 profiles takes longer than a staff member should wait
to see a saved profile. Under `mkdocs serve` the index is built after the
pages are served, into a new folder each time, and the site's ``cari`` link
is switched to it only when it is complete; a newer save supersedes an
indexing still running.
"""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path
from typing import Callable


class BackgroundIndex:
    def __init__(self, folder: Path):
        self.folder = folder
        self.generation = 0
        self.current: Path | None = None
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def start(self, job: Callable[[Path], Path], site_dir: Path) -> None:
        with self.lock:
            self.generation += 1
            generation = self.generation
        target = self.folder / f"indeks-{generation}"

        def run():
            try:
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir(parents=True)
                result = job(target)
            except Exception as exc:  # shown in the serve log; the previous index stays in use
                print(f"Indeks pencarian pratinjau gagal: {exc}", file=sys.stderr)
                shutil.rmtree(target, ignore_errors=True)
                return
            with self.lock:
                if generation != self.generation:
                    shutil.rmtree(target, ignore_errors=True)  # a newer save is being indexed
                    return
                old, self.current = self.current, result
                from ..site.output import link_folder

                if site_dir.is_dir():
                    link_folder(site_dir, "cari", result)
            if old is not None and old.parent != result.parent:
                shutil.rmtree(old.parent, ignore_errors=True)

        self.thread = threading.Thread(target=run, name="indeks-pratinjau", daemon=True)
        self.thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self.thread is not None:
            self.thread.join(timeout)
