"""A published folder is readable by a web server running as another user."""

from __future__ import annotations

import os
import stat

from portal_ekspor.publish import readable_by_web_server


def _mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_folders_755_files_644_links_untouched(tmp_path):
    site = tmp_path / "situs"
    deep = site / "alumni" / "kopi"
    deep.mkdir(parents=True)
    page = deep / "index.html"
    page.write_text("<p>kopi</p>")
    outside = tmp_path / "rahasia.txt"
    outside.write_text("x")
    outside.chmod(0o600)
    (site / "tautan").symlink_to(outside)
    page.chmod(0o600)
    deep.chmod(0o700)
    site.chmod(0o700)
    (site / "sudah.css").write_text("a{}")
    (site / "sudah.css").chmod(0o644)
    readable_by_web_server(site)
    assert _mode(site) == _mode(site / "alumni") == _mode(deep) == 0o755
    assert _mode(page) == _mode(site / "sudah.css") == 0o644
    assert _mode(outside) == 0o600  # a link's target is not the release's to change
