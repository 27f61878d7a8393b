"""Running a coroutine from a test, whatever ran before it in the session."""

from __future__ import annotations

import asyncio
import concurrent.futures


def run(coroutine):
    """``asyncio.run`` in a thread of its own: Playwright's sync API keeps an event
    loop running in the test thread once a browser test has run in the session."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
