"""tertunda.json: a push that passed its checks and waits for git to move the branch.

The server lock (flock) belongs to one process, but a push spans three: the
pre-receive hook builds, git then updates the branch, and the hooks that run
during and after that update publish. Between them the push is recorded here,
with the process id of git's receive-pack that owns it. While that process
lives and the record stays, every other task waits (lock.server_lock), so no
second push can pass its "is the branch still where you left it?" check
before the first one's branch update is done: a losing push is refused in
Indonesian before it builds anything.

When the owner dies halfway (killed, power cut), the next task holding the
lock settles the record (settle): a branch update that happened is finished,
one that did not is undone, and the release it built is deleted, so no
orphan release is left behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from .server import Server, read_json, write_json

FILE = "tertunda.json"


def path(server: Server) -> Path:
    return server.root / FILE


def read(server: Server) -> dict | None:
    data = read_json(path(server), None)
    return data if isinstance(data, dict) and data.get("commit") else None


def start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot, so a recycled pid
    is not mistaken for the owner; None when no such process exists."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def owner() -> dict:
    """The hook's parent is git's receive-pack, which lives for the whole push."""
    pid = os.getppid()
    return {"pid": pid, "pid_mulai": start_time(pid)}


def alive(record: dict) -> bool:
    started = start_time(int(record.get("pid", 0) or 0))
    return started is not None and started == record.get("pid_mulai")


def mine(record: dict | None) -> bool:
    return bool(record) and record.get("pid") == os.getppid() and alive(record)


def write(server: Server, record: dict) -> None:
    write_json(path(server), record)


def clear(server: Server) -> None:
    path(server).unlink(missing_ok=True)
