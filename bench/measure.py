"""Run one command and report its wall time and memory, as JSON on stdout.

    python -m bench.measure [--cwd DIR] -- COMMAND...

Run in its own process so `getrusage(RUSAGE_CHILDREN)` covers exactly this
command and its descendants. Two memory figures:

- ``peak_rss_mb``: ru_maxrss of RUSAGE_CHILDREN, the peak resident set of the
  largest single process of the tree (the portal's MkDocs process, or
  MkDocs itself for bare Material);
- ``peak_tree_rss_mb``: the highest sum of VmRSS over the whole process tree,
  sampled from /proc every 50 ms (counts e.g. the `portal` CLI, MkDocs and
  Pagefind alive at the same time; shared pages are counted once per process);
- ``load_max``: the highest 1-minute load average seen during the run (the
  machine may be shared; above ~2 on 2 cores the wall time is inflated);
- ``process_peaks_mb``: each kind of process's own peak (VmHWM: `portal`,
  `mkdocs`, `pagefind`, ...) as last sampled, so the largest one can be named.

The command's own output goes to stderr only when it fails.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                out += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    except OSError:
        pass
    return out


def _status_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process in KB; VmHWM is its own peak so far."""
    rss = hwm = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    except OSError:
        pass
    return rss, hwm


def _name(pid: int) -> str:
    """A short label: `portal`, `mkdocs`, `pagefind`, `mkdocs (pekerja)` for pool workers, or the program name."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    text = " ".join(a.decode("utf-8", "replace") for a in args if a)
    for key, label in (("search.indexer", "pengindeks"), ("pagefind", "pagefind"), ("mkdocs", "mkdocs"),
                       ("portal", "portal")):
        if key in text:
            return label
    return Path(args[0].decode("utf-8", "replace")).name if args and args[0] else "?"


def tree_rss_kb(root: int, peaks: dict[str, int] | None = None, names: dict[int, str] | None = None) -> int:
    """Sum of VmRSS over the tree; ``peaks`` collects each process label's highest VmHWM."""
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        rss, hwm = _status_kb(pid)
        total += rss
        if peaks is not None and names is not None:
            if pid not in names:
                names[pid] = _name(pid)
            peaks[names[pid]] = max(peaks.get(names[pid], 0), hwm)
        stack += _children(pid)
    return total


def measure(cmd: list[str], cwd: str | None = None, env: dict | None = None) -> dict:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = 0
    peaks: dict[str, int] = {}
    names: dict[int, str] = {}
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.extend(iter(lambda: proc.stdout.read(65536), b"")), daemon=True)
    reader.start()
    loads: list[float] = []
    last_load = 0.0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid, peaks, names))
        if time.perf_counter() - last_load >= 1:
            last_load = time.perf_counter()
            loads.append(float(Path("/proc/loadavg").read_text().split()[0]))
        time.sleep(0.05)
    wall = time.perf_counter() - started
    reader.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"returncode": proc.returncode, "wall_s": wall, "peak_rss_mb": usage.ru_maxrss / 1024,
            "peak_tree_rss_mb": peak / 1024, "process_peaks_mb": {k: v / 1024 for k, v in peaks.items()}, "cpu_s": usage.ru_utime + usage.ru_stime,
            "load_max": max(loads, default=0.0),
            "output": b"".join(chunks).decode("utf-8", "replace")[-4000:]}


ROOT = Path(__file__).resolve().parent.parent


def run_measured(cmd: list[str], cwd: str | Path | None = None, env: dict | None = None) -> dict:
    """Measure ``cmd`` from a fresh process (so RUSAGE_CHILDREN holds only it)."""
    where = ["--cwd", str(cwd)] if cwd else []
    done = subprocess.run([sys.executable, "-m", "bench.measure", *where, "--", *cmd], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"bench.measure gagal:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def main() -> None:
    args = sys.argv[1:]
    cwd = None
    if args[:1] == ["--cwd"]:
        cwd, args = args[1], args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    result = measure(args, cwd=cwd)
    json.dump(result, sys.stdout)
    if result["returncode"] != 0:
        sys.stderr.write(result["output"])


if __name__ == "__main__":
    main()
