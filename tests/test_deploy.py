"""Publishing by git push to a self-hosted server, end to end.

Every test installs a server folder with the real `portal server pasang`,
pushes with real git into its bare repository (so the installed hooks run),
and reads pages from a real nginx (Debian's package) started on a free
loopback port with the server block the install wrote.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import PROJECT_PARTS, ROOT, alumnus, copy_project

NGINX = "/usr/sbin/nginx"
GIT_ENV = {"GIT_AUTHOR_NAME": "Staf Uji", "GIT_AUTHOR_EMAIL": "staf@dinas.example", "GIT_COMMITTER_NAME": "Staf Uji",
           "GIT_COMMITTER_EMAIL": "staf@dinas.example", "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}
PROFILE = "rendang-uni-sari"
NGINX_MISSING = (f"{NGINX} belum terpasang: tes penerbitan butuh nginx. Jalankan `make test` (target system-deps "
                 "memasang paket Debian nginx) atau `apt-get install nginx`.")


def require_nginx() -> None:
    """The publishing tests need a real nginx: fail loudly, never skip."""
    if not os.access(NGINX, os.X_OK):
        pytest.fail(NGINX_MISSING, pytrace=False)


# --- helpers -----------------------------------------------------------------------------------------------------

def portal(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portal_ekspor.cli.main", *args], capture_output=True, text=True,
                          timeout=600, env={**os.environ, **GIT_ENV, **(env or {})})


def git(cwd: Path, *args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **GIT_ENV, **(env or {})})
    if check:
        assert done.returncode == 0, f"git {' '.join(args)}: {done.stdout}{done.stderr}"
    return done


def export_sample(target: Path) -> Path:
    """The sample portal as committed (HEAD), so files others are editing right
    now in the working tree cannot make these tests flaky."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "HEAD", *PROJECT_PARTS],
                             capture_output=True)
    if archive.returncode != 0:  # not a git checkout (e.g. a source tarball)
        shutil.rmtree(target)
        return copy_project(target)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


class Staff:
    """A staff member's clone of the portal repository."""

    def __init__(self, folder: Path):
        self.folder = folder

    def write(self, rel: str, text: str | bytes) -> None:
        path = self.folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, encoding="utf-8")

    def read(self, rel: str) -> str:
        return (self.folder / rel).read_text(encoding="utf-8")

    def remove(self, rel: str) -> None:
        (self.folder / rel).unlink()

    def commit(self, message: str) -> str:
        git(self.folder, "add", "-A")
        git(self.folder, "commit", "-q", "-m", message)
        return git(self.folder, "rev-parse", "HEAD").stdout.strip()

    def push(self, env: dict | None = None) -> subprocess.CompletedProcess:
        return git(self.folder, "push", "server", "main", env=env, check=False)

    def push_async(self, env: dict | None = None) -> subprocess.Popen:
        return subprocess.Popen(["git", "push", "server", "main"], cwd=self.folder, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, env={**os.environ, **GIT_ENV, **(env or {})})


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Site:
    """A server folder as the tests see it."""

    def __init__(self, root: Path, port: int):
        self.root = root
        self.port = port

    @property
    def live(self) -> Path:
        return self.root / "live"

    def live_id(self) -> str:
        return os.readlink(self.live).split("/")[-1]

    def releases(self) -> list[str]:
        return sorted(p.name for p in (self.root / "releases").iterdir())

    def manifest(self, release: str | None = None) -> dict:
        folder = self.root / "releases" / (release or self.live_id())
        return json.loads((folder / ".portal-rilis.json").read_text())

    def head(self) -> str:
        return git(self.root / "repo.git", "rev-parse", "refs/heads/main").stdout.strip()

    def log(self) -> str:
        return (self.root / "log" / "rilis.log").read_text()

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def get(self, path: str, gzip_ok: bool = False) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(self.url(path), headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
        try:
            with urllib.request.build_opener(_NoRedirect).open(request, timeout=60) as response:
                status, headers, body = response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, dict(error.headers), error.read()
        if headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return status, headers, body

    def text(self, path: str) -> str:
        status, _, body = self.get(path)
        assert status == 200, (path, status)
        return body.decode("utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def nginx(server_block: Path, prefix: Path):
    """Debian's nginx in the foreground with our server block, on loopback only."""
    for sub in ("logs", "tmp"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read pytest's private tmp folders
    temp = " ".join(f"{kind}_temp_path {prefix}/tmp/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf.write_text(f"""{user}worker_processes 1;
daemon off;
error_log {prefix}/logs/error.log;
pid {prefix}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/logs/access.log;
    {temp}
    include {server_block};
}}
""")
    test = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        port = int(next(line for line in server_block.read_text().splitlines() if line.strip().startswith("listen"))
                   .split(":")[-1].rstrip(";"))
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=60)


@pytest.fixture
def site(tmp_path):
    require_nginx()
    port = free_port()
    root = tmp_path / "server"
    done = portal("server", "pasang", str(root), "--listen", f"127.0.0.1:{port}", "--nama-server", "localhost", "--simpan", "3")
    assert done.returncode == 0, done.stderr
    assert "terpasang" in done.stdout
    s = Site(root, port)
    with nginx(root / "nginx" / "portal-ekspor.conf", tmp_path / "nginx"):
        yield s


@pytest.fixture
def staff(tmp_path, site) -> Staff:
    folder = export_sample(tmp_path / "klon")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "remote", "add", "server", str(site.root / "repo.git"))
    member = Staff(folder)
    member.commit("Portal awal")
    return member


PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf"
                    "c0f01f0005000201a5f5a8a50000000049454e44ae426082")


def every_file(folder: Path):
    """(relative path, content) of every file of a release, gzip and Pagefind chunks opened."""
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            if data.startswith(b"pagefind_dcd"):
                data = data[len(b"pagefind_dcd"):]
            yield path.relative_to(folder).as_posix(), data


def traces(folder: Path, needles: list[str]) -> list[str]:
    found = []
    for rel, data in every_file(folder):
        lowered = data.lower()
        for needle in needles:
            if needle.lower() in rel.lower() or needle.lower().encode() in lowered:
                found.append(f"{rel}: {needle}")
    return found


# --- pushing ------------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_good_push_goes_live_behind_nginx(site, staff):
    # The repository carries the core code too: the server checks and builds with the pushed commit's src/.
    shutil.copytree(ROOT / "src", staff.folder / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    sha = staff.commit("Sertakan kode inti")
    started = time.monotonic()
    result = staff.push()
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert "Lolos pemeriksaan" in result.stderr and "Situs baru sudah tayang" in result.stderr
    assert site.head() == sha and site.manifest()["commit"] == sha
    assert os.readlink(site.live).startswith("releases/")
    print(f"push-to-live: {elapsed:.1f} s")

    status, headers, body = site.get(f"alumni/{PROFILE}/", gzip_ok=True)
    assert status == 200 and b"Rendang Uni Sari" in body
    assert headers["Content-Encoding"] == "gzip"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "'wasm-unsafe-eval'" in csp
    assert "http" not in csp, "no other origin is allowed"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY" and "camera=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "public, max-age=300"
    # Every page pins its own inline scripts by hash.
    assert b'data-portal-csp content="default-src \'self\'; script-src \'self\' \'wasm-unsafe-eval\' \'sha256-' in body

    css = next((site.live / "assets" / "stylesheets").glob("main.*.min.css")).name
    status, headers, _ = site.get(f"assets/stylesheets/{css}", gzip_ok=True)
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip" and headers["X-Content-Type-Options"] == "nosniff"
    fragment = next((site.live / "cari" / "fragment").iterdir()).name
    assert site.get(f"cari/fragment/{fragment}")[1]["Cache-Control"].endswith("immutable")
    status, headers, body = site.get("alumni.csv", gzip_ok=True)
    assert status == 200 and headers["Content-Type"].startswith("text/csv") and PROFILE.encode() in body
    assert site.get(".portal-rilis.json")[0] == 404, "the manifest is never served"
    status, headers, body = site.get("tidak-ada/")
    assert status == 404 and b"<html" in body and "Content-Security-Policy" in headers
    assert site.get("alumni")[0] == 301, "folders redirect to their trailing-slash URL"

    # An ordinary edit goes live on the next push.
    staff.write(f"data/alumni/{PROFILE}.yml", staff.read(f"data/alumni/{PROFILE}.yml").replace("Rendang Uni Sari", "Rendang Uni Sari Baru"))
    staff.commit("Ganti nama usaha")
    assert staff.push().returncode == 0
    assert "Rendang Uni Sari Baru" in site.text(f"alumni/{PROFILE}/")
    assert len(site.releases()) == 2 and not list((site.root / "work").iterdir())
    # Kept releases share unchanged files (hard links); changed files are their own.
    older, newer = (site.root / "releases" / r for r in site.releases())
    css = next((newer / "assets" / "stylesheets").glob("main.*.min.css")).relative_to(newer)
    assert (older / css).stat().st_ino == (newer / css).stat().st_ino
    profile = Path("alumni") / PROFILE / "index.html"
    assert (older / profile).stat().st_ino != (newer / profile).stat().st_ino
    assert b"Rendang Uni Sari Baru" not in (older / profile).read_bytes()
    assert (older / ".portal-rilis.json").stat().st_ino != (newer / ".portal-rilis.json").stat().st_ino

    status = portal("server", "status", "--server", str(site.root))
    assert status.returncode == 0 and "Ganti nama usaha" in status.stdout and "TAYANG" in status.stdout


@pytest.mark.slow
def test_invalid_push_is_refused_with_its_messages_and_live_is_unchanged(site, staff):
    assert staff.push().returncode == 0
    before_id, before_page = site.live_id(), site.text(f"alumni/{PROFILE}/")
    before_head, before_releases = site.head(), site.releases()

    staff.write("data/alumni/kopi-salah.yml", alumnus("Kopi Salah").replace("provinsi: Sumatera Barat", "provinsi: Sumbar"))
    staff.commit("Tambah alumni dengan provinsi salah")
    result = staff.push()
    assert result.returncode != 0
    assert "KIRIMAN DITOLAK" in result.stderr and "Situs yang tayang tidak berubah" in result.stderr
    assert "remote: data/alumni/kopi-salah.yml:6: provinsi:" in result.stderr
    assert "pre-receive hook declined" in result.stderr and "Traceback" not in result.stderr

    # Valid data, but a page MkDocs refuses (a broken link under --strict).
    staff.remove("data/alumni/kopi-salah.yml")
    staff.write("docs/program/index.md", "---\ntitle: Program\n---\n\n[rusak](tidak-ada.md)\n")
    staff.commit("Tautan rusak")
    result = staff.push()
    assert result.returncode != 0 and "KIRIMAN DITOLAK" in result.stderr and "tidak-ada.md" in result.stderr

    assert site.live_id() == before_id and site.text(f"alumni/{PROFILE}/") == before_page
    assert site.head() == before_head, "the refused commits never reach the branch"
    assert site.releases() == before_releases and not list((site.root / "work").iterdir())
    assert site.log().count("DITOLAK") == 2


def wait_for_builder(work: Path, push: subprocess.Popen, exclude: frozenset[int] = frozenset()) -> int:
    """The pid of the MkDocs process building in work/, once it runs (not one of `exclude`,
    left over from a killed hook until the next push clears it)."""
    deadline = time.monotonic() + 120
    while True:
        assert time.monotonic() < deadline and push.poll() is None, "the build never started"
        for proc in Path("/proc").iterdir():
            try:
                cmdline = (proc / "cmdline").read_bytes() if proc.name.isdigit() else b""
            except OSError:
                continue
            if str(work).encode() in cmdline and b"mkdocs" in cmdline and int(proc.name) not in exclude:
                return int(proc.name)
        time.sleep(0.02)


@pytest.mark.slow
def test_build_killed_midway_never_goes_live(site, staff):
    assert staff.push().returncode == 0
    before_id, before_page, before_head = site.live_id(), site.text(f"alumni/{PROFILE}/"), site.head()
    before_releases = site.releases()
    staff.write(f"data/alumni/{PROFILE}.yml", staff.read(f"data/alumni/{PROFILE}.yml").replace("Rendang Uni Sari", "Rendang Setengah Jadi"))
    staff.commit("Perubahan yang terputus")

    # 1. The hook dies the moment the new site is complete, before it becomes a release.
    result = staff.push(env={"PORTAL_RILIS_UJI_GAGAL": "setelah-build"})
    assert result.returncode != 0
    assert site.live_id() == before_id and site.releases() == before_releases and site.head() == before_head
    assert site.text(f"alumni/{PROFILE}/") == before_page

    # 2. The hook is killed from outside while MkDocs is still writing pages.
    work = site.root / "work"
    push = staff.push_async()
    orphan = wait_for_builder(work, push)
    holder = json.loads((site.root / ".kunci").read_text())
    os.kill(holder["pid"], signal.SIGKILL)
    output, _ = push.communicate(timeout=120)
    assert push.returncode != 0, output
    assert site.live_id() == before_id and site.releases() == before_releases and site.head() == before_head
    assert site.text(f"alumni/{PROFILE}/") == before_page
    assert "Setengah Jadi" not in site.text("alumni.json")

    # 2b. Only the builder dies (as the out-of-memory killer would do): the pusher is
    # told the server failed, not to fix the data.
    push = staff.push_async()
    os.kill(wait_for_builder(work, push, exclude=frozenset({orphan})), signal.SIGKILL)
    output, _ = push.communicate(timeout=120)
    assert push.returncode != 0, output
    assert "bukan kesalahan data Anda" in output and "sinyal 9" in output, output
    assert "Perbaiki di komputer Anda" not in output and "Traceback" not in output
    assert site.live_id() == before_id and site.releases() == before_releases and site.head() == before_head
    assert "GAGAL      :" in portal("server", "status", "--server", str(site.root)).stdout

    # 3. The next push clears what the dead builds left (and any build process still running), then goes live.
    result = staff.push()
    assert result.returncode == 0, result.stderr
    assert "Rendang Setengah Jadi" in site.text(f"alumni/{PROFILE}/")
    assert not list(work.iterdir())
    assert "DIBERSIHKAN" in site.log()
    leftovers = [p for p in Path("/proc").iterdir() if p.name.isdigit() and p.name != str(os.getpid())]
    for proc in leftovers:
        try:
            assert str(work).encode() not in (proc / "cmdline").read_bytes()
        except OSError:
            pass


@pytest.mark.slow
def test_rollback_restores_previous_release_and_old_releases_are_dropped(site, staff):
    path = f"data/alumni/{PROFILE}.yml"
    original = staff.read(path)
    assert staff.push().returncode == 0
    first = site.live_id()
    staff.write(path, original.replace("Rendang Uni Sari", "Rendang Versi Dua"))
    staff.commit("Versi dua")
    assert staff.push().returncode == 0
    second = site.live_id()
    assert "Rendang Versi Dua" in site.text(f"alumni/{PROFILE}/")

    done = portal("server", "rollback", "--server", str(site.root))
    assert done.returncode == 0, done.stderr
    assert "tayang lagi" in done.stdout
    assert site.live_id() == first and "Rendang Versi Dua" not in site.text(f"alumni/{PROFILE}/")
    assert "Rendang Uni Sari" in site.text(f"alumni/{PROFILE}/")
    status = portal("server", "status", "--server", str(site.root)).stdout
    assert "PERHATIAN" in status and "ROLLBACK" in status
    again = portal("server", "rollback", "--server", str(site.root))
    assert again.returncode == 1 and "Tidak ada rilis sebelumnya" in again.stderr

    # Forward again by name, then back: the rollback returns to `first`, it never skips it.
    assert portal("server", "rollback", second, "--server", str(site.root)).returncode == 0
    assert site.live_id() == second
    back = portal("server", "rollback", "--server", str(site.root))
    assert back.returncode == 0, back.stderr
    assert site.live_id() == first

    # `rilis` republishes the branch tip; a named rollback picks any kept release.
    assert portal("server", "rilis", "--server", str(site.root)).returncode == 0
    assert "Rendang Versi Dua" in site.text(f"alumni/{PROFILE}/")
    assert portal("server", "rollback", second, "--server", str(site.root)).returncode == 0
    assert site.live_id() == second

    # --simpan 3: with more pushes only the three newest releases stay, the live one included.
    for n in (3, 4):
        staff.write(path, original.replace("Rendang Uni Sari", f"Rendang Versi {n}"))
        staff.commit(f"Versi {n}")
        assert staff.push().returncode == 0
    kept = site.releases()
    assert len(kept) == 3 and site.live_id() == kept[-1] and first not in kept


@pytest.mark.slow
@pytest.mark.browser
def test_takedown_push_leaves_no_trace_and_prune_clears_kept_releases(site, staff, browser):
    staff.write("data/alumni/kopi-jejak-hilang.yml", alumnus("Kopi Jejak Hilang", photo="foto/kopi-jejak-hilang.png"))
    staff.write("data/alumni/foto/kopi-jejak-hilang.png", PNG)
    staff.write("data/alumni/teh-tarik-cabut.yml", alumnus("Teh Tarik Cabut"))
    # Against the guide's template, the names are in the commit message: the takedown must reach it too.
    staff.commit("Tambah Kopi Jejak Hilang dan teh-tarik-cabut")
    assert staff.push().returncode == 0
    with_them = site.live_id()
    gone = ["kopi-jejak-hilang", "teh-tarik-cabut"]
    names = ["Kopi Jejak Hilang", "Teh Tarik Cabut"]
    assert site.get("alumni/kopi-jejak-hilang/")[0] == 200 and site.get("alumni/foto/kopi-jejak-hilang.png")[0] == 200
    assert all(slug in site.text("alumni.json") for slug in gone)
    assert any("kopi-jejak-hilang" in h for h in search(browser, site, "Jejak Hilang")), "findable before the takedown"

    # One alumnus asks to be deleted, the other withdraws consent.
    staff.remove("data/alumni/kopi-jejak-hilang.yml")
    staff.remove("data/alumni/foto/kopi-jejak-hilang.png")
    staff.write("data/alumni/teh-tarik-cabut.yml", alumnus("Teh Tarik Cabut", public=False))
    staff.commit("Turunkan dua profil atas permintaan pemilik")
    result = staff.push()
    assert result.returncode == 0, result.stderr
    assert "Profil yang tidak tayang lagi: kopi-jejak-hilang, teh-tarik-cabut" in result.stderr
    assert "portal server pangkas kopi-jejak-hilang teh-tarik-cabut" in result.stderr

    for slug in gone:
        assert site.get(f"alumni/{slug}/")[0] == 404
        assert slug not in site.text("alumni.json") and slug not in site.text("alumni.csv")
        assert slug not in site.text("sitemap.xml") and slug not in site.text("alumni/")
    assert site.get("alumni/foto/kopi-jejak-hilang.png")[0] == 404
    assert traces(site.live.resolve(), gone + names) == [], "nothing in the live release, search index included"
    for name in names:
        assert not [h for h in search(browser, site, name) if any(slug in h for slug in gone)]

    # Kept releases still hold them: rollback refuses to bring them back, pangkas deletes them
    # and rebuilds the newest one without them, so a rollback target remains.
    rollback = portal("server", "rollback", "--server", str(site.root))
    assert rollback.returncode == 1 and "sudah diturunkan" in rollback.stderr
    assert "diturunkan" in portal("server", "status", "--server", str(site.root)).stdout
    assert any(slug in site.log() for slug in gone), "positive control: the log named them before pangkas"
    pruned = portal("server", "pangkas", "--server", str(site.root))
    assert pruned.returncode == 0, pruned.stderr
    assert "Dibangun ulang" in pruned.stdout and with_them in pruned.stdout and with_them in site.releases()
    for release in (site.root / "releases").iterdir():
        assert traces(release, gone + names) == []
    assert "DIPANGKAS" in site.log()
    again = portal("server", "pangkas", "kopi-jejak-hilang", "--server", str(site.root))
    assert again.returncode == 0 and "Tidak ada rilis lama" in again.stdout

    # The record leaves the repository's history too (git-filter-repo).
    forgotten = portal("server", "pangkas", *gone, "--riwayat", "--server", str(site.root))
    assert forgotten.returncode == 0, forgotten.stderr
    assert "Riwayat repositori server ditulis ulang" in forgotten.stdout
    leftovers = server_traces(site.root, gone + names)
    assert leftovers == [], leftovers
    assert site.manifest()["commit"] == site.head(), "kept releases follow the rewritten commits"

    # Rollback after the takedown: to the rebuilt release, without the profiles.
    rollback = portal("server", "rollback", "--server", str(site.root))
    assert rollback.returncode == 0, rollback.stderr
    assert site.live_id() == with_them and site.get(f"alumni/{PROFILE}/")[0] == 200
    assert site.get("alumni/kopi-jejak-hilang/")[0] == 404 and "teh-tarik-cabut" not in site.text("alumni.json")
    assert server_traces(site.root, gone + names) == []

    # A clone made before the rewrite cannot bring the history back; a fresh clone can push.
    staff.write("data/alumni/kopi-baru.yml", alumnus("Kopi Baru"))
    staff.commit("Tambah satu alumni")
    assert staff.push().returncode != 0, "git itself refuses: the histories diverged"
    # What a staff member would try next: pull (merging the old history back in), then push.
    git(staff.folder, "pull", "-q", "--no-rebase", "--no-edit", "server", "main")
    stale = staff.push()
    assert stale.returncode != 0 and "riwayat lama yang sudah dihapus" in stale.stderr, stale.stderr
    fresh = Staff(staff.folder.parent / "klon-baru")
    git(staff.folder.parent, "clone", "-q", "-o", "server", str(site.root / "repo.git"), str(fresh.folder))
    fresh.write("data/alumni/kopi-baru.yml", alumnus("Kopi Baru"))
    fresh.commit("Tambah satu alumni")
    assert fresh.push().returncode == 0
    assert "kopi-baru" in site.text("alumni.json") and server_traces(site.root, gone + names) == []


def server_traces(root: Path, needles: list[str]) -> list[str]:
    """Every mention of `needles` anywhere under a server folder: files (gzip and
    Pagefind chunks opened), and every object of the bare repository, reachable or not."""
    found = traces(root, needles)
    objects = subprocess.run(["git", f"--git-dir={root / 'repo.git'}", "cat-file", "--batch-all-objects", "--batch"],
                             capture_output=True, check=True).stdout.lower()
    found += [f"repo.git object: {n}" for n in needles if n.lower().encode() in objects]
    return found


@contextmanager
def search_box(browser, site: Site):
    """A fresh reader on the live home page, with the header search open and focused."""
    from playwright.sync_api import expect

    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    try:
        page.goto(site.url(), wait_until="networkidle")
        page.locator("h1").first.click()
        page.keyboard.press("/")
        # Locators, not wait_for_function: the page's policy forbids the eval the latter needs.
        expect(page.locator("#pe-search-input")).to_be_focused()
        yield page
    finally:
        context.close()


def search(browser, site: Site, query: str) -> list[str]:
    """The result links once the search for `query` itself has finished: cari.js names the
    query whose outcome the status shows (tests.browser.SEARCH_SETTLED; as a locator here,
    since the page's policy forbids wait_for_function's eval)."""
    from playwright.sync_api import expect

    with search_box(browser, site) as page:
        page.locator("#pe-search-input").fill(query)
        status = page.locator("#pe-search-status")
        expect(status).to_have_attribute("data-pe-query", query.strip(), timeout=30_000)
        assert "belum tersedia" not in status.inner_text(), f"search failed for {query!r}"
        return page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


@pytest.mark.slow
@pytest.mark.browser
def test_page_opened_before_a_release_keeps_searching(site, staff, browser, tmp_path):
    from playwright.sync_api import expect

    assert staff.push().returncode == 0
    first = site.live_id()
    with search_box(browser, site) as page:
        page.keyboard.type("rendang")
        expect(page.locator(f"#pe-search-results a[href*='{PROFILE}']").first).to_be_visible(timeout=30_000)

        # A release that changes pages under the open page: their search fragments get new
        # names, and the open page's index still points at the old ones.
        path = "data/alumni/abon-ndalem-kartika.yml"
        staff.write(path, staff.read(path).replace("nama_usaha: Abon Ndalem Kartika", "nama_usaha: Abon Ndalem Kartika Jaya"))
        staff.write("data/alumni/kopi-lintas-rilis.yml", alumnus("Kopi Lintas Rilis"))
        staff.commit("Ganti nama satu alumni, tambah satu")
        assert staff.push().returncode == 0
        assert site.live_id() != first
        access_log = tmp_path / "nginx" / "logs" / "access.log"
        seen = len(access_log.read_text().splitlines())

        # The open page still runs the first release's search: its next query asks for
        # index chunks the new live release no longer has, and still gets answers.
        page.locator("#pe-search-input").fill("abon")
        expect(page.locator("#pe-search-results a[href*='abon-ndalem-kartika']").first).to_be_visible(timeout=30_000)
        expect(page.locator("#pe-search-status")).to_have_attribute("data-pe-query", "abon")
        expect(page.locator("#pe-search-status")).to_have_text(re.compile(r"^\d+ hasil"))
        requests = [line.split('"')[1].split()[1:2] + line.split('"')[2].split()[:1]
                    for line in access_log.read_text().splitlines()[seen:] if '"GET /cari/' in line]
        assert requests and all(status == "200" for _, status in requests), requests
        only_in_first = [path for path, _ in requests if not (site.live / path.lstrip("/")).exists()]
        assert only_in_first, "the query must need files the new release lacks (else nothing was tested)"
        assert all((site.root / "releases" / first / path.lstrip("/")).is_file() for path in only_in_first)


@pytest.mark.slow
def test_concurrent_pushes_are_serialised_and_end_consistent(site, staff, tmp_path):
    assert staff.push().returncode == 0
    other = Staff(tmp_path / "klon-2")
    git(tmp_path, "clone", "-q", "-o", "server", str(site.root / "repo.git"), str(other.folder))
    staff.write("data/alumni/kopi-pertama.yml", alumnus("Kopi Pertama"))
    staff.commit("Tambah Kopi Pertama")
    other.write("data/alumni/kopi-kedua.yml", alumnus("Kopi Kedua"))
    other.commit("Tambah Kopi Kedua")

    pushes = [staff.push_async(), other.push_async()]
    outputs = [p.communicate(timeout=300)[0] for p in pushes]
    codes = [p.returncode for p in pushes]
    print("concurrent pushes:", codes, *outputs, sep="\n")
    # Both start from the same commit: exactly one can win.
    assert sorted(codes) != [0, 0] and 0 in codes, outputs
    refused = next(i for i, code in enumerate(codes) if code != 0)
    loser, text = (staff, other)[refused], outputs[refused]
    assert "KIRIMAN DITOLAK" in text and "sudah berubah sejak Anda mengambilnya" in text and "git pull" in text, text
    assert "cannot lock ref" not in text and "Lolos pemeriksaan" not in text, "refused before any build"
    assert site.manifest()["commit"] == site.head(), "the live site matches the branch"
    # One build only (the loser never built), builds never overlapped, no orphan release.
    events = [line.split()[3] for line in site.log().splitlines() if line[:1].isdigit()]
    assert events.count("MULAI") == 2, events  # the first push and the winner
    open_build = False
    for kind in events:
        if kind == "MULAI":
            assert not open_build, events
            open_build = True
        elif kind in ("LOLOS", "DITOLAK", "GAGAL"):
            open_build = False
    assert len(site.releases()) == 2 and not (site.root / "tertunda.json").exists()
    git(loser.folder, "pull", "-q", "--rebase", "server", "main")
    assert loser.push().returncode == 0
    listing = site.text("alumni.json")
    assert "kopi-pertama" in listing and "kopi-kedua" in listing
    assert site.manifest()["commit"] == site.head() and len(site.releases()) == 3


@pytest.mark.slow
def test_killed_switch_fails_the_push_and_killed_post_receive_is_finished(site, staff):
    assert staff.push().returncode == 0
    before_id, before_head, before_releases = site.live_id(), site.head(), site.releases()
    page = site.text(f"alumni/{PROFILE}/")
    staff.write(f"data/alumni/{PROFILE}.yml", staff.read(f"data/alumni/{PROFILE}.yml").replace("Rendang Uni Sari", "Rendang Tertukar"))
    staff.commit("Perubahan saat listrik padam")

    # The hook that switches `live` dies right after the switch, before git moves the branch.
    for point in ("sebelum-tukar", "setelah-tukar"):
        result = staff.push(env={"PORTAL_RILIS_UJI_GAGAL": point})
        assert result.returncode != 0, (point, result.stderr)
        assert "KIRIMAN GAGAL" in result.stderr and "situs yang tayang tidak berubah" in result.stderr, result.stderr
        assert site.live_id() == before_id and site.head() == before_head, point
        assert site.releases() == before_releases, "no orphan release"
        assert site.text(f"alumni/{PROFILE}/") == page
        status = portal("server", "status", "--server", str(site.root)).stdout
        assert "GAGAL      :" in status and "sebelum cabang diperbarui" in status, status

    # post-receive dies: the switch already happened with the branch update, so the
    # push is live; status shows the unfinished bookkeeping, the next task finishes it.
    result = staff.push(env={"PORTAL_RILIS_UJI_GAGAL": "post-receive"})
    assert result.returncode == 0, result.stderr
    assert "Rendang Tertukar" in site.text(f"alumni/{PROFILE}/") and site.manifest()["commit"] == site.head()
    status = portal("server", "status", "--server", str(site.root)).stdout
    assert "TERPUTUS" in status, status
    staff.write("data/alumni/kopi-sesudah.yml", alumnus("Kopi Sesudah"))
    staff.commit("Tambah Kopi Sesudah")
    assert staff.push().returncode == 0
    assert "penerbitannya diselesaikan" in site.log() and "TERPUTUS" not in portal("server", "status", "--server", str(site.root)).stdout


@pytest.mark.slow
def test_branch_cannot_be_deleted_or_rewritten(site, staff):
    assert staff.push().returncode == 0
    target, head, releases = os.readlink(site.live), site.head(), site.releases()
    page = site.text(f"alumni/{PROFILE}/")
    deleted = git(staff.folder, "push", "server", ":main", check=False)
    assert deleted.returncode != 0
    staff.write(f"data/alumni/{PROFILE}.yml", staff.read(f"data/alumni/{PROFILE}.yml").replace("Rendang Uni Sari", "Rendang Ditimpa"))
    git(staff.folder, "add", "-A")
    git(staff.folder, "commit", "-q", "--amend", "-m", "Riwayat ditulis ulang")
    forced = git(staff.folder, "push", "--force", "server", "main", check=False)
    assert forced.returncode != 0
    # Nothing moved: same release, same pages, same branch, no new release.
    assert os.readlink(site.live) == target and site.head() == head and site.releases() == releases
    assert site.text(f"alumni/{PROFILE}/") == page and "Rendang Ditimpa" not in site.text("alumni.json")


# --- browser: the Content-Security-Policy really holds ------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.browser
def test_pages_run_under_the_policy_and_search_works(site, staff, browser):
    assert staff.push().returncode == 0
    # A page with one inline script that is not in its hash list: the policy must stop it.
    page_html = (site.live / "alumni" / PROFILE / "index.html").read_text()
    (site.live / "uji-csp").mkdir()
    (site.live / "uji-csp" / "index.html").write_text(page_html.replace("</body>", "<script>window.__disuntik = 1</script></body>"))

    context = browser.new_context(locale="id-ID")
    context.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                            "e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI))")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for path in ("", f"alumni/{PROFILE}/", "alumni/", "statistik/", "glosarium/", "program/", "alumni/provinsi/"):
            errors.clear()
            page.goto(site.url(path), wait_until="networkidle")
            assert page.evaluate("window.__csp") == [], path
            assert errors == [], (path, errors)
            assert page.evaluate("typeof __md_get") == "function", "Material's inline helpers ran"
        page.goto(site.url(), wait_until="networkidle")
        page.locator("h1").first.click()
        page.keyboard.press("/")
        page.keyboard.type("rendang")
        page.wait_for_selector("#pe-search-results li")
        hrefs = page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert any(PROFILE in h for h in hrefs), "Pagefind's WebAssembly runs under 'wasm-unsafe-eval'"
        assert page.evaluate("window.__csp") == [] and errors == []

        page.goto(site.url("uji-csp/"), wait_until="networkidle")
        assert page.evaluate("window.__disuntik") is None
        assert page.evaluate("window.__csp") == ["script-src-elem inline"]
        assert page.evaluate("typeof __md_get") == "function"
    finally:
        context.close()


# --- pieces ------------------------------------------------------------------------------------------------------

def test_csp_hashes_cover_exactly_the_executable_inline_scripts():
    import base64
    import hashlib

    from portal_ekspor.deploy.csp import inline_script_hashes, secure_page

    def sha(text):
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    html = ('<!doctype html><html><head>\r\n<meta charset="utf-8"><script>a()\r\n</script>'
            '<script type="module">b()</script><script type="application/ld+json">{"x":1}</script>'
            '<script id="__config" type="application/json">{}</script><script src="x.js"></script>'
            '<script type="text/javascript">a()\n</script></head><body></body></html>')
    assert inline_script_hashes(html) == [sha("a()\n"), sha("b()")]
    secured = secure_page(html)
    assert secured.index('<meta charset="utf-8">') < secured.index("data-portal-csp") < secured.index("<script")
    assert secure_page(secured) == secured, "running twice changes nothing"
    assert secured.count("data-portal-csp") == 1 and "frame-ancestors" not in secured


def nginx_check(server_block: Path, prefix: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on a full configuration that includes `server_block`."""
    require_nginx()
    (prefix / "logs").mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(f"error_log {prefix}/logs/error.log;\npid {prefix}/nginx.pid;\nevents {{}}\n"
                    f"http {{ include /etc/nginx/mime.types; access_log off; include {server_block}; }}\n")
    return subprocess.run([NGINX, "-t", "-q", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True)


def test_nginx_template_in_repository_is_current_and_valid(tmp_path):
    from portal_ekspor.deploy import nginx as conf

    shipped = ROOT / "deploy" / "nginx" / "portal-ekspor.conf"
    assert shipped.read_text() == conf.render(), "regenerate with: python -c 'import sys; from portal_ekspor.deploy " \
        "import nginx; sys.stdout.write(nginx.render())' > deploy/nginx/portal-ekspor.conf"
    text = shipped.read_text()
    for needle in ("gzip on;", "immutable", "X-Content-Type-Options", "Referrer-Policy", "frame-ancestors 'none'",
                   "root /srv/portal-ekspor/live;", "root /srv/portal-ekspor/arsip;",
                   "try_files /1$uri /2$uri /3$uri /4$uri =404;"):
        assert needle in text
    # nginx itself parses the shipped file as it is (nginx -t checks syntax, directives and
    # values without binding the ports or needing the folders).
    checked = nginx_check(shipped, tmp_path / "uji")
    assert checked.returncode == 0, checked.stderr
    # A broken block is refused by the same check (the check can fail).
    broken = tmp_path / "rusak.conf"
    broken.write_text(text.replace("gzip_comp_level 5;", "gzip_comp_level lima;"))
    assert nginx_check(broken, tmp_path / "uji-rusak").returncode != 0
    # And a rendered block really serves.
    block = tmp_path / "server.conf"
    (tmp_path / "live").mkdir()
    (tmp_path / "live" / "index.html").write_text("<!doctype html><title>ok</title>")
    port = free_port()
    block.write_text(conf.render(str(tmp_path / "live"), "localhost", [f"127.0.0.1:{port}"], archive=str(tmp_path / "arsip")))
    with nginx(block, tmp_path / "nginx"):
        status, headers, body = Site(tmp_path, port).get("")
    assert status == 200 and b"<title>ok" in body and "Content-Security-Policy" in headers


def test_server_commands_explain_problems_in_indonesian(tmp_path):
    missing = portal("server", "status", "--server", str(tmp_path / "tidak-ada"))
    assert missing.returncode == 1 and "bukan folder server" in missing.stderr and "Traceback" not in missing.stderr
    bad_python = portal("server", "pasang", str(tmp_path / "srv"), "--python", "/bin/false")
    assert bad_python.returncode == 1 and "belum memuat Portal Ekspor" in bad_python.stderr
    usage = portal("server", "pasang", str(tmp_path / "srv"), "--simpan", "dua")
    assert usage.returncode == 2 and "galat" in usage.stderr
    assert "Penggunaan: portal server rollback" in portal("server", "rollback", "--help").stdout
    not_a_site = portal("server", "csp", str(tmp_path))
    assert not_a_site.returncode == 2 and "portal build" in not_a_site.stderr
    (tmp_path / "index.html").write_text("<html><head><script>x()</script></head><body></body></html>")
    done = portal("server", "csp", str(tmp_path))
    assert done.returncode == 0 and "1 halaman" in done.stdout
    assert "'sha256-" in (tmp_path / "index.html").read_text()


# --- CI and pre-commit configuration ------------------------------------------------------------------------------

@pytest.mark.parametrize("path, schema", [
    (".github/workflows/pr.yml", "vendor.github-workflows"),
    (".github/workflows/pages.yml", "vendor.github-workflows"),
    (".gitlab-ci.yml", "vendor.gitlab-ci"),
])
def test_ci_files_match_their_schemas(path, schema):
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(ROOT / path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _workflow_steps(path: str) -> list[dict]:
    import yaml

    workflow = yaml.safe_load((ROOT / path).read_text())
    return [s for job in workflow["jobs"].values() for s in job["steps"]]


def test_ci_files_do_what_the_issue_asks():
    import yaml

    pr = yaml.safe_load((ROOT / ".github/workflows/pr.yml").read_text())
    assert "pull_request" in pr[True]  # PyYAML reads the key `on` as True
    steps = _workflow_steps(".github/workflows/pr.yml")
    runs = " ".join(s.get("run", "") for s in steps)
    assert "portal check" in runs or "make check" in runs
    assert "make build" in runs and "make test" in runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") and s["with"]["path"].rstrip("/") == "site" for s in steps)
    assert pr["permissions"] == {"contents": "read"}
    assert all(job["permissions"] == {"contents": "read"} for job in pr["jobs"].values())

    pages = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    assert pages[True]["push"]["branches"] == ["main"]
    # Publishing rights belong to the deploy job alone.
    assert pages["permissions"] == {"contents": "read"}
    assert pages["jobs"]["bangun"]["permissions"] == {"contents": "read"}
    assert pages["jobs"]["terbitkan"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in _workflow_steps(".github/workflows/pages.yml")]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)

    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert gitlab["pages"]["resource_group"] and gitlab["pages"]["interruptible"] is False
    assert all("$CI_DEFAULT_BRANCH" in rule["if"] for rule in gitlab["pages"]["rules"])
    assert gitlab["variables"]["PIP_CACHE_DIR"].startswith("$CI_PROJECT_DIR/") and gitlab["cache"]["paths"] == [".cache/pip"]
    exposed = [j for j in gitlab.values() if isinstance(j, dict) and "expose_as" in j.get("artifacts", {})]
    assert exposed and exposed[0]["artifacts"]["paths"] == ["site/"]
    assert any("make test" in " ".join(j.get("script", [])) for j in gitlab.values() if isinstance(j, dict))
    assert gitlab["uji"]["parallel"]["matrix"] == [{"DEBIAN_IMAGE": ["debian:12", "debian:13"]}]


@pytest.mark.parametrize("path", [".github/workflows/pr.yml", ".github/workflows/pages.yml"])
def test_github_actions_are_pinned_by_commit_with_their_version(path):
    lines = [line for line in (ROOT / path).read_text().splitlines() if re.match(r"\s*(- )?uses:", line)]
    assert lines
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), line
    steps = _workflow_steps(path)
    assert any("actions/cache@" in s.get("uses", "") and "pip" in s["with"]["path"] for s in steps), "pip cache"
    assert all(job.get("env", {}).get("PIP_CACHE_DIR") == "/root/.cache/pip"
               for job in __import__("yaml").safe_load((ROOT / path).read_text())["jobs"].values() if "container" in job)


@pytest.mark.slow
def test_pre_commit_stops_invalid_data_before_it_is_committed(tmp_path):
    import pre_commit  # noqa: F401  (a pinned test dependency: missing, the test fails, it never skips)
    repo = export_sample(tmp_path / "repo")
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    (repo / ".venv").symlink_to(ROOT / ".venv")  # the hook runs .venv/bin/portal, as in a staff clone
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    env = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache")}
    run = [sys.executable, "-m", "pre_commit", "run"]

    ok = subprocess.run([*run, "--all-files"], cwd=repo, capture_output=True, text=True, env={**os.environ, **env})
    assert ok.returncode == 0, ok.stdout + ok.stderr

    (repo / "data/alumni/kopi-salah.yml").write_text(alumnus("Kopi Salah").replace("provinsi: Sumatera Barat", "provinsi: Sumbar")
                                                      + "cerita: NIK pemilik 3171234567890001\n")
    (repo / "data/peserta.csv").write_text("nama,nik\n")
    git(repo, "add", "-A")
    bad = subprocess.run(run, cwd=repo, capture_output=True, text=True, env={**os.environ, **env})
    assert bad.returncode == 1
    assert "data/alumni/kopi-salah.yml:6: provinsi:" in bad.stdout
    assert "data/alumni/kopi-salah.yml:" in bad.stdout and "16 angka" in bad.stdout
    assert "data/peserta.csv" in bad.stdout
