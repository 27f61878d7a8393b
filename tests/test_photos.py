"""Alumni photos: published without what the phone wrote into them, and never without consent."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image, ImageCms

from conftest import VALID_ALUMNUS, build, copy_project, run_portal
from portal_ekspor.photos import MAX_SIDE, clean_photo
from portal_ekspor.repository import MAX_PHOTO_BYTES
from site_scan import leaks, read_site

GPS_IFD = 0x8825
TRAILER = b"MotionPhoto_Data ZQXVIDEO ftypmp42"  # what Android phones append after the JPEG


def phone_photo(fmt: str = "JPEG", size=(64, 32), colour=(200, 30, 40), orientation: int | None = None,
                icc: bool = True) -> bytes:
    """An image carrying the metadata a phone writes: GPS, device, time, XMP, comment, ICC."""
    image = Image.new("RGB", size, colour)
    image.paste((0, 0, 255), (0, 0, 8, 8))  # marks the top-left corner, to check orientation
    exif = Image.Exif()
    exif[0x010F] = "ZqxMaker"  # Make
    exif[0x0110] = "ZqxPhone 12"  # Model
    exif[0x0132] = "2024:05:01 10:00:00"
    exif[0xA431] = "ZQXSERIAL123"  # BodySerialNumber (in the main IFD for this test)
    if orientation:
        exif[0x0112] = orientation
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (5.0, 25.0, 48.0), 3: "E", 4: (105.0, 15.0, 30.0)})
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><zqx:where>Zqxlokasi</zqx:where></x:xmpmeta>'
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes() if icc else None
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", exif=exif.tobytes(), icc_profile=icc, comment=b"ZqxComment", xmp=xmp)
        return out.getvalue() + TRAILER
    if fmt == "PNG":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_text("Comment", "ZqxComment")
        info.add_itxt("XML:com.adobe.xmp", xmp.decode())
        image.save(out, "PNG", exif=exif.tobytes(), icc_profile=icc, pnginfo=info)
        return out.getvalue()
    image.save(out, "WEBP", exif=exif.tobytes(), icc_profile=icc, xmp=xmp)
    return out.getvalue()


METADATA_MARKERS = [b"Exif", b"ZqxMaker", b"ZqxPhone", b"ZQXSERIAL", b"Zqxlokasi", b"ZqxComment", b"ZQXVIDEO", b"xmpmeta",
                    b"ICC_PROFILE", b"iCCP", b"eXIf", b"tEXt", b"iTXt", b"2024:05:01"]


@pytest.mark.parametrize("icc", [True, False], ids=["icc", "no-icc"])
@pytest.mark.parametrize("fmt, suffix", [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp")])
def test_metadata_is_stripped_and_output_is_deterministic(fmt, suffix, icc):
    raw = phone_photo(fmt, icc=icc)
    source = Image.open(io.BytesIO(raw))
    assert source.getexif().get_ifd(GPS_IFD), "positive control: the source carries a GPS position"
    present = [m for m in METADATA_MARKERS if m in raw]
    assert b"ZqxMaker" in present and b"Zqxlokasi" in present, present

    out = clean_photo(raw, suffix)
    assert [m for m in METADATA_MARKERS if m in out] == []
    cleaned = Image.open(io.BytesIO(out))
    assert cleaned.format == fmt
    assert dict(cleaned.getexif()) == {} and not cleaned.getexif().get_ifd(GPS_IFD)
    assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment", "Comment"} & set(cleaned.info)
    assert cleaned.size == source.size
    assert clean_photo(raw, suffix) == out, "the same upload gives the same bytes in every build"


def test_orientation_is_applied_before_the_tag_is_dropped():
    raw = phone_photo(orientation=6)  # stored landscape, shown rotated 90° clockwise
    out = Image.open(io.BytesIO(clean_photo(raw, ".jpg")))
    assert out.size == (32, 64)
    r, g, b = out.convert("RGB").getpixel((28, 3))  # the blue top-left corner is now top-right
    assert b > 150 and r < 120


def test_large_photo_is_scaled_for_phones_and_stays_under_the_limit():
    image = Image.effect_noise((4000, 3000), 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60)
    out = clean_photo(buffer.getvalue(), ".jpg")
    assert max(Image.open(io.BytesIO(out)).size) == MAX_SIDE
    assert len(out) < MAX_PHOTO_BYTES


def _with_photo(text: str, photo: str) -> str:
    return text + f"foto: {photo}\nfoto_keterangan: Foto usaha\n"


def test_check_rejects_oversized_broken_and_misnamed_photos(project):
    alumni = project / "data" / "alumni"
    photos = alumni / "foto"
    big = Image.effect_noise((1600, 1600), 128).convert("RGB")
    buffer = io.BytesIO()
    big.save(buffer, "PNG")
    assert len(buffer.getvalue()) > MAX_PHOTO_BYTES
    (photos / "besar.png").write_bytes(buffer.getvalue())
    (photos / "rusak.jpg").write_bytes(b"bukan gambar sama sekali")
    (photos / "png-bernama-jpg.jpg").write_bytes(phone_photo("PNG"))
    for name, photo in [("a", "foto/besar.png"), ("b", "foto/rusak.jpg"), ("c", "foto/png-bernama-jpg.jpg")]:
        (alumni / f"{name}.yml").write_text(_with_photo(VALID_ALUMNUS.replace("Kopi Uji Coba", f"Kopi {name}"), photo))
    result = run_portal("check", cwd=project)
    assert result.returncode == 1
    assert "data/alumni/a.yml" in result.stderr and "terlalu besar" in result.stderr
    assert "data/alumni/b.yml" in result.stderr and "rusak atau bukan gambar" in result.stderr
    assert "data/alumni/c.yml" in result.stderr and "gambar PNG" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_published_photo_is_clean_and_unconsented_photo_is_nowhere(tmp_path):
    project = copy_project(tmp_path / "portal")
    alumni = project / "data" / "alumni"
    public_raw = phone_photo(colour=(10, 160, 20))
    hidden_raw = phone_photo(colour=(240, 200, 10), size=(48, 48))
    (alumni / "foto" / "foto-publik.jpg").write_bytes(public_raw)
    (alumni / "foto" / "zqxfotorahasia.jpg").write_bytes(hidden_raw)
    (alumni / "kopi-berfoto.yml").write_text(_with_photo(VALID_ALUMNUS.replace("Kopi Uji Coba", "Kopi Berfoto"),
                                                         "foto/foto-publik.jpg"))
    hidden = VALID_ALUMNUS.replace("Kopi Uji Coba", "Kopi Tanpa Izin").replace("profil_publik: true", "profil_publik: false")
    (alumni / "kopi-tanpa-izin.yml").write_text(_with_photo(hidden, "foto/zqxfotorahasia.jpg"))
    site = build(project)

    published = site / "alumni" / "foto" / "foto-publik.jpg"
    assert published.read_bytes() == clean_photo(public_raw, ".jpg"), "the consented photo is published, cleaned"
    assert "foto/foto-publik.jpg" in (site / "alumni" / "kopi-berfoto" / "index.html").read_text()
    assert [m for m in METADATA_MARKERS if m in published.read_bytes()] == []

    forbidden = {hashlib.sha256(hidden_raw).hexdigest(), hashlib.sha256(clean_photo(hidden_raw, ".jpg")).hexdigest()}
    files = [p for p in site.rglob("*") if p.is_file()]
    assert [p for p in files if hashlib.sha256(p.read_bytes()).hexdigest() in forbidden] == []
    assert [p for p in files if "zqxfotorahasia" in p.name] == []
    assert leaks(read_site(site), ["zqxfotorahasia"]) == []
    # Positive control for the scan: the consented photo's name is referenced.
    assert leaks(read_site(site), ["foto-publik.jpg"])
