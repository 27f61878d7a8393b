"""HTTP helpers for the preview tests: fetch a page, wait for a condition (never a fixed time)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request


def get(url: str) -> tuple[int, str]:
    """(status, body); status 0 when nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
    except OSError:
        return 0, ""


def until(condition, what: str, seconds: float = 300):
    """The condition's first true value; the deadline only turns a hang into a failure."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"never happened: {what}")
