"""The page `make serve` shows while the data is invalid.

Staff may not watch the terminal: during a preview, invalid data replaces
every page with the same `file:baris: kolom: pesan` list `portal check`
prints, and the page reloads by itself once the files are fixed. Only for
previews: `portal build` still refuses to build.
"""

from __future__ import annotations

import re

from markupsafe import escape

MARKER = "data-pe-serve-error"

_PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Data belum valid - Portal Ekspor</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 1rem; background: #fff8e1; color: #212121; }}
main {{ max-width: 60rem; margin: 0 auto; }}
h1 {{ font-size: 1.5rem; color: #b71c1c; }}
ol {{ padding-left: 2rem; }}
li {{ margin: .4rem 0; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #1e1e1e; color: #eee; }} h1 {{ color: #ff8a80; }} }}
</style></head>
<body {marker}><main>
<h1>Data belum valid: pratinjau berhenti sementara</h1>
<p>Perbaiki masalah berikut lalu simpan filenya. Halaman ini akan dimuat ulang sendiri setelah data valid.</p>
<ol>
{items}
</ol>
<p>{summary}</p>
<p>Situs yang sudah terbit tidak berubah: <code>portal build</code> dan penerbitan menolak data yang tidak valid.</p>
</main>
<script>
(function () {{
  function check() {{
    fetch(location.href, {{ cache: "no-store" }}).then(function (r) {{ return r.ok ? r.text() : ""; }})
      .then(function (text) {{ if (text && text.indexOf("{marker}") < 0) location.reload(); else setTimeout(check, 1000); }})
      .catch(function () {{ setTimeout(check, 2000); }});
  }}
  setTimeout(check, 1000);
}})();
</script>
</body></html>
"""


def _text(line: str) -> str:
    """Escaped, with the CLI's `backquoted` names shown as code, as a terminal reader sees them."""
    return re.sub(r"`([^`<>]+)`", r"<code>\1</code>", str(escape(line)))


def error_page_html(report: str) -> str:
    lines = [line for line in report.splitlines() if line.strip()]
    summary = lines.pop() if lines and lines[-1].startswith("Ditemukan") else ""
    items = "\n".join(f"<li>{_text(line)}</li>" for line in lines)
    return _PAGE.format(marker=MARKER, items=items, summary=_text(summary))
