"""JSON Schema files for editors (VS Code's YAML extension and others).

Generated from the same pydantic models that validate, so the editor and
`portal check` can never disagree about field names or allowed values.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models.alumni import Alumnus
from .models.glossary import Glossary
from .models.module import ModuleMeta
from .models.program import Program

SCHEMAS = {
    "alumni.schema.json": (Alumnus, "Profil alumni Portal Ekspor (data/alumni/*.yml)"),
    "program.schema.json": (Program, "Program dan angkatan (data/programs/*.yml)"),
    "glosarium.schema.json": (Glossary, "Glosarium (data/glossary.yml)"),
    "modul.schema.json": (ModuleMeta, "Front matter modul (docs/modul/**/*.md)"),
}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (model, title) in SCHEMAS.items():
        schema = model.model_json_schema(by_alias=True)
        schema["title"] = title
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        path = folder / name
        text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
