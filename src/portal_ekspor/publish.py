"""Build the site into a fresh folder and swap it in only when complete.

A failed or interrupted build leaves the previous site/ untouched: the new
site is built beside it and renamed into place as the very last step. Pages
that did not change are hard-linked from the published site rather than made
again (published.py); nothing writes into them, so the published site stays
exactly as it was until the rename.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .finish import HANDOFF_ENV, finish
from .published import PREVIOUS_ENV, PreviousSite, load_manifest, manifest_path, publish_manifest
from .search.indexer import IndexError_
from .settings import cache_folder


def builder_command() -> list[str]:
    """MkDocs by default; PORTAL_BUILDER=properdocs builds with the maintained fork."""
    name = os.environ.get("PORTAL_BUILDER", "mkdocs")
    return [sys.executable, "-m", name]


def readable_by_web_server(folder: Path) -> None:
    """Folders 755, files 644: mkdtemp makes the build folder 700, and a web server
    running as another user would answer 403 for every page copied from it."""
    folder.chmod(0o755)
    _readable(str(folder))


def _readable(folder: str) -> None:
    # One lstat a file and a chmod only where the mode differs: pathlib's three
    # calls a file took minutes for the ~90,000 files of a 20,000-alumni site.
    with os.scandir(folder) as entries:
        for entry in entries:
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISLNK(mode):
                continue
            wanted = 0o755 if stat.S_ISDIR(mode) else 0o644
            if stat.S_IMODE(mode) != wanted:
                os.chmod(entry.path, wanted)
            if stat.S_ISDIR(mode):
                _readable(entry.path)


def _build_pages(root: Path, staging: Path, work: Path, *, quiet: bool, previous: str | None) -> int:
    """MkDocs builds the pages into ``staging`` and leaves the search handoff in ``work``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")  # no fixed PYTHONHASHSEED: output must not depend on it
    env[HANDOFF_ENV] = str(work)
    env.pop(PREVIOUS_ENV, None)
    if previous is not None:
        env[PREVIOUS_ENV] = previous
    cmd = [*builder_command(), "build", "--strict", "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging)]
    # Never pass --quiet: MkDocs then drops warnings, and --strict stops counting them.
    try:
        done = subprocess.run(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        code, log = done.returncode, done.stdout
    except KeyboardInterrupt:
        code, log = 130, ""
    if code != 0 or not quiet:
        sys.stderr.write(log)
    return code


def build_site(root: Path, output: Path, *, quiet: bool = False) -> int:
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    cache = cache_folder(root)
    manifest_file = manifest_path(cache, output) if cache is not None else None
    previous = load_manifest(manifest_file, output) if manifest_file is not None else None
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.baru-", dir=output.parent))
    made = None
    with tempfile.TemporaryDirectory(prefix="pe-serah-terima-") as work:
        code = _build_pages(root, staging, Path(work), quiet=quiet,
                            previous=f"{manifest_file}{os.pathsep}{output}" if previous is not None else None)
        if code == 0:
            # Search index and service worker once MkDocs' memory is freed (see finish.py).
            try:
                made = finish(staging, Path(work), PreviousSite(previous) if previous is not None else None)
            except IndexError_ as exc:
                print(exc, file=sys.stderr)
                code = 1
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return code
    readable_by_web_server(staging)
    old = None
    if output.exists():
        old = output.with_name(f".{output.name}.lama-{os.getpid()}-{time.time_ns()}")
        os.rename(output, old)
    os.rename(staging, output)
    if manifest_file is not None and made is not None:
        # After the rename: until then the manifest describes the site still published.
        publish_manifest(made, output, manifest_file)
    for folder in sorted(output.parent.glob(f".{output.name}.lama-*")):
        remove_in_background(folder)  # this one, and any an interrupted build left
    return 0


def remove_in_background(folder: Path) -> None:
    """Delete a replaced site in a process of its own, once the new one is published.

    Removing a folder waits for the disk (3-5 ms each on the ext4 with online discard
    this was measured on, see bench/RESULTS.md), and a 20,000-alumni site has some
    40,000 page folders: minutes the staff member would otherwise wait for nothing.
    The files it shares with the new site by hard link only lose one name."""
    subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                      str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)
