"""Lighthouse mobile scores (Lighthouse's default: Moto G Power emulation,
simulated slow 4G and 4x CPU slowdown) of pages served with compression from
loopback, with every audit that keeps a category below 100.

Lighthouse is installed into bench/node_modules from bench/package.json, apart
from the test tools, so `make test` never pulls it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
                "--disable-component-update --disable-sync --disable-dev-shm-usage")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")


def available() -> bool:
    return CLI.is_file()


def version() -> str:
    return json.loads((BENCH / "node_modules" / "lighthouse" / "package.json").read_text())["version"]


def run_once(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    cmd = ["node", str(CLI), url, "--output=json", f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}",
           "--only-categories=" + ",".join(CATEGORIES), "--quiet"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(f"Lighthouse gagal untuk {url}:\n{done.stderr[-2000:]}")
    return json.loads(out.read_text())


BLAME = {"cumulative-layout-shift": "layout-shifts", "largest-contentful-paint": "largest-contentful-paint-element"}
"""Metric audits name no elements; these diagnostics do."""


def _nodes(audit: dict, limit: int = 3) -> list[str]:
    """Selectors or snippets of the elements an audit blames, so a failure can be found in the page."""
    out = []
    for item in (audit.get("details") or {}).get("items", []) or []:
        node = item.get("node") if isinstance(item, dict) else None
        if isinstance(node, dict):
            out.append(node.get("selector") or node.get("snippet") or "")
        for sub in (item.get("subItems") or {}).get("items", []) if isinstance(item, dict) else []:
            if isinstance(sub, dict) and isinstance(sub.get("node"), dict):
                out.append(sub["node"].get("selector") or sub["node"].get("snippet") or "")
        if len(out) >= limit:
            break
    return [n for n in out if n][:limit]


def summarise(report: dict) -> dict:
    audits = report["audits"]
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing: dict[str, list[dict]] = {}
    for c in CATEGORIES:
        rows = []
        for ref in report["categories"][c]["auditRefs"]:
            audit = audits[ref["id"]]
            score = audit.get("score")
            if score is None or audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative"):
                continue
            weighted = ref.get("weight", 0) > 0
            # Weighted audits below 1 cost points; unweighted ones are listed when Lighthouse marks them failed (< 0.9).
            if (weighted and score < 1) or (not weighted and score < 0.9):
                rows.append({"id": ref["id"], "title": audit["title"], "score": score, "weight": ref.get("weight", 0),
                             "value": audit.get("displayValue", ""),
                             "nodes": _nodes(audits[BLAME.get(ref["id"], ref["id"])]) if weighted else []})
        failing[c] = rows
    metrics = {m: audits[m].get("displayValue", "") for m in METRICS if m in audits}
    return {"scores": scores, "failing": failing, "metrics": metrics,
            "runtime_error": (report.get("runtimeError") or {}).get("message"),
            "warnings": report.get("runWarnings", [])}


def audit_pages(base_url: str, pages: dict[str, str], out_dir: Path, runs: int = 3) -> dict[str, dict]:
    """Each page ``runs`` times; the run with the median performance score is reported, with the range."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results = {}
    for kind, path in pages.items():
        summaries = []
        for i in range(runs):
            summaries.append(summarise(run_once(base_url + path, out_dir / f"{kind}-{i + 1}.json")))
        ordered = sorted(summaries, key=lambda s: s["scores"]["performance"])
        chosen = dict(ordered[len(ordered) // 2])
        chosen["performance_runs"] = [s["scores"]["performance"] for s in summaries]
        chosen["path"] = "/" + path
        results[kind] = chosen
    return results
