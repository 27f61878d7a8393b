"""MkDocs hook entry point: forwards every event to a freshly loaded adapter.

MkDocs caches hook modules for the life of `mkdocs serve` (mkdocs issue
3993), so edits to hooks/ or to the core package would silently not apply on
rebuild. This shim stays small: it remembers whether MkDocs serves, and on each build it drops the cached
``portal_ekspor`` modules and re-executes ``hooks/adapter.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SRC = _HERE.parent / "src"
_adapter = None
_command = None


def _load_adapter():
    if str(_SRC) not in sys.path and (_SRC / "portal_ekspor").is_dir():
        sys.path.insert(0, str(_SRC))
    for name in [m for m in sys.modules if m == "portal_ekspor" or m.startswith("portal_ekspor.")]:
        del sys.modules[name]
    spec = importlib.util.spec_from_file_location("portal_hooks_adapter", _HERE / "adapter.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def on_startup(command, dirty):
    global _adapter, _command
    _command = command
    _adapter = _load_adapter()


def on_config(config):
    global _adapter
    _adapter = _load_adapter()
    _adapter.SERVING = _command == "serve"  # invalid data: an error page instead of a stuck preview
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
