"""The staff preview (`make serve`): a saved profile first, listings after, and a note while they lag.

The session is driven with stand-in build functions held at a gate, so the
order of events is fixed by the test, never by timing.
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from preview_http import get, until

from portal_ekspor.preview.session import Preview
from portal_ekspor.preview.status import LAG_NOTE, NOTE_ID, PreviewStatus, decorate
from portal_ekspor.repository import load_portal
from portal_ekspor.site.pages import build_site_content
from portal_ekspor.site.saved_profile import profile_update

NOTE = f'<div id="{NOTE_ID}"'


class _Site:
    """Stand-in builder: a full build copies the data's names into a listing page;
    builds after the first wait at a gate the test opens."""

    def __init__(self, project: Path):
        self.project = project
        self.shared = project / "gemeinsam"  # the folder quick writes go to, linked from every build
        self.shared.mkdir()
        self.gate = threading.Event()
        self.builds = 0
        self.fail = False

    def names(self) -> str:
        return " ".join(sorted(p.read_text() for p in (self.project / "data" / "alumni").glob("*.yml")))

    def rebuild(self, site: Path) -> None:
        self.builds += 1
        if self.builds > 1:
            assert self.gate.wait(60)
        if self.fail:
            raise RuntimeError("galat uji")
        (site / "index.html").write_text(f"<html><body><p>Daftar: {self.names()}</p></body></html>")
        (site / "alumni").symlink_to(self.shared, target_is_directory=True)

    def quick(self, path: Path) -> bool:
        folder = self.shared / path.stem
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(f"<html><body><h1>{path.read_text()}</h1></body></html>")
        return True


@pytest.fixture
def session(tmp_path):
    project = tmp_path / "portal"
    (project / "data" / "alumni").mkdir(parents=True)
    (project / "data" / "alumni" / "usaha-a.yml").write_text("Lama")
    site = _Site(project)
    preview = Preview(project, site.rebuild, site.quick, folder=tmp_path / "pratinjau")
    url = preview.start("127.0.0.1", 0)
    until(lambda: preview.status.snapshot().version >= 1, "first build")
    yield preview, site, url
    site.gate.set()
    preview.stop()


def test_saved_profile_shows_before_the_listing_and_the_note_goes_when_it_catches_up(session):
    preview, site, url = session
    site.quick(preview.project / "data" / "alumni" / "usaha-a.yml")
    status, home = get(url)
    assert status == 200 and "Daftar: Lama" in home and NOTE not in home
    record = preview.project / "data" / "alumni" / "usaha-a.yml"
    record.write_text("Baru")  # through the real file watcher
    until(lambda: "Baru" in get(url + "alumni/usaha-a/")[1], "the profile shows the save")
    status, home = get(url)
    assert "Daftar: Lama" in home, "the listing must still be the old one: the full build is held"
    assert NOTE in home and LAG_NOTE.split("…")[0] in home
    assert json.loads(get(url + ".pratinjau/status.json")[1])["menyusul"] is True
    site.gate.set()
    until(lambda: not json.loads(get(url + ".pratinjau/status.json")[1])["menyusul"], "catching up")
    status, home = get(url)
    assert "Daftar: Baru" in home and NOTE not in home
    assert NOTE not in get(url + "alumni/usaha-a/")[1]


def test_a_failed_rebuild_is_said_on_every_page_and_the_last_good_site_stays(session):
    preview, site, url = session
    site.fail = True
    site.gate.set()
    preview.file_changed(preview.project / "docs" / "index.md")
    until(lambda: json.loads(get(url + ".pratinjau/status.json")[1])["gagal"], "the failure is known")
    status, home = get(url)
    assert status == 200 and "Daftar: Lama" in home and "gagal" in home
    site.fail = False
    preview.file_changed(preview.project / "docs" / "index.md")
    until(lambda: not json.loads(get(url + ".pratinjau/status.json")[1])["gagal"], "recovered")
    assert NOTE not in get(url)[1]


def test_files_outside_what_staff_edit_do_not_rebuild(session):
    preview, site, url = session
    builds = site.builds
    for rel in (".cache/portal/x.pickle", "site/index.html", "data/alumni/.usaha-a.yml.swp", "catatan.txt"):
        preview.file_changed(preview.project / rel)
    assert json.loads(get(url + ".pratinjau/status.json")[1])["menyusul"] is False
    assert site.builds == builds


def test_note_and_script_sit_inside_body_and_are_escaped():
    status = PreviewStatus()
    html = b'<!doctype html><html><head><title>x</title></head><body class="a"><p>isi</p></body></html>'
    plain = decorate(html, status.snapshot()).decode()
    assert NOTE not in plain and plain.index("<script>") > plain.index('<body class="a">')
    status.changed()
    lagging = decorate(html, status.snapshot()).decode()
    assert lagging.index(NOTE) > lagging.index('<body class="a">') and lagging.index(NOTE) < lagging.index("<p>isi")
    status.built(complete=True)
    assert NOTE not in decorate(html, status.snapshot()).decode()
    status.changed()
    status.built(complete=False)  # a save arrived while it built: still behind
    assert NOTE in decorate(html, status.snapshot()).decode()


# --- the quick path's pages are the full build's pages ---------------------

def _page(content, url):
    return next(p for p in content.pages if p.url == url)


def test_quick_pages_equal_the_full_build(project):
    record = project / "data" / "alumni" / "rendang-uni-sari.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("nama_usaha: Rendang Uni Sari",
                                                                 "nama_usaha: Rendang Uni Sari Baru"), encoding="utf-8")
    portal, problems = load_portal(project)
    assert not problems
    update = profile_update(portal, record, english=True)
    full = build_site_content(portal, english=True)
    assert [p.url for p in update.pages] == ["alumni/rendang-uni-sari/", "en/exporters/rendang-uni-sari/"]
    for page in update.pages:
        twin = _page(full, page.url)
        assert "Rendang Uni Sari Baru" in page.html
        assert (page.html, page.title, page.description, page.json_ld, page.alternate, page.searchable_html()) == \
               (twin.html, twin.title, twin.description, twin.json_ld, twin.alternate, twin.searchable_html())
    assert profile_update(portal, record, english=False).pages[0].alternate is None


def test_quick_path_removes_withdrawn_and_deleted_profiles_and_leaves_problems_to_the_full_build(project):
    portal, _ = load_portal(project)
    record = project / "data" / "alumni" / "rendang-uni-sari.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("profil_publik: true", "profil_publik: false"), encoding="utf-8")
    withdrawn = profile_update(portal, record, english=True)
    assert withdrawn.pages == [] and withdrawn.gone == ["alumni/rendang-uni-sari/", "en/exporters/rendang-uni-sari/"]
    record.write_text(text.replace("sektor: kuliner", "sektor: kulinerr"), encoding="utf-8")
    assert profile_update(portal, record, english=True) is None
    record.write_text(text.replace("angkatan: ", "angkatan: tidak-ada-", 1), encoding="utf-8")
    assert profile_update(portal, record, english=True) is None
    twin = record.with_suffix(".yaml")
    shutil.copy(record.with_name("rendang-uni-sari.yml"), twin)
    record.write_text(text, encoding="utf-8")
    assert profile_update(portal, twin, english=True) is None  # two files, one address
    twin.unlink()
    record.unlink()
    assert profile_update(portal, record, english=True).gone == ["alumni/rendang-uni-sari/", "en/exporters/rendang-uni-sari/"]


def test_startup_check_reads_again_only_changed_files_and_never_caches_a_problem(project, monkeypatch, capsys):
    from portal_ekspor import repository
    from portal_ekspor.cli.main import main

    validated = []
    real = repository._load_alumnus
    monkeypatch.setattr(repository, "_load_alumnus", lambda job: validated.append(job[1]) or real(job))
    check = ["--folder", str(project), "check"]
    assert main(check) == 0
    assert len(validated) == len(list((project / "data" / "alumni").glob("*.yml")))
    validated.clear()
    assert main(check) == 0 and validated == []  # a new process would read the same disk cache
    record = project / "data" / "alumni" / "rendang-uni-sari.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("sektor: kuliner", "sektor: kulinerr"), encoding="utf-8")
    for _ in range(2):
        validated.clear()
        capsys.readouterr()
        assert main(check) != 0
        assert validated == ["data/alumni/rendang-uni-sari.yml"]
        assert "data/alumni/rendang-uni-sari.yml" in capsys.readouterr().err
