"""Runs the staff preview of hooks/pratinjau.py with its full builds held at a gate.

    python tests/preview_driver.py PROJECT PORT

The first build runs at once; later ones wait until a line ``lepas`` arrives
on stdin (``tahan`` holds them again), so a test decides when listings catch
up instead of racing them.
"""

from __future__ import annotations

import importlib.util
import signal
import sys
import threading
from pathlib import Path

project, port = Path(sys.argv[1]).resolve(), int(sys.argv[2])
spec = importlib.util.spec_from_file_location("pratinjau_uji", project / "hooks" / "pratinjau.py")
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
preview = module.make_preview(project / "mkdocs.yml", f"http://127.0.0.1:{port}/")
build = preview.rebuild
gate = threading.Event()
first = [True]


def held(site: Path) -> None:
    if not first[0]:
        gate.wait()
    first[0] = False
    build(site)


def commands() -> None:
    for line in sys.stdin:
        (gate.set if line.strip() == "lepas" else gate.clear)()


def stop(*_) -> None:
    preview.stop()
    sys.exit(0)


preview.rebuild = held
threading.Thread(target=commands, daemon=True).start()
signal.signal(signal.SIGTERM, stop)
preview.start("127.0.0.1", port)
print(preview.folder, flush=True)  # the served builds, for the test to scan
threading.Event().wait()
