"""One build or switch at a time per server folder (fcntl.flock).

The lock belongs to the open file: if the process holding it dies, even by
SIGKILL, the kernel releases it, so a crashed push never blocks the next one.
The holder writes who it is into the lock file for `portal server status`.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from typing import Callable

from .server import Server, ServerError


def _describe(info: dict) -> str:
    what = info.get("tugas", "pekerjaan lain")
    since = info.get("sejak", "")
    return f"{what} (pid {info.get('pid', '?')}, sejak {since})" if since else what


def holder(server: Server) -> dict | None:
    """Who holds the lock now, or None when it is free."""
    try:
        fd = os.open(server.lock_file, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                return json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
            except ValueError:
                return {}
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


@contextmanager
def server_lock(server: Server, task: str, say: Callable[[str], None] = lambda _: None, timeout: float | None = None):
    timeout = server.config["batas_waktu_antre"] if timeout is None else timeout
    fd = os.open(server.lock_file, os.O_RDWR | os.O_CREAT, 0o664)
    try:
        started = time.monotonic()
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    other = holder(server) or {}
                    say(f"Menunggu giliran: server sedang menjalankan {_describe(other)}.")
                    told = True
                if time.monotonic() - started > timeout:
                    raise ServerError(f"Sudah menunggu {int(timeout // 60)} menit dan server masih sibuk; coba lagi nanti.")
                time.sleep(0.2)
        info = {"pid": os.getpid(), "tugas": task, "sejak": time.strftime("%Y-%m-%d %H:%M:%S %z")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
