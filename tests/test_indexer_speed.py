"""Pagefind's Python client waits 0.1 s before reading each response; the
indexer removes that delay (one request per record made 20,000 profiles an hour
of idle waiting). These tests pin the behaviour, not a timing."""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect

import pagefind.service as service

from portal_ekspor.search.indexer import _AsyncioWithoutPollDelay, _without_poll_delay


def test_pagefind_poll_loop_still_has_the_delay_we_remove():
    # If an upgrade drops the delay, this shim can go too.
    assert "asyncio.sleep(0.1)" in inspect.getsource(service.PagefindService._wait_for_responses)


def test_shim_sleep_does_not_wait_but_passes_everything_else_through():
    shim = _AsyncioWithoutPollDelay()

    async def measure() -> float:
        loop = asyncio.get_running_loop()
        start = loop.time()
        await shim.sleep(30)
        return loop.time() - start

    # A thread of its own: Playwright's sync API may keep an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, measure()).result() < 30
    assert shim.create_subprocess_exec is asyncio.create_subprocess_exec
    assert shim.subprocess is asyncio.subprocess


def test_indexer_installs_the_shim_in_pagefinds_service_module():
    original = service.asyncio
    try:
        _without_poll_delay()
        assert isinstance(service.asyncio, _AsyncioWithoutPollDelay)
    finally:
        service.asyncio = original
