"""Shared field types and the model base.

Models are strict so that PyYAML-style guessing never happens twice: the
loader already decided what is a number; pydantic must not turn the text
"yes" into ``True`` again.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError


def fail(message: str) -> PydanticCustomError:
    """An error whose message (Bahasa Indonesia) is shown to staff as is."""
    return PydanticCustomError("portal", message)


def _as_text(value: Any) -> Any:
    if isinstance(value, bool):
        raise fail("harus berupa teks; tulis dalam tanda kutip, mis. \"ya\" (YAML membaca nilai ini sebagai true/false)")
    if isinstance(value, int):
        return str(value)  # the loader only makes ints of canonical digits, so this is lossless
    if isinstance(value, float):
        raise fail("harus berupa teks; tulis dalam tanda kutip agar angka tidak berubah (mis. \"1.10\")")
    return value


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)


Text = Annotated[str, BeforeValidator(_as_text), Field(min_length=1, max_length=300)]
LongText = Annotated[str, BeforeValidator(_as_text), Field(min_length=1, max_length=4000)]


def _current_year_bound(year: int) -> int:
    this_year = dt.date.today().year
    if year < 1945 or year > this_year + 1:
        raise fail(f"tahun harus antara 1945 dan {this_year + 1}")
    return year


Year = Annotated[int, AfterValidator(_current_year_bound)]
Date = Annotated[dt.date, Field(strict=False)]

def text_matching(pattern: str, message: str) -> Any:
    """Text written whole in one fixed form (the pattern must match all of it).

    ``message`` is what staff read when it does not: it says how to write the
    value, with an example, because the pattern itself means nothing to them.
    """
    form = re.compile(pattern)

    def check(value: str) -> str:
        if not form.fullmatch(value):
            raise fail(message)
        return value

    return Annotated[str, BeforeValidator(_as_text), AfterValidator(check)]


Slug = text_matching(r"[a-z0-9]+(?:-[a-z0-9]+)*", "hanya huruf kecil, angka dan tanda hubung, mis. `ecp-sumbar-2023`")


_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or not _URL_CHARS.fullmatch(value):
        raise fail("harus alamat web lengkap yang diawali https://, mis. https://contoh.co.id")
    return value


Url = Annotated[str, BeforeValidator(_as_text), AfterValidator(_http_url)]

Email = text_matching(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", "alamat email tidak valid, mis. `info@usaha.co.id`")
