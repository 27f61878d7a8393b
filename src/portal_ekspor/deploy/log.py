"""log/rilis.log: an append-only record of every push, build, switch and prune.

One line per event, newest last, readable with `less` or `portal server status`:

    2026-11-23 10:15:02 +0700  DITOLAK   main 1a2b3c4d  Budi Santoso: 2 masalah data; situs tayang tidak berubah
        data/alumni/kopi.yml:6: provinsi: ...

Each event is written with a single write() on a file opened with O_APPEND,
so lines from different processes never interleave, and logrotate's
copytruncate is safe.
"""

from __future__ import annotations

import os
import time
from collections import deque

from .server import Server

KINDS = ("DIPASANG", "MULAI", "LOLOS", "DITOLAK", "GAGAL", "TAYANG", "DILEWATI", "ROLLBACK", "DIPANGKAS", "DIBERSIHKAN")
WIDTH = max(len(k) for k in KINDS)


def now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S %z")


def write(server: Server, kind: str, summary: str, details: list[str] | None = None) -> None:
    lines = [f"{now()}  {kind:<{WIDTH}}  {summary}"]
    lines += [f"    {d}" for d in (details or []) if d.strip()]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    server.log_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(server.log_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o664)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def tail(server: Server, events: int = 10) -> list[str]:
    """The last `events` events with their detail lines."""
    try:
        with open(server.log_file, encoding="utf-8", errors="replace") as f:
            groups: deque[list[str]] = deque(maxlen=events)
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("    ") and groups:
                    groups[-1].append(line)
                else:
                    groups.append([line])
    except FileNotFoundError:
        return []
    return [line for group in groups for line in group]
