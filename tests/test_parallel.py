"""Work in slices on forked workers (portal_ekspor/parallel.py): every index once, in order."""

from __future__ import annotations

import json
import subprocess
import sys

from portal_ekspor.parallel import in_slices, slices


def test_slices_cover_the_range_once_in_order():
    assert slices(10, 3) == [(0, 4), (4, 8), (8, 10)]
    assert slices(3, 8) == [(0, 1), (1, 2), (2, 3)]
    assert slices(0, 4) == []
    for count in (1, 7, 100, 101):
        parts = slices(count, 8)
        assert [i for a, b in parts for i in range(a, b)] == list(range(count))


_ORDER = """
import json, os
from portal_ekspor.parallel import in_slices
data = [f"halaman-{i}" for i in range(500)]  # inherited by the fork, never sent
results = in_slices(len(data), lambda a, b: (os.getpid(), data[a:b]), workers=2, minimum=10)
print(json.dumps({"parent": os.getpid(), "results": results}))
"""


def test_results_come_back_in_slice_order_from_other_processes():
    # In a process of its own: a browser test earlier in the run may leave threads here,
    # and then nothing is forked (can_fork).
    done = subprocess.run([sys.executable, "-c", _ORDER], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["results"] is not None
    assert [x for _, part in out["results"] for x in part] == [f"halaman-{i}" for i in range(500)]
    assert out["parent"] not in {pid for pid, _ in out["results"]}


def test_too_little_work_or_one_worker_runs_in_the_caller():
    assert in_slices(5, lambda a, b: b - a, workers=2, minimum=10) is None
    assert in_slices(500, lambda a, b: b - a, workers=1, minimum=10) is None
