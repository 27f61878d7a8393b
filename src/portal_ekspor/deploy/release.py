"""Build one commit into a complete release, or refuse it with the reasons.

Everything happens in work/<id>/ (never served): the commit is exported with
`git archive`, checked and built by `portal build` from that checkout, the
inline scripts of every page are pinned by hash (csp.py), the manifest is
written, and only then is the finished folder renamed into releases/<id>.
A build that fails, times out or is killed leaves nothing in releases/; the
next run, holding the lock, kills whatever is left of it and empties work/.

Call with the server lock held (lock.server_lock).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import csp, log
from .releases import Release, published_profiles
from .server import Server

FAULT_ENV = "PORTAL_RILIS_UJI_GAGAL"
"""Test hook: `setelah-build` makes the process SIGKILL itself once the site is
built but before it becomes a release, like a power cut at the worst moment."""


@dataclass
class Outcome:
    ok: bool
    kind: str = "LOLOS"
    """LOLOS, DITOLAK (the commit's data or pages are refused) or GAGAL (the
    server could not finish: killed, timed out, crashed; not the data)."""
    release: Release | None = None
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _fault(point: str) -> None:
    if os.environ.get(FAULT_ENV) == point:
        os.kill(os.getpid(), signal.SIGKILL)


def _processes_mentioning(path: Path) -> list[int]:
    needle = str(path).encode()
    found = []
    proc = Path("/proc")
    if not proc.is_dir():
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def clean_stale(server: Server) -> list[str]:
    """Remove what interrupted runs left behind. Only safe under the lock: then
    nothing in work/ can belong to a live run."""
    cleaned = []
    if server.work.is_dir():
        for entry in sorted(server.work.iterdir()):
            for pid in _processes_mentioning(entry):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
            cleaned.append(entry.name)
    for tmp in server.root.glob(".live.*.tmp"):
        tmp.unlink(missing_ok=True)
    return cleaned


def new_release_id(server: Server, commit: str) -> str:
    base = time.strftime("%Y%m%d-%H%M%S", time.gmtime()) + "-" + commit[:10]
    rid, n = base, 1
    while (server.releases / rid).exists() or (server.work / rid).exists():
        n += 1
        rid = f"{base}-{n}"
    return rid


def export_commit(server: Server, commit: str, dest: Path) -> None:
    """Write the commit's files into `dest` (works inside pre-receive too: git
    finds the quarantined objects through the environment it gave the hook)."""
    dest.mkdir(parents=True)
    proc = subprocess.Popen(["git", f"--git-dir={server.repo}", "archive", "--format=tar", commit],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
            tar.extractall(dest, filter="data")  # refuses links and paths that leave dest
    finally:
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8", "replace")
        proc.wait()
    if proc.returncode != 0:
        raise RuntimeError(f"git archive gagal: {err.strip()}")


def commit_info(server: Server, commit: str) -> tuple[str, str]:
    out = server.git("log", "-1", "--format=%an%x00%s", commit, check=False)
    author, _, subject = out.partition("\x00")
    return author, subject


def build_env(server: Server, checkout: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "PYTHONPATH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    # Check and build with the pushed commit's own core code, as hooks/portal.py
    # does for MkDocs; libraries come from the server's Python environment.
    if (checkout / "src" / "portal_ekspor").is_dir():
        env["PYTHONPATH"] = str(checkout / "src")
    if server.config.get("alamat_situs"):
        env["PORTAL_SITE_URL"] = server.config["alamat_situs"]
    return env


def _tidy(output: str, checkout: Path, site: Path) -> list[str]:
    text = output.replace(str(checkout) + os.sep, "").replace(str(checkout), ".").replace(str(site), "<rilis baru>")
    return [line.rstrip() for line in text.splitlines() if line.strip() and not line.startswith("Situs selesai dibangun")]


def share_unchanged(site: Path, server: Server) -> int:
    """Replace every file of the new release that is byte-identical to the
    same path in the live release by a hard link to it, so kept releases
    share unchanged files and five cost little more than one. Safe because
    no release file is ever modified in place (manifests and takedown
    rebuilds write new files and rename them over)."""
    from .releases import live_id

    current = live_id(server)
    previous = server.releases / current if current else None
    if previous is None or not previous.is_dir():
        return 0
    return share_with(site, previous)


def share_with(site: Path, previous: Path) -> int:
    """Hard-link each file of ``site`` that is byte-identical to the same path in ``previous``."""
    shared = 0
    for dirpath, _dirs, files in os.walk(site):
        for name in files:
            path = Path(dirpath) / name
            old = previous / path.relative_to(site)
            try:
                new_stat, old_stat = path.stat(), old.stat()
            except OSError:
                continue
            if new_stat.st_size != old_stat.st_size or new_stat.st_ino == old_stat.st_ino:
                continue
            if not _same_bytes(path, old):
                continue
            tmp = path.with_name(f".{name}.tautan")
            try:
                os.link(old, tmp)
                os.replace(tmp, path)
                shared += 1
            except OSError:
                tmp.unlink(missing_ok=True)
    return shared


def _same_bytes(a: Path, b: Path) -> bool:
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            chunk = fa.read(1 << 16)
            if chunk != fb.read(1 << 16):
                return False
            if not chunk:
                return True


def build_release(server: Server, commit: str, say: Callable[[str], None] = lambda _: None, *,
                  release_id: str | None = None, prepare: Callable[[Path], None] | None = None,
                  history: list | None = None) -> Outcome:
    """Build `commit` into releases/<id>. A takedown rebuild passes the id of
    the release it replaces, `prepare` to remove records from the checkout
    before building, and the replaced release's `tayang` history."""
    started = time.monotonic()
    server.work.mkdir(exist_ok=True)
    server.releases.mkdir(exist_ok=True)
    for name in clean_stale(server):
        log.write(server, "DIBERSIHKAN", f"sisa pembangunan yang terputus dihapus: work/{name}")
    rid = release_id or new_release_id(server, commit)
    work = server.work / rid
    checkout, site = work / "sumber", work / "situs"
    author, subject = commit_info(server, commit)
    who = f"{server.branch} {commit[:8]} {author}".rstrip()
    log.write(server, "MULAI", f"{who}: memeriksa dan membangun ({subject})")
    try:
        export_commit(server, commit, checkout)
        if prepare is not None:
            prepare(checkout)
    except (RuntimeError, tarfile.TarError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        message = f"isi commit tidak bisa diambil: {exc}"
        log.write(server, "GAGAL", f"{who}: {message}")
        return Outcome(False, "GAGAL", messages=[message], seconds=time.monotonic() - started)

    cmd = [server.python, "-m", "portal_ekspor.cli.main", "--folder", str(checkout), "build", "--keluaran", str(site)]
    proc = subprocess.Popen(cmd, cwd=checkout, env=build_env(server, checkout), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                            start_new_session=True)
    timed_out = False
    try:
        output, _ = proc.communicate(timeout=server.config["batas_waktu_build"])
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        output, _ = proc.communicate()
    except BaseException:
        # Interrupted (signal, disconnected pusher): take the whole build down with us.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        raise
    seconds = time.monotonic() - started
    messages = _tidy(output or "", checkout, site)
    if timed_out or proc.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        kind = "DITOLAK" if proc.returncode == 1 and not timed_out else "GAGAL"
        if timed_out:
            messages.append(f"Pembangunan dihentikan setelah melewati batas waktu {server.config['batas_waktu_build']} detik.")
        elif proc.returncode < 0:
            messages.append(f"Proses pembangunan mati di tengah jalan (dihentikan oleh sinyal {-proc.returncode}, "
                            "mis. memori server habis atau dihentikan petugas). Data Anda tidak perlu diubah.")
        elif kind == "GAGAL":
            messages.append(f"Proses pembangunan berhenti dengan kode {proc.returncode} (kesalahan di server, "
                            "bukan di data).")
        log.write(server, kind, f"{who}: tidak diterbitkan; situs yang tayang tidak berubah", messages)
        return Outcome(False, kind, messages=messages, seconds=seconds)

    _fault("setelah-build")
    os.chmod(site, 0o755)  # built in a private temporary folder; nginx must be able to read it
    pages = csp.secure_site(site)
    manifest = {
        "versi": 1,
        "rilis": rid,
        "commit": commit,
        "cabang": server.branch,
        "penulis": author,
        "pesan": subject,
        "dibangun": log.now(),
        "durasi_build_detik": round(seconds, 1),
        "halaman": pages,
        "profil": published_profiles(site),
        "tayang": list(history or []),
        "ditarik": False,
    }
    release = Release(rid, site, manifest)
    shared = share_unchanged(site, server)
    release.save()
    os.sync()  # the files reach the disk before any name points at them: a power cut cannot leave empty pages live
    os.rename(site, server.releases / rid)
    release.path = server.releases / rid
    shutil.rmtree(work, ignore_errors=True)
    log.write(server, "LOLOS", f"{who}: rilis {rid} siap ({len(manifest['profil'])} profil, {pages} halaman, "
                               f"{seconds:.1f} detik, {shared} file dibagi dengan rilis sebelumnya)")
    return Outcome(True, "LOLOS", release=release, messages=messages, seconds=seconds)
