"""Shared fixtures: copies of the sample portal, file writers, a built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part)
        else:
            shutil.copy2(src, target / part)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the bundled sample portal."""
    return copy_project(tmp_path / "portal")


def run_portal(*args: str, cwd: Path, input: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "portal_ekspor.cli.main", "--folder", str(cwd), *args],
        cwd=cwd, capture_output=True, text=True, input=input, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def build(project_dir: Path, out: Path | None = None) -> Path:
    out = out or project_dir / "site"
    result = run_portal("build", "--keluaran", str(out), cwd=project_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The bundled sample portal, built once for the whole session."""
    base = tmp_path_factory.mktemp("built")
    project_dir = copy_project(base / "portal")
    return build(project_dir)


VALID_ALUMNUS = """\
persetujuan:
  profil_publik: true
  tanggal: 2024-01-15
nama_usaha: Kopi Uji Coba
bentuk_usaha: cv
provinsi: Sumatera Barat
kabupaten_kota: Kabupaten Solok
sektor: minuman
angkatan: ecp-sumbar-2023
produk:
  - nama: Kopi arabika biji sangrai
    hs: "09012100"
tujuan_ekspor:
  - negara: MY
    sejak: 2023
sertifikasi: [halal]
kontak:
  email:
    alamat: info@kopi-uji.example
    publik: true
"""


@pytest.fixture
def valid_alumnus_text() -> str:
    return VALID_ALUMNUS


def record_problems(project: Path, text: str, name: str = "kopi-uji.yml") -> list:
    """The problems `portal check` reports in ``text`` saved as data/alumni/``name`` (other files' are left out)."""
    from portal_ekspor.repository import load_portal

    (project / "data" / "alumni" / name).write_text(text, encoding="utf-8")
    _, problems = load_portal(project)
    return [p for p in problems if p.path == f"data/alumni/{name}"]


def line_of(text: str, fragment: str) -> int:
    """The line (from 1) on which ``fragment`` first starts in ``text``: where staff would look for an edit."""
    assert fragment in text, fragment
    return text.count("\n", 0, text.index(fragment)) + 1


def assert_one_problem(found: list, field: str, needle: str, line: int) -> None:
    """Exactly one problem, naming ``field`` on ``line``, its message containing ``needle``."""
    assert [p.field for p in found] == [field], found
    assert needle in found[0].message, found[0].message
    assert found[0].line == line, (found[0].line, found[0].message)


def alumnus(name: str, *, photo: str | None = None, public: bool = True, email_public: bool = True,
            whatsapp: tuple[str, bool] | None = None) -> str:
    """A valid alumnus record named `name`; consent, channels and photo as a test needs them."""
    text = VALID_ALUMNUS.replace("Kopi Uji Coba", name).replace("info@kopi-uji.example", "info@uji.example")
    if not public:
        text = text.replace("profil_publik: true", "profil_publik: false")
    if not email_public:
        text = text.replace("    publik: true\n", "    publik: false\n")
    if whatsapp:
        number, shown = whatsapp
        text += f'  whatsapp:\n    nomor: "{number}"\n    publik: {str(shown).lower()}\n'
    if photo:
        text += f"foto: {photo}\nfoto_keterangan: Foto produk {name}\n"
    return text


def slug_of(name: str) -> str:
    return "-".join(name.lower().split())


# Records the browser tests write themselves, so what they check never depends on today's sample data.
FILLER = [f"Kopi Halaman {i:02d}" for i in range(1, 50)]  # with any sample, more than one directory page (48)
CHANNELS = {  # name: (WhatsApp number, WhatsApp public, e-mail public)
    "Kopi Kanal Terbuka": ("+62 812-3456-7001", True, False),
    "Kopi Kanal Tertutup": ("+62 812-3456-7002", False, True),
}
UNCONSENTED = ["Teh Rahasia Pelangi", "Sambal Bisik Senyap"]
CONSENTED_TWIN = "Sambal Terang Benderang"  # built like the unconsented ones, with consent: the positive control


def write_own_records(project_dir: Path) -> None:
    alumni = project_dir / "data" / "alumni"
    for name in FILLER + [CONSENTED_TWIN]:
        (alumni / f"{slug_of(name)}.yml").write_text(alumnus(name), encoding="utf-8")
    for name, (number, wa_public, email_public) in CHANNELS.items():
        (alumni / f"{slug_of(name)}.yml").write_text(
            alumnus(name, email_public=email_public, whatsapp=(number, wa_public)), encoding="utf-8")
    for name in UNCONSENTED:
        (alumni / f"{slug_of(name)}.yml").write_text(alumnus(name, public=False), encoding="utf-8")


@pytest.fixture(scope="session")
def own_site(tmp_path_factory) -> Path:
    """The sample portal plus the records above, built once for the session."""
    project_dir = copy_project(tmp_path_factory.mktemp("sendiri") / "portal")
    write_own_records(project_dir)
    return build(project_dir)


@pytest.fixture(scope="session")
def own_site_url(own_site):
    from browser import serve

    with serve(own_site) as url:
        yield url


def require_tool(path: str | None, what: str, package: str) -> str:
    """The path of a tool the suite needs; a missing one fails the test loudly, never skips it."""
    if not path or not os.access(path, os.X_OK):
        pytest.fail(f"{what} tidak ditemukan ({path or 'tidak ada di PATH'}): tes ini membutuhkannya dan tidak dilewati. "
                    f"Jalankan `make test`, yang memasang paket Debian `{package}`.", pytrace=False)
    return path


@pytest.fixture(scope="session")
def node() -> str:
    return require_tool(shutil.which("node"), "Node.js", "nodejs")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS

    require_tool(CHROMIUM, "Chromium", "chromium")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    from browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    p = context.new_page()
    yield p
    context.close()
