"""`make serve`: the staff preview, run by the portal's own watcher and server.

Thin adapter between MkDocs and portal_ekspor.preview (which never imports
MkDocs): it hands the preview two functions — a full MkDocs build into a given
folder, run in this process so the build cache stays in memory between saves,
and the quick path of hooks/portal.py that rewrites one saved profile at once.

    python hooks/pratinjau.py [--dev-addr 127.0.0.1:8000] [--config-file mkdocs.yml]
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

_SRC = Path(__file__).resolve().parent.parent / "src"
if (_SRC / "portal_ekspor").is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from portal_ekspor.preview.session import Preview  # noqa: E402


def _portal_hook(config):
    """hooks/portal.py as MkDocs loaded it (MkDocs keeps one module for the process)."""
    for module in (config.hooks or {}).values():
        if hasattr(module, "preview_update"):
            return module
    raise SystemExit("mkdocs.yml: hooks/portal.py tidak terdaftar di `hooks:`; pratinjau tidak bisa berjalan.")


def _stop(*_) -> None:
    raise KeyboardInterrupt  # SIGTERM ends the preview like Ctrl+C: its temporary folder is removed


def make_preview(config_file: Path, url: str) -> Preview:
    """The preview of the project of ``config_file``, to be served at ``url``."""
    hook = None

    def rebuild(site_dir: Path) -> None:
        nonlocal hook
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        config.site_url = url  # as `mkdocs serve` does: links and the sitemap point at the preview
        if hook is None:
            config.plugins.on_startup(command="serve", dirty=False)
            hook = _portal_hook(config)
        build(config, serve_url=url)

    return Preview(config_file.parent, rebuild, quick=lambda path: hook is not None and hook.preview_update(path),
                   busy=lambda: hook is not None and hook.preview_busy())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pratinjau staf: profil yang disimpan tampil seketika, "
                                                 "daftar dan pencarian menyusul.")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="alamat:port (bawaan 127.0.0.1:8000)")
    parser.add_argument("--config-file", default="mkdocs.yml", help="bawaan: mkdocs.yml di folder ini")
    args = parser.parse_args(argv)
    host, _, port = args.dev_addr.rpartition(":")
    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.WARNING)
    preview = make_preview(Path(args.config_file).resolve(), f"http://{host}:{port}/")
    signal.signal(signal.SIGTERM, _stop)
    try:
        address = preview.start(host, int(port))
        print(f"Pratinjau di {address} — simpan file, halaman di peramban diperbarui sendiri. "
              "Ctrl+C untuk berhenti.", file=sys.stderr, flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
