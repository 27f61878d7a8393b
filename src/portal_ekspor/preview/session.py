"""One preview session: watch the project, answer a saved alumni file at once,
rebuild the rest behind it.

Two paths for a change. The *quick* path handles one saved alumni file: its
Indonesian and English profile pages are rendered and written straight into
the folders the server already serves (or removed, when consent was withdrawn
or the file deleted) — a fraction of a second at any number of alumni. Every
change, that one included, also schedules a *full* rebuild, which goes into a
fresh folder and is switched in when complete; listings, statistics and search
catch up then, and until they do every page says so (see status.py).

The site builder (MkDocs, through the thin adapter in hooks/pratinjau.py) and
the quick renderer are handed in as functions; this module never imports MkDocs.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import Callable

from .server import PreviewServer
from .status import PreviewStatus

ALUMNI = Path("data") / "alumni"
WATCHED = ("data", "docs", "overrides", "hooks", "src", "mkdocs.yml")
"""What staff (or a developer) edit; the cache and the built site are not watched."""
IGNORED_PARTS = {"__pycache__", ".git", ".cache", "site", "node_modules"}
SETTLE = 0.2
"""Seconds without a new change before a full rebuild starts (an editor writes in several steps)."""


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Preview:
    def __init__(self, project: Path, rebuild: Callable[[Path], None], quick: Callable[[Path], bool],
                 busy: Callable[[], bool] = lambda: False, folder: Path | None = None):
        self.project = project.resolve()
        self.rebuild = rebuild
        """Build the whole site into the given (empty) folder; raise on failure."""
        self.quick = quick
        """Re-render one alumni file's profile pages in place; False when it cannot (the full build will)."""
        self.status = PreviewStatus(busy)
        self.folder = folder or Path(tempfile.mkdtemp(prefix="pratinjau-"))
        self.current: Path | None = None
        self.builds = 0
        self._wake = threading.Condition()
        self._dirty = False
        self._last_change = 0.0
        self._stop = False
        self._quick_lock = threading.Lock()
        self._seen: dict[Path, bytes | None] = {}
        self.server: PreviewServer | None = None
        self._observer = None
        self._builder: threading.Thread | None = None

    # -- changes -----------------------------------------------------------

    def file_changed(self, path: Path) -> None:
        """Called for every created, modified, moved or deleted file under the watched folders."""
        path = Path(path)
        try:
            rel = path.resolve().relative_to(self.project) if path.exists() else path.relative_to(self.project)
        except ValueError:
            return
        if IGNORED_PARTS & set(rel.parts) or not rel.parts or rel.parts[0] not in WATCHED:
            return
        if rel.name.startswith(".") or rel.name.endswith("~"):
            return  # editors' swap and backup files
        if rel.parent == ALUMNI and rel.suffix in (".yml", ".yaml"):
            self._quick(self.project / rel)
        self._schedule()

    def _quick(self, path: Path) -> None:
        with self._quick_lock:  # one quick render at a time, in the order saves arrive
            try:
                data = path.read_bytes()
            except OSError:
                data = None
            if self._seen.get(path, b"") == data:
                return  # the same bytes again (an editor's second event for one save)
            self.status.changed()
            started = time.perf_counter()
            try:
                done = self.quick(path)
            except Exception:  # the full rebuild will show the problem; the preview must stay up
                traceback.print_exc()
                done = False
            if done:
                self._seen[path] = data
                self.status.pages_written()
                _say(f"{path.relative_to(self.project)}: profil diperbarui ({time.perf_counter() - started:.2f} detik); "
                     "daftar, statistik dan pencarian menyusul.")

    def _schedule(self) -> None:
        self.status.changed()
        with self._wake:
            self._dirty = True
            self._last_change = time.monotonic()
            self._wake.notify_all()

    # -- full builds ---------------------------------------------------------

    def build_once(self) -> bool:
        """One full build into a fresh folder, switched in when complete."""
        self.builds += 1
        target = self.folder / f"situs-{self.builds}"
        started = time.perf_counter()
        try:
            target.mkdir(parents=True)
            self.rebuild(target)
        except BaseException as exc:  # noqa: BLE001 - MkDocs' Abort is a SystemExit
            if isinstance(exc, KeyboardInterrupt):
                raise
            _say(f"Pembangunan ulang pratinjau gagal: {exc}")
            shutil.rmtree(target, ignore_errors=True)
            self.status.failed()
            return False
        old, self.current = self.current, target
        with self._wake:
            complete = not self._dirty
        self.status.built(complete=complete)
        if old is not None:  # at once: a withdrawn profile must not stay in an old build's files
            shutil.rmtree(old, ignore_errors=True)
        _say(f"Pratinjau lengkap diperbarui ({time.perf_counter() - started:.1f} detik).")
        return True

    def _build_loop(self) -> None:
        while True:
            with self._wake:
                while not self._dirty and not self._stop:
                    self._wake.wait()
                if self._stop:
                    return
                while time.monotonic() - self._last_change < SETTLE:
                    self._wake.wait(SETTLE)
                self._dirty = False
            self.build_once()

    # -- running -------------------------------------------------------------

    def start(self, host: str, port: int) -> str:
        """Serve at once (a waiting page until the first build lands), then build and watch."""
        self.server = PreviewServer((host, port), lambda: self.current, self.status)
        threading.Thread(target=self.server.serve_forever, name="pratinjau-http", daemon=True).start()
        self._watch()
        self._builder = threading.Thread(target=self._build_loop, name="pratinjau-bangun", daemon=True)
        self._builder.start()
        self._schedule()
        return f"http://{host}:{self.server.server_address[1]}/"

    def _watch(self) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        preview = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                    return
                preview.file_changed(Path(event.src_path))
                if getattr(event, "dest_path", ""):
                    preview.file_changed(Path(event.dest_path))

        observer = Observer()
        for name in WATCHED:
            path = self.project / name
            if path.is_dir():
                observer.schedule(Handler(), str(path), recursive=True)
        observer.schedule(Handler(), str(self.project), recursive=False)  # mkdocs.yml
        observer.start()
        self._observer = observer

    def stop(self) -> None:
        with self._wake:
            self._stop = True
            self._wake.notify_all()
        if self._observer is not None:
            self._observer.stop()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        if self._builder is not None:
            self._builder.join(timeout=1)  # a build still running ends with the process
        shutil.rmtree(self.folder, ignore_errors=True)
