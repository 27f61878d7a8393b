"""Module pages: the learning-path index, the info box and Course metadata."""

from __future__ import annotations

from ..reference.catalogues import LEVELS
from ..repository import ModuleRecord, Portal
from .pages import GeneratedPage, _page

LEVEL_DESCRIPTIONS = {
    "pemula": "Untuk usaha yang baru menyiapkan ekspor pertama: kesiapan, legalitas, jaringan dukungan, produk, pasar, harga dan sampel.",
    "menengah": "Untuk usaha yang mulai berhubungan dengan buyer: korespondensi, kontrak, pembayaran, dokumen, kepabeanan dan forwarder.",
    "mahir": "Untuk usaha yang siap mengirim dan menumbuhkan ekspor: pembiayaan, pemasaran dan e-commerce, insentif, devisa dan pesanan ulang.",
}


def module_url(module: ModuleRecord) -> str:
    return module.docs_path[:-3] + "/"


def module_index_page(portal: Portal) -> GeneratedPage:
    levels = []
    for key, label in LEVELS.items():
        items = sorted((m for m in portal.modules if m.meta.level == key), key=lambda m: (m.meta.session, m.meta.title))
        levels.append({
            "key": key, "label": label, "description": LEVEL_DESCRIPTIONS[key],
            "modules": [{"url": module_url(m), "title": m.meta.title, "session": m.meta.session,
                         "duration": m.meta.duration_minutes, "reading": m.reading_minutes,
                         "description": m.meta.description} for m in items],
        })
    intro = (f"{len(portal.modules)} modul disusun mengikuti delapan sesi pendampingan, dari kesiapan ekspor "
             "sampai rencana pengiriman pertama. Setiap modul berisi tujuan, penjelasan, contoh, daftar periksa dan uji pemahaman.")
    return _page("modul/index.md", "Modul pelatihan ekspor", intro, "module-index", "module_index.html", intro=intro, levels=levels)


def module_info_html(portal: Portal, module: ModuleRecord) -> str:
    from .render import render

    by_slug = {m.slug: m for m in portal.modules}
    prerequisites = [{"url": module_url(by_slug[s]), "title": by_slug[s].meta.title} for s in module.meta.prerequisites if s in by_slug]
    return render("module_info.html", base=module_url(module), meta=module.meta, reading_minutes=module.reading_minutes,
                  level_label=LEVELS[module.meta.level], prerequisites=prerequisites)


def course_json_ld(module: ModuleRecord, organisation: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": module.meta.title,
        "description": module.meta.description,
        "inLanguage": "id",
        "educationalLevel": LEVELS[module.meta.level],
        "timeRequired": f"PT{module.meta.duration_minutes}M",
        "teaches": list(module.meta.objectives),
        "provider": {"@type": "Organization", "name": organisation},
    }
