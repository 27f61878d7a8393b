"""Phone and desktop screenshots of every page type, in both colour schemes.

Run with `make screenshots`; the images go to screenshots/ (not committed) so
a person can look at every page before calling a change done.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import serve_compressed  # noqa: E402
from tools.page_types import PAGE_TYPES, SCHEMES, SERVE_ERROR_TYPE, VIEWPORTS, serve_error_sample  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
MAX_HEIGHT = 4000  # px of page per image; long modules are cut here


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tangkapan layar setiap jenis halaman (ponsel dan desktop, terang dan gelap).")
    parser.add_argument("situs", type=Path, help="folder situs yang sudah dibangun")
    parser.add_argument("--keluaran", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--halaman", nargs="*", help="hanya jenis halaman ini")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.keluaran.mkdir(parents=True, exist_ok=True)
    kinds = args.halaman or [*PAGE_TYPES, SERVE_ERROR_TYPE]
    written = 0
    with serve_compressed(args.situs) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for vp_name, viewport in VIEWPORTS.items():
            phone = vp_name == "ponsel"
            for scheme_name, scheme in SCHEMES.items():
                context = browser.new_context(viewport=viewport, color_scheme=scheme, locale="id-ID",
                                              device_scale_factor=1, is_mobile=phone, has_touch=phone)
                page = context.new_page()
                for kind in kinds:
                    if kind == SERVE_ERROR_TYPE:
                        page.set_content(serve_error_sample(), wait_until="load")
                    else:
                        page.goto(origin + PAGE_TYPES[kind], wait_until="networkidle")
                    # Lazy images below the fold would be blank in a full-page image.
                    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
                    page.wait_for_load_state("networkidle")
                    full = page.evaluate("document.documentElement.scrollHeight")
                    # A taller viewport rather than full_page: Chromium's full-page capture drops the touch
                    # emulation, so (hover: none) stops matching and the image shows a layout no phone gets.
                    page.set_viewport_size({"width": viewport["width"], "height": full})
                    height = min(full, MAX_HEIGHT)
                    page.screenshot(path=str(args.keluaran / f"{kind}-{vp_name}-{scheme_name}.png"),
                                    clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})
                    written += 1
                    if full > MAX_HEIGHT:  # the end of a long page too (pager, footer)
                        tail = 2 * viewport["height"]
                        page.screenshot(path=str(args.keluaran / f"{kind}-{vp_name}-{scheme_name}-akhir.png"),
                                        clip={"x": 0, "y": full - tail, "width": viewport["width"], "height": tail})
                        written += 1
                    page.set_viewport_size(viewport)
                context.close()
        browser.close()
    print(f"{written} tangkapan layar ditulis ke {args.keluaran}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
