"""Build settings come from mkdocs.yml (extra.portal), typed, typos reported in Indonesian."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, run_portal
from portal_ekspor.settings import PortalSettings, SettingsError, settings_from_extra


def test_defaults_and_values_from_the_extra_mapping():
    assert settings_from_extra({}) == PortalSettings()
    s = settings_from_extra({"portal": {"halaman_ringkas": False, "akar_pencarian": False}})
    assert s.halaman_ringkas is False and s.akar_pencarian is False and s.cache is True


def test_the_shipped_mkdocs_yml_is_valid():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("!ENV", "")  # the only custom tag in it
    settings_from_extra(yaml.safe_load(text)["extra"])


@pytest.mark.parametrize("raw, message", [
    ({"halaman_ringkas": "mungkin"}, "extra.portal.halaman_ringkas: isi dengan true atau false"),
    ({"halaman_ringkass": True}, "extra.portal.halaman_ringkass: pengaturan tidak dikenal"),
])
def test_mistakes_are_named(raw, message):
    with pytest.raises(SettingsError, match=message):
        settings_from_extra({"portal": raw})


def test_a_typo_stops_the_build_with_a_message(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("halaman_ringkas: true", "halaman_ringkas: ya kali"))
    done = run_portal("build", "--keluaran", str(project / "out"), cwd=project)
    assert done.returncode != 0
    assert "extra.portal.halaman_ringkas: isi dengan true atau false" in done.stderr
    assert "Traceback" not in done.stderr and not (project / "out").exists()
