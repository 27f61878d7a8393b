"""What the open preview tabs need to know: is what they show current?

A saved alumni file reaches its own profile pages at once; the listings,
statistics and search follow with the full rebuild. Until then every page the
server sends carries a visible note, and a small script asks for this status
every second: it removes the note when the preview has caught up and reloads
the tab when the pages changed (as MkDocs' live reload did).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

LAG_NOTE = ("Pratinjau: daftar alumni, statistik dan pencarian sedang diperbarui… "
            "Profil yang baru disimpan sudah tampil.")
FAILED_NOTE = "Pratinjau belum bisa diperbarui: pembangunan ulang gagal. Lihat pesan di terminal `make serve`."
STATUS_PATH = "/.pratinjau/status.json"
NOTE_ID = "pe-pratinjau"


@dataclass(frozen=True)
class Snapshot:
    version: int
    lagging: bool
    failed: bool

    def note(self) -> str | None:
        if self.failed:
            return FAILED_NOTE
        return LAG_NOTE if self.lagging else None

    def json(self) -> bytes:
        return json.dumps({"versi": self.version, "menyusul": self.lagging, "gagal": self.failed,
                           "catatan": self.note()}, ensure_ascii=False).encode("utf-8")


class PreviewStatus:
    """Thread-safe: the watcher, the builder and every request read or change it."""

    def __init__(self, busy=lambda: False):
        self._lock = threading.Lock()
        self._version = 0
        self._pending = False  # a change not yet in a complete build
        self._failed = False
        self.busy = busy
        """Other work still catching up (the background search index)."""

    def changed(self) -> None:
        """A file changed: the full preview is behind until the next build lands."""
        with self._lock:
            self._pending = True

    def pages_written(self) -> None:
        """Pages were rewritten in place (a saved profile): open tabs reload."""
        with self._lock:
            self._version += 1

    def built(self, *, complete: bool) -> None:
        """A full build landed (``complete``: no change arrived while it ran)."""
        with self._lock:
            self._version += 1
            self._failed = False
            if complete:
                self._pending = False

    def failed(self) -> None:
        with self._lock:
            self._failed = True
            self._pending = False

    def snapshot(self) -> Snapshot:
        busy = bool(self.busy())
        with self._lock:
            return Snapshot(self._version, self._pending or busy, self._failed)


_SCRIPT = """<script>(function(){var v=%d,u="%s",k="%s";function show(t){var n=document.getElementById(k);if(!t){if(n)n.remove();return}if(!n){n=document.createElement("div");n.id=k;n.setAttribute("role","status");n.setAttribute("style","%s");document.body.insertBefore(n,document.body.firstChild)}n.textContent=t}function tick(){fetch(u,{cache:"no-store"}).then(function(r){return r.json()}).then(function(s){if(s.versi!==v){location.reload();return}show(s.catatan);setTimeout(tick,1000)},function(){setTimeout(tick,2000)})}setTimeout(tick,1000)})();</script>"""
_STYLE = ("position:fixed;left:0;right:0;bottom:0;z-index:10;padding:.5rem 1rem;background:#fff3cd;"
          "color:#3d2e00;border-top:2px solid #c9a227;font:0.8rem/1.4 sans-serif;text-align:center")
"""Fixed to the bottom of the window: seen wherever the reloaded tab is scrolled, and clear of
Material's sticky header. Its own colours, readable in both colour schemes."""


def decorate(html: bytes, snapshot: Snapshot) -> bytes:
    """The page as sent to a preview tab: the note (while it applies) and the status script."""
    text = html.decode("utf-8", "replace")
    start = text.find("<body")
    end = text.find(">", start) + 1 if start >= 0 else 0
    note = snapshot.note()
    parts = []
    if note:
        from markupsafe import escape

        parts.append(f'<div id="{NOTE_ID}" role="status" style="{_STYLE}">{escape(note)}</div>')
    parts.append(_SCRIPT % (snapshot.version, STATUS_PATH, NOTE_ID, _STYLE))
    return (text[:end] + "".join(parts) + text[end:]).encode("utf-8")
