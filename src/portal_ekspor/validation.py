"""Turn pydantic's errors into staff-readable problems with line numbers."""

from __future__ import annotations

import types
import typing
from difflib import get_close_matches
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .loading.strict_yaml import LoadedYaml, dotted
from .problems import Problems

M = TypeVar("M", bound=BaseModel)

# Keys that mean personal data the program must not keep in a public repository
# (UU 27/2022). Matched on the lowercased key anywhere in a record.
PERSONAL_DATA_KEYS: dict[str, str] = {
    "nik": "NIK", "no_ktp": "nomor KTP", "ktp": "nomor KTP", "nomor_ktp": "nomor KTP",
    "npwp": "NPWP", "no_npwp": "NPWP", "alamat_rumah": "alamat rumah",
    "alamat_pribadi": "alamat pribadi", "telepon_pribadi": "telepon pribadi",
    "hp_pribadi": "nomor HP pribadi", "no_hp": "nomor HP pribadi",
    "tanggal_lahir": "tanggal lahir", "tempat_lahir": "tempat lahir", "no_kk": "nomor KK",
    "rekening": "nomor rekening", "no_rekening": "nomor rekening", "ibu_kandung": "nama ibu kandung",
}

_TYPE_MESSAGES = {
    "missing": "wajib diisi",
    "string_type": "harus berupa teks",
    "string_too_short": "tidak boleh kosong",
    "int_type": "harus berupa bilangan bulat tanpa tanda kutip, mis. 2023",
    "int_from_float": "harus berupa bilangan bulat",
    "float_type": "harus berupa angka tanpa tanda kutip",
    "bool_type": "harus `true` (ya) atau `false` (tidak), tanpa tanda kutip",
    "list_type": "harus berupa daftar: satu baris per item, diawali `- `",
    "model_type": "harus berisi kolom-kolom di baris berikutnya (menjorok dengan spasi)",
    "model_attributes_type": "harus berisi kolom-kolom di baris berikutnya (menjorok dengan spasi)",
    "dict_type": "harus berisi kolom-kolom di baris berikutnya (menjorok dengan spasi)",
    "date_type": "tanggal harus berformat TTTT-BB-HH, mis. 2024-03-17",
    "date_parsing": "tanggal harus berformat TTTT-BB-HH, mis. 2024-03-17",
    "date_from_datetime_parsing": "tanggal harus berformat TTTT-BB-HH, mis. 2024-03-17",
    "date_from_datetime_inexact": "tanggal harus berformat TTTT-BB-HH, tanpa jam",
}


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "portal":
        return err["msg"]
    if kind == "extra_forbidden":
        return "kolom tidak dikenal"
    if kind == "literal_error":
        return f"nilai tidak dikenal; pilih salah satu: {ctx.get('expected', '')}".replace("'", "`").replace(" or ", " atau ")
    if kind == "string_too_long":
        return f"terlalu panjang (maksimal {ctx.get('max_length')} karakter)"
    if kind == "too_short":
        return f"minimal berisi {ctx.get('min_length')} item"
    if kind == "too_long":
        return f"maksimal berisi {ctx.get('max_length')} item"
    if kind in ("greater_than_equal", "greater_than"):
        return f"minimal {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"maksimal {ctx.get('le', ctx.get('lt'))}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return _TYPE_MESSAGES.get(kind, f"nilai tidak valid ({err['msg']})")


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``X | None`` / ``list[X]`` / ``Annotated[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if found:
                return found
    return None


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current


def known_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def _personal_data(data: Any, loc: tuple, doc: LoadedYaml, problems: Problems) -> set[tuple]:
    found: set[tuple] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            here = loc + (key,)
            label = PERSONAL_DATA_KEYS.get(str(key).lower())
            if label:
                found.add(here)
                problems.add(
                    doc.path, doc.line_of(here), dotted(here),
                    f"{label} adalah data pribadi dan tidak boleh disimpan di repositori ini "
                    "(UU 27/2022 tentang Pelindungan Data Pribadi). Hapus baris ini; simpan "
                    "data tersebut hanya di arsip internal dinas.",
                )
            else:
                found |= _personal_data(value, here, doc, problems)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            found |= _personal_data(item, loc + (i,), doc, problems)
    return found


def validate(model: type[M], doc: LoadedYaml, problems: Problems, *, data: Any = None, loc_prefix: tuple = ()) -> M | None:
    """Validate ``doc`` (or ``data`` found at ``loc_prefix`` within it)."""
    payload = doc.data if data is None else data
    personal = _personal_data(payload, loc_prefix, doc, problems)
    if payload is None:
        problems.add(doc.path, doc.line_of(loc_prefix), dotted(loc_prefix), "file kosong")
        return None
    if not isinstance(payload, dict):
        problems.add(doc.path, doc.line_of(loc_prefix), dotted(loc_prefix),
                     "isi harus berupa kolom-kolom `nama: nilai`, bukan daftar atau teks saja")
        return None
    try:
        result = model.model_validate(payload)
    except ValidationError as exc:
        for err in exc.errors():
            loc = loc_prefix + tuple(p for p in err["loc"] if not _is_internal(p))
            if loc in personal:
                continue
            message = _message(err)
            if err["type"] == "extra_forbidden":
                parent = _model_at(model, tuple(err["loc"][:-1]))
                hint = getattr(parent, "misplaced_keys", {}).get(str(err["loc"][-1])) if parent is not None else None
                if hint:
                    message = hint
                elif parent is not None:
                    close = get_close_matches(str(err["loc"][-1]), known_keys(parent), n=1, cutoff=0.6)
                    message += f"; mungkin maksud Anda `{close[0]}`?" if close else \
                        f"; kolom yang dikenal: {', '.join(known_keys(parent))}"
            problems.add(doc.path, doc.line_of(loc), dotted(loc), message)
        return None
    return None if personal else result


def _is_internal(part: Any) -> bool:
    """Pydantic adds union-member and validator names to ``loc``; staff never see them."""
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))
