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
    """Hold the server for one task. Besides the flock, a push recorded in
    tertunda.json whose git process still runs keeps the server busy (unless
    it is the caller's own push): its branch update is not done yet. A record
    whose owner died is settled here before the task starts."""
    from . import pending

    timeout = server.config["batas_waktu_antre"] if timeout is None else timeout
    fd = os.open(server.lock_file, os.O_RDWR | os.O_CREAT, 0o664)
    try:
        started = time.monotonic()
        told = False
        while True:
            waiting_for = None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                record = pending.read(server)
                if record and not pending.mine(record) and pending.alive(record):
                    fcntl.flock(fd, fcntl.LOCK_UN)
                    waiting_for = f"penerbitan commit {record['commit'][:8]} (git sedang memperbarui cabang)"
                else:
                    break
            except BlockingIOError:
                waiting_for = _describe(holder(server) or {})
            if not told:
                say(f"Menunggu giliran: server sedang menjalankan {waiting_for}.")
                told = True
            if time.monotonic() - started > timeout:
                raise ServerError(f"Sudah menunggu {int(timeout // 60)} menit dan server masih sibuk; coba lagi nanti.")
            time.sleep(0.2)
        info = {"pid": os.getpid(), "tugas": task, "sejak": time.strftime("%Y-%m-%d %H:%M:%S %z")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        try:
            if record and not pending.mine(record):
                from .recover import settle

                settle(server, record, say)
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
