import contextlib
import io
import random
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image, ImageCms, ImageFile

from assessments import uploads
from assessments.uploads import MB, ProcessedPhoto, photo_process

GPS = ExifTags.GPS
BASE = ExifTags.Base
NOT_IMAGE = "This file is not a photo we can read. Please choose a JPEG or PNG photo."


def _noise(size, seed=0):
    """Random pixels: they compress badly, like a real photo, so truncation really cuts data."""
    return Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))


def _scene(size):
    """Photo-like detail that still compresses, for big images that must stay under 10 MB."""
    return Image.effect_mandelbrot(size, (-2, -1.5, 1, 1.5), 100).convert("RGB")


def _encode(img, fmt="JPEG", **params):
    out = io.BytesIO()
    img.save(out, fmt, **params)
    return out.getvalue()


def _upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def _error(upload) -> ValidationError:
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        photo_process(upload)
    return excinfo.value


def _opened(content_file):
    content_file.seek(0)
    img = Image.open(io.BytesIO(content_file.read()))
    img.load()
    return img


def _exif_with_gps():
    exif = Image.Exif()
    exif[BASE.Make] = "Xiaomi"
    exif[BASE.Model] = "Redmi 9A"
    exif[BASE.Orientation] = 6  # stored sideways; shown rotated 90° clockwise
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef] = "N"
    gps[GPS.GPSLatitude] = (27.0, 18.0, 7.5)
    gps[GPS.GPSLongitudeRef] = "E"
    gps[GPS.GPSLongitude] = (105.0, 17.0, 3.25)
    return exif


def _left_red_right_blue(size=(400, 300)):
    img = Image.new("RGB", size, (0, 0, 255))
    img.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    return img


def _close(pixel, expected, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


# --- what comes out ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_location_and_all_other_metadata_are_stripped_and_orientation_applied(fmt):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    extra = {"comment": b"Zhou family courtyard"} if fmt == "JPEG" else {}
    data = _encode(
        _left_red_right_blue(),
        fmt,
        exif=_exif_with_gps(),
        icc_profile=srgb,
        xmp=b"<x:xmpmeta>secret place</x:xmpmeta>",
        **extra,
    )
    original = Image.open(io.BytesIO(data))
    original_gps = original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert original_gps[GPS.GPSLatitude] == (27.0, 18.0, 7.5)  # the test photo really has it
    assert original.getexif()[BASE.Make] == "Xiaomi"

    result = photo_process(_upload(data, name=f"photo.{fmt.lower()}"))

    for content in (result.image, result.thumbnail):
        out = _opened(content)
        assert out.format == "JPEG"
        assert not out.getexif()
        assert not out.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        for key in ("exif", "icc_profile", "xmp", "comment"):
            assert key not in out.info
        content.seek(0)
        raw = content.read()
        for leak in (b"Exif\0\0", b"Xiaomi", b"secret place", b"Zhou family", b"ICC_PROFILE"):
            assert leak not in raw

    # Orientation 6 turns the 400×300 landscape into a 300×400 portrait, left side up.
    out = _opened(result.image)
    assert (result.width, result.height) == out.size == (300, 400)
    assert _close(out.getpixel((150, 20)), (255, 0, 0))
    assert _close(out.getpixel((150, 380)), (0, 0, 255))
    assert _opened(result.thumbnail).size == (300, 400)  # already under the thumbnail side


def test_a_sideways_phone_photo_is_rotated_then_scaled():
    exif = Image.Exif()
    exif[BASE.Orientation] = 6
    data = _encode(_left_red_right_blue((4000, 3000)), exif=exif)

    result = photo_process(_upload(data))

    assert (result.width, result.height) == (1200, 1600)
    assert _opened(result.image).size == (1200, 1600)
    assert _opened(result.thumbnail).size == (360, 480)


@pytest.mark.parametrize(
    ("size", "photo", "thumbnail"),
    [
        ((4000, 3000), (1600, 1200), (480, 360)),
        ((2000, 3000), (1067, 1600), (320, 480)),
        ((1000, 800), (1000, 800), (480, 384)),  # never enlarged
    ],
)
def test_photo_and_thumbnail_are_scaled_to_their_longest_side(size, photo, thumbnail):
    result = photo_process(_upload(_encode(_scene(size), quality=90)))

    assert isinstance(result, ProcessedPhoto)
    assert (result.width, result.height) == photo
    image, thumb = _opened(result.image), _opened(result.thumbnail)
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", photo)
    assert (thumb.format, thumb.mode, thumb.size) == ("JPEG", "RGB", thumbnail)


def test_a_png_with_transparency_becomes_an_rgb_jpeg_on_white():
    img = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    img.paste((200, 0, 0, 255), (100, 100, 200, 200))

    result = photo_process(_upload(_encode(img, "PNG"), "drawing.png", "image/png"))

    out = _opened(result.image)
    assert (out.format, out.mode) == ("JPEG", "RGB")
    assert _close(out.getpixel((10, 10)), (255, 255, 255), tolerance=3)
    assert _close(out.getpixel((150, 150)), (200, 0, 0), tolerance=10)


def test_a_palette_png_with_a_transparent_colour_is_flattened_on_white():
    img = Image.new("P", (300, 300), 0)
    img.putpalette([0, 0, 0, 0, 128, 0] + [0] * 762)
    img.paste(1, (100, 100, 200, 200))

    result = photo_process(_upload(_encode(img, "PNG", transparency=0), "p.png", "image/png"))

    out = _opened(result.image)
    assert _close(out.getpixel((10, 10)), (255, 255, 255), tolerance=3)
    assert _close(out.getpixel((150, 150)), (0, 128, 0), tolerance=10)


def test_a_16_bit_greyscale_png_keeps_its_tones():
    img = Image.new("I;16", (300, 300), 32768)  # mid grey on top
    img.paste(Image.new("I;16", (300, 150), 0), (0, 150))  # black below

    out = _opened(photo_process(_upload(_encode(img, "PNG"), "scan.png")).image)

    assert _close(out.getpixel((150, 50)), (128, 128, 128), tolerance=4)
    assert _close(out.getpixel((150, 250)), (0, 0, 0), tolerance=4)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "MPO"])
def test_accepted_formats_are_judged_by_content_not_by_name(fmt):
    data = _encode(_noise((300, 300)), fmt)

    result = photo_process(_upload(data, name="IMG_0001.txt", content_type="text/plain"))

    assert (result.width, result.height) == (300, 300)


def test_file_names_are_random_jpg_names_never_the_learners():
    data = _encode(_noise((300, 300)))

    first = photo_process(_upload(data, name="王小梅的孩子.jpg"))
    second = photo_process(_upload(data, name="王小梅的孩子.jpg"))

    names = {first.image.name, first.thumbnail.name, second.image.name, second.thumbnail.name}
    assert len(names) == 4
    for name in names:
        assert name.endswith(".jpg")
        assert "王小梅" not in name
        assert len(name.removesuffix(".jpg").removesuffix("_thumb")) == 32


def test_a_file_already_read_by_a_form_is_read_from_the_start():
    upload = _upload(_encode(_noise((300, 300))))
    upload.read()

    assert photo_process(upload).width == 300


# --- what is refused --------------------------------------------------------------------------


def test_text_named_like_a_photo_is_not_an_image():
    err = _error(_upload(b"these are my notes from the activity\n" * 20))

    assert err.code == "not_image"
    assert err.messages == [NOT_IMAGE]


def test_a_pdf_is_not_an_image():
    pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"

    err = _error(_upload(pdf, name="photo.jpg", content_type="image/jpeg"))

    assert (err.code, err.messages) == ("not_image", [NOT_IMAGE])


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_a_truncated_photo_is_not_an_image(fmt):
    data = _encode(_noise((600, 600)), fmt)

    err = _error(_upload(data[: len(data) // 2]))

    assert (err.code, err.messages) == ("not_image", [NOT_IMAGE])


def test_a_jpeg_header_followed_by_garbage_is_not_an_image():
    data = _encode(_noise((300, 300)))
    garbage = data[:2] + random.Random(3).randbytes(len(data) - 2)

    err = _error(_upload(garbage))

    assert err.code == "not_image"


def test_mangled_photos_never_raise_anything_but_a_validation_error():
    rng = random.Random(7)
    seeds = [_encode(_noise((240, 220), seed=1), fmt) for fmt in ("JPEG", "PNG", "WEBP")]
    for data in seeds:
        for _ in range(60):
            mangled = bytearray(data)
            for _ in range(rng.randint(1, 12)):
                mangled[rng.randrange(len(mangled))] = rng.randrange(256)
            if rng.random() < 0.3:
                mangled = mangled[: rng.randrange(len(mangled))]
            with contextlib.suppress(ValidationError):  # anything else fails the test
                photo_process(_upload(bytes(mangled)))


@pytest.mark.parametrize(("fmt", "name"), [("GIF", "GIF"), ("BMP", "BMP"), ("TIFF", "TIFF")])
def test_other_image_formats_are_refused_by_name(fmt, name):
    err = _error(_upload(_encode(_noise((300, 300)), fmt), name="photo.jpg"))

    assert err.code == "format"
    assert err.messages == [
        f"Photos in {name} format are not accepted. Please choose a JPEG or PNG photo."
    ]


def test_an_empty_file_is_refused():
    err = _error(_upload(b""))

    assert err.code == "empty"
    assert err.messages == ["This file is empty. Please choose a photo."]


def test_a_photo_over_the_size_limit_is_refused(settings):
    settings.ASSESSMENT_PHOTO_MAX_BYTES = 1 * MB

    err = _error(_upload(b"\xff" * (MB + 1)))

    assert err.code == "too_large"
    assert err.messages == ["This photo is too large (1.1 MB). The limit is 1 MB."]


def test_the_default_size_limit_is_ten_megabytes():
    err = _error(_upload(b"\xff" * (10 * MB + 300_000)))

    assert err.messages == ["This photo is too large (10.3 MB). The limit is 10 MB."]


class _HugeUpload:
    """Says it is 50 MB; reading it would be the bug."""

    name = "photo.jpg"
    size = 50 * MB

    def read(self, *args):
        raise AssertionError("read a file already known to be too large")


def test_the_size_is_checked_before_the_file_is_read():
    err = _error(_HugeUpload())

    assert err.code == "too_large"
    assert err.messages == ["This photo is too large (50 MB). The limit is 10 MB."]


class _LyingUpload:
    """Claims to be small but streams far more than the limit."""

    name = "photo.jpg"
    size = 100

    def __init__(self):
        self.requested = []

    def read(self, n=-1):
        self.requested.append(n)
        return b"\xff" * (n if n >= 0 else 50 * MB)


def test_a_file_that_lies_about_its_size_is_read_only_up_to_the_limit(settings):
    settings.ASSESSMENT_PHOTO_MAX_BYTES = 1 * MB
    upload = _LyingUpload()

    err = _error(upload)

    assert err.code == "too_large"
    assert upload.requested == [MB + 1]


def test_a_photo_with_too_many_pixels_is_refused_before_decoding(monkeypatch):
    # 48 megapixels of one-bit zeros: a few kilobytes on disk, a valid PNG, below Pillow's own
    # bomb limit, over ours.
    data = _encode(Image.new("1", (8000, 6000)), "PNG")
    assert len(data) < 100_000

    def no_decoding(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)

    err = _error(_upload(data, name="photo.png"))

    assert err.code == "too_many_pixels"
    assert err.messages == [
        "This photo has too many pixels. The limit is 40 megapixels; please choose a smaller photo."
    ]


def _png_header_only(width, height):
    """A PNG that declares width × height one-bit pixels but carries almost no data."""

    def chunk(kind, body):
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def test_a_crafted_bomb_that_pillow_itself_refuses_to_open_is_too_many_pixels(settings):
    settings.ASSESSMENT_PHOTO_MAX_PIXELS = 10**12  # only Pillow's own guard stands in the way

    err = _error(_upload(_png_header_only(100_000, 100_000), name="photo.png"))

    assert err.code == "too_many_pixels"


@pytest.mark.parametrize("pillow_limit", [60_000, 40_000], ids=["warning", "error"])
def test_pillows_decompression_bomb_warning_and_error_are_too_many_pixels(
    monkeypatch, pillow_limit
):
    # 300×300 = 90,000 pixels: over 60,000 Pillow warns, over 2 × 40,000 it raises.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", pillow_limit)

    err = _error(_upload(_encode(_noise((300, 300)), "PNG"), name="photo.png"))

    assert err.code == "too_many_pixels"


@pytest.mark.parametrize("size", [(150, 400), (400, 199)])
def test_a_photo_too_small_to_see_anything_is_refused(size):
    err = _error(_upload(_encode(_noise(size))))

    assert err.code == "too_small"
    assert err.messages == [
        f"This photo is too small ({size[0]} × {size[1]} pixels). "
        "Please choose a photo at least 200 pixels on each side."
    ]


def test_limits_are_read_from_settings_at_call_time(settings):
    settings.ASSESSMENT_PHOTO_MIN_SIDE = 50
    settings.ASSESSMENT_PHOTO_MAX_SIDE = 800
    settings.ASSESSMENT_THUMBNAIL_MAX_SIDE = 100
    settings.ASSESSMENT_PHOTO_MAX_PIXELS = 2_000_000

    result = photo_process(_upload(_encode(_noise((1200, 100)))))
    assert (result.width, result.height) == (800, 67)
    assert _opened(result.thumbnail).size == (100, 8)

    err = _error(_upload(_encode(_noise((1500, 1500)))))
    assert err.code == "too_many_pixels"
    assert "The limit is 2 megapixels" in err.messages[0]


def test_module_defaults():
    assert uploads.PHOTO_MAX_BYTES == 10 * MB
    assert uploads.PHOTO_MAX_PIXELS == 40_000_000
    assert uploads.PHOTO_MIN_SIDE == 200
    assert uploads.PHOTO_MAX_SIDE == 1600
    assert uploads.THUMBNAIL_MAX_SIDE == 480
