"""Every pin installs on every supported Python (Debian 12's 3.11.2, 3.12, 3.13).

The check runs offline: requirements-python.json records each pinned
package's Requires-Python, as pip resolved the lock for each supported version
(tools/python_pins.py, run after every change to the lock). These tests make
sure that record covers the lock exactly, that every recorded requirement
admits every supported version, and that the record agrees with the metadata
of the packages really installed here, so it cannot silently go stale.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import sys
import tomllib

import pytest
import yaml
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import python_pins  # noqa: E402

RECORD = json.loads(python_pins.RECORD.read_text(encoding="utf-8"))
LOCK = python_pins.read_pins(python_pins.LOCK.read_text(encoding="utf-8"))
BUILD = python_pins.build_pins()
SUPPORTED = [Version(v) for v in RECORD["python"]]
REGENERATE = "run `python tools/python_pins.py` after changing requirements.lock"


def test_record_lists_the_supported_versions_oldest_first():
    assert RECORD["python"] == list(python_pins.SUPPORTED)
    assert SUPPORTED == sorted(SUPPORTED) and SUPPORTED[0] == Version("3.11.2"), "Debian 12's Python is the minimum"
    assert {(v.major, v.minor) for v in SUPPORTED} >= {(3, 11), (3, 12), (3, 13)}


def test_record_covers_exactly_the_pins():
    recorded = {name: meta["version"] for name, meta in RECORD["packages"].items()}
    assert recorded == {**LOCK, **BUILD}, REGENERATE


@pytest.mark.parametrize("python", RECORD["python"])
def test_every_pin_admits_the_supported_python(python):
    refused = [f"{name}=={meta['version']} needs Python {meta['requires_python']}"
               for name, meta in RECORD["packages"].items()
               if meta["requires_python"] and not SpecifierSet(meta["requires_python"]).contains(python, prereleases=True)]
    assert not refused, f"Python {python} cannot install: " + "; ".join(refused)


def test_record_agrees_with_the_installed_packages():
    """The packages in this environment were installed from the lock: their
    own metadata must say what the record says (the record is not made up)."""
    wrong = []
    for name, meta in RECORD["packages"].items():
        if meta["group"] != "lock":
            continue
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            wrong.append(f"{name} is not installed (run `make install-test`)")
            continue
        if dist.version != meta["version"]:
            wrong.append(f"{name}: installed {dist.version}, pinned {meta['version']}")
        installed = dist.metadata.get("Requires-Python") or ""
        if SpecifierSet(installed) != SpecifierSet(meta["requires_python"]):
            wrong.append(f"{name}: installed package says Requires-Python {installed!r}, "
                         f"record says {meta['requires_python']!r}")
    assert not wrong, "; ".join(wrong) + f" ({REGENERATE})"


def test_pyproject_pins_match_the_lock():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    for requirement in direct:
        name, _, version = re.sub(r"\[.*?\]", "", requirement).partition("==")
        assert version, f"pyproject.toml: {requirement} is not pinned"
        assert LOCK.get(python_pins.canonical(name)) == version, f"{requirement} differs from requirements.lock"


def test_declared_minimum_is_exactly_the_oldest_supported():
    declared = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"])
    assert all(declared.contains(v) for v in SUPPORTED)
    assert not declared.contains("3.11.1"), "requires-python must not promise a Python the lock was never checked on"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Python 3.11.2" in readme and "Python 3.11+" not in readme


def test_ci_runs_the_oldest_and_the_newest_supported_python():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pr.yml").read_text(encoding="utf-8"))
    matrix = workflow["jobs"]["periksa"]["strategy"]["matrix"]["include"]
    assert {entry["python"] for entry in matrix} == {RECORD["python"][0], RECORD["python"][-1].rsplit(".", 1)[0]}
