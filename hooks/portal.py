"""MkDocs hook entry point: forwards every event to the adapter, reloaded when code changes.

MkDocs caches hook modules for the life of `mkdocs serve` (mkdocs issue
3993), so edits to hooks/ or to the core package would silently not apply on
rebuild. Before each build this shim compares the code's files with the last
build; if any changed it drops the cached ``portal_ekspor`` modules and
re-executes ``hooks/adapter.py``. Otherwise the adapter, and the build cache it
keeps in memory, carry over, so saving one data file rebuilds in seconds.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SRC = _HERE.parent / "src"
_adapter = None
_stamp = None
_command = "build"


def _package_dir() -> Path | None:
    if (_SRC / "portal_ekspor").is_dir():
        return _SRC / "portal_ekspor"
    spec = importlib.util.find_spec("portal_ekspor")
    return Path(spec.origin).parent if spec and spec.origin else None


def _code_stamp() -> tuple:
    files = [_HERE / "adapter.py"]
    package = _package_dir()
    if package is not None:
        files += [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    out = []
    for path in sorted(files):
        st = path.stat()
        out.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(out)


def _load_adapter():
    if str(_SRC) not in sys.path and (_SRC / "portal_ekspor").is_dir():
        sys.path.insert(0, str(_SRC))
    for name in [m for m in sys.modules if m == "portal_ekspor" or m.startswith("portal_ekspor.")]:
        del sys.modules[name]
    spec = importlib.util.spec_from_file_location("portal_hooks_adapter", _HERE / "adapter.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.state.command = _command
    return module


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global _adapter, _stamp
    stamp = _code_stamp()
    if _adapter is None or stamp != _stamp:
        _adapter, _stamp = _load_adapter(), stamp
    _adapter.SERVING = _command == "serve"  # invalid data: an error page instead of a stuck preview
    _adapter.state.command = _command or "build"
    return _adapter.on_config(config)


def on_files(files, config):
    return _adapter.on_files(files, config)


def on_pre_page(page, config, files):
    return _adapter.on_pre_page(page, config, files)


def on_page_markdown(markdown, page, config, files):
    return _adapter.on_page_markdown(markdown, page, config, files)


def on_page_content(html, page, config, files):
    return _adapter.on_page_content(html, page, config, files)




def on_post_build(config):
    return _adapter.on_post_build(config)


def preview_update(path) -> bool:
    """The staff preview's quick path for one saved alumni file (see hooks/pratinjau.py)."""
    return _adapter is not None and _adapter.preview_update(path)


def preview_busy() -> bool:
    """Whether the preview's search index is still being rebuilt in the background."""
    search = _adapter.state.search if _adapter is not None else None
    return bool(search is not None and search.thread is not None and search.thread.is_alive())
