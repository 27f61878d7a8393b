"""Alumni photos as they are published: pixels only, never what the phone wrote into the file.

A photo taken on a phone carries EXIF (GPS position of the workshop or home,
time, device serial), XMP, IPTC, comments, an ICC profile naming the device,
and on many Android phones a whole "motion photo" video appended after the
image. None of that may reach a visitor. Re-encoding the decoded pixels with
Pillow drops all of it at once; only the orientation is applied first, so the
picture still stands the right way up. The output depends only on the input
bytes, so two builds publish identical files, and it is cached by the input's
hash so a portal with thousands of photos re-encodes only new ones.
"""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

MAX_SIDE = 1200
"""Longest side in pixels: sharp on a phone screen, light on a 4G connection."""

RECIPE = "foto-v1"
"""Part of the cache key: change it whenever the encoding below changes."""

_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


class PhotoError(ValueError):
    """The file is not an image Pillow can read as its extension says (message in Indonesian)."""


def _open(raw: bytes, suffix: str, *, decode: bool = True) -> Image.Image:
    expected = _FORMATS.get(suffix.lower())
    if expected is None:
        raise PhotoError("foto harus berformat .jpg, .png atau .webp")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(raw))
            if decode:
                image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise PhotoError(f"file foto rusak atau bukan gambar ({type(exc).__name__}); simpan ulang sebagai {suffix.lstrip('.')}") from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise PhotoError("ukuran foto dalam piksel terlalu besar; perkecil dulu (mis. sisi terpanjang 1200 piksel)") from None
    if image.format != expected:
        raise PhotoError(f"isi file adalah gambar {image.format}, padahal namanya berakhiran {suffix}; "
                         f"simpan ulang sebagai {suffix.lstrip('.')} atau ganti nama filenya")
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """Colours as the embedded profile meant them, so dropping the profile changes nothing visible."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError):
        return image


def clean_photo(raw: bytes, suffix: str) -> bytes:
    """The published bytes of a photo: upright, at most MAX_SIDE, no metadata at all."""
    image = _open(raw, suffix)
    fmt = image.format
    image = ImageOps.exif_transpose(image)  # apply the orientation tag before it is dropped
    image = _to_srgb(image)
    if fmt == "JPEG":
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("PA", "P") else "RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    clean = Image.new(image.mode, image.size)  # a fresh image: no info dict, nothing carried over
    clean.paste(image)
    out = io.BytesIO()
    if fmt == "JPEG":
        clean.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    elif fmt == "PNG":
        clean.save(out, "PNG", optimize=True)
    else:
        clean.save(out, "WEBP", quality=80, method=6)
    return out.getvalue()


def check_photo(path: Path) -> str | None:
    """An Indonesian message when ``path`` is plainly not a publishable image, else None.

    Reads only the header, so checking thousands of records stays fast; a file
    that is damaged further in fails the build in :func:`published_photo`.
    """
    try:
        _open(path.read_bytes(), path.suffix, decode=False)
    except PhotoError as exc:
        return str(exc)
    return None


def published_photo(path: Path, cache_dir: Path | None = None) -> bytes:
    """``clean_photo`` of the file at ``path``, read from ``cache_dir`` when done before."""
    raw = path.read_bytes()
    if cache_dir is None:
        return clean_photo(raw, path.suffix)
    key = hashlib.sha256(RECIPE.encode() + b"\0" + path.suffix.lower().encode() + b"\0" + raw).hexdigest()
    cached = cache_dir / f"{key}{path.suffix.lower()}"
    if cached.is_file():
        return cached.read_bytes()
    data = clean_photo(raw, path.suffix)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(cached)
    return data
