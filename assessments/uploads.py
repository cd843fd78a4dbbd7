"""Check and re-encode the photos a learner uploads as evidence of a practical task.

A photo is judged by its content, never its name or the browser's content type; what is kept
is a fresh, metadata-free JPEG (and a thumbnail) small enough to serve to cheap phones.
"""

import contextlib
import functools
import io
import math
import struct
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

try:
    from PIL import ImageCms
except ImportError:  # Pillow built without LittleCMS: colours are kept as they are
    ImageCms = None

MB = 1024 * 1024

# Defaults; each can be overridden by the Django setting named in _limit().
PHOTO_MAX_BYTES = 10 * MB
PHOTO_MAX_PIXELS = 40_000_000
PHOTO_MIN_SIDE = 200
PHOTO_MAX_SIDE = 1600
THUMBNAIL_MAX_SIDE = 480
JPEG_QUALITY = 82

ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP"})  # MPO: multi-picture JPEGs
# Real images we recognise only to tell the learner the format is the problem. The list is kept
# short on purpose: every format Pillow tries is more parser exposed to hostile bytes.
_REFUSED_FORMATS = ("GIF", "BMP", "TIFF", "AVIF")
_OPEN_FORMATS = ("JPEG", "PNG", "WEBP", *_REFUSED_FORMATS)

# What Pillow raises on malformed input besides its own error classes (UnidentifiedImageError
# is an OSError); anything here means "we cannot read this file", not a server error.
_DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    IndexError,
    TypeError,
    KeyError,
    ZeroDivisionError,
)


@dataclass(frozen=True)
class ProcessedPhoto:
    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int


def photo_process(uploaded_file) -> ProcessedPhoto:
    """Validate an uploaded photo and return it re-encoded as a clean JPEG plus a thumbnail.

    Raises ValidationError (codes: too_large, empty, not_image, format, too_many_pixels,
    too_small) with a message in the active language.
    """
    max_bytes = _limit("ASSESSMENT_PHOTO_MAX_BYTES", PHOTO_MAX_BYTES)
    max_pixels = _limit("ASSESSMENT_PHOTO_MAX_PIXELS", PHOTO_MAX_PIXELS)
    min_side = _limit("ASSESSMENT_PHOTO_MIN_SIDE", PHOTO_MIN_SIDE)
    max_side = _limit("ASSESSMENT_PHOTO_MAX_SIDE", PHOTO_MAX_SIDE)
    thumbnail_side = _limit("ASSESSMENT_THUMBNAIL_MAX_SIDE", THUMBNAIL_MAX_SIDE)

    data = _read_capped(uploaded_file, max_bytes)

    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; a warning is as much a bomb
        # as the error. (catch_warnings is process-wide, not thread-safe: fine under the sync
        # gunicorn workers the README runs, to revisit if requests ever share threads.)
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = _checked_image(data, max_pixels, min_side)
            img = _decode(img, max_side)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(max_pixels) from None
        except _DECODE_ERRORS:
            raise _not_image() from None

    photo = _clean_rgb(img)
    photo.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    thumb = photo.copy()
    thumb.thumbnail((thumbnail_side, thumbnail_side), Image.Resampling.LANCZOS)

    stem = uuid.uuid4().hex  # never the learner's file name: it can carry her or a child's name
    return ProcessedPhoto(
        image=ContentFile(_jpeg_bytes(photo), name=f"{stem}.jpg"),
        thumbnail=ContentFile(_jpeg_bytes(thumb), name=f"{stem}_thumb.jpg"),
        width=photo.width,
        height=photo.height,
    )


def _limit(setting_name: str, default: int) -> int:
    # Read at call time so tests (and deployments) can change a limit without a reload.
    return getattr(settings, setting_name, default)


def _read_capped(uploaded_file, max_bytes: int) -> bytes:
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > max_bytes:
        raise _too_large(size, max_bytes)
    if size == 0:
        raise _empty()
    with contextlib.suppress(AttributeError, OSError, ValueError):
        uploaded_file.seek(0)  # a form's own validation may already have read it
    # Read one byte past the limit: a file-like whose .size is missing or wrong cannot make us
    # hold more than the limit in memory.
    data = uploaded_file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(max(size or 0, len(data)), max_bytes)
    if not data:
        raise _empty()
    return data


def _checked_image(data: bytes, max_pixels: int, min_side: int) -> Image.Image:
    """Everything that can be judged from the header, then a structural check; no pixels yet."""
    img = Image.open(io.BytesIO(data), formats=_OPEN_FORMATS)
    if img.format not in ACCEPTED_FORMATS:
        raise _format(img.format)
    width, height = img.size
    # Before any decoding: a few kilobytes of PNG can declare gigabytes of pixels.
    if width * height > max_pixels:
        raise _too_many_pixels(max_pixels)
    if min(width, height) < min_side:
        raise _too_small(width, height, min_side)
    img.verify()
    # verify() leaves the image unusable, so decoding needs a fresh open.
    return Image.open(io.BytesIO(data), formats=_OPEN_FORMATS)


def _decode(img: Image.Image, max_side: int) -> Image.Image:
    # Let libjpeg scale down while decoding: a 40 MP photo then never sits in memory at full
    # size. draft() keeps both sides at least max_side, so the final resize still has detail.
    img.draft("RGB", (max_side, max_side))
    img.load()  # a truncated or corrupt file fails here, inside the caller's error handling
    # Phones store portrait photos sideways plus an orientation tag that is about to be dropped
    # with the rest of the metadata, so the rotation has to happen now. A broken EXIF block
    # should not cost the learner her photo, hence the suppress.
    with contextlib.suppress(*_DECODE_ERRORS):
        img = ImageOps.exif_transpose(img)
    return _to_srgb(img)


def _to_srgb(img: Image.Image) -> Image.Image:
    # The ICC profile is dropped with the other metadata; converting to sRGB first keeps the
    # colours of wide-gamut phone photos (Display P3) from looking washed out.
    icc = img.info.get("icc_profile")
    if not icc or ImageCms is None or img.mode not in ("RGB", "RGBA", "CMYK"):
        return img
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        out_mode = "RGBA" if img.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(img, profile, _srgb_profile(), outputMode=out_mode)
    except (ImageCms.PyCMSError, *_DECODE_ERRORS):
        return img


@functools.cache
def _srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _clean_rgb(img: Image.Image) -> Image.Image:
    """The pixels on a fresh RGB canvas, transparency flattened on white.

    A fresh image carries no info dict at all, so no EXIF (GPS location), ICC, XMP or comment
    from the upload can reach the saved JPEG (Pillow copies some of them over by default).
    """
    if img.mode.startswith("I") or img.mode == "F":
        # 16-bit greyscale PNGs: scale to 8 bits rather than let convert() clip them to white.
        img = img.convert("I").point(lambda v: v / 256).convert("L")
    canvas = Image.new("RGB", img.size, "white")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info:
        rgba = img.convert("RGBA")
        canvas.paste(rgba, mask=rgba.getchannel("A"))
    else:
        canvas.paste(img.convert("RGB"))
    return canvas


def _jpeg_bytes(img: Image.Image) -> bytes:
    out = io.BytesIO()
    # Location privacy (DESIGN.md: uploaded images have location metadata stripped): say
    # explicitly that there is no EXIF, ICC profile or comment, whatever Pillow's defaults become.
    img.save(
        out,
        "JPEG",
        quality=JPEG_QUALITY,
        optimize=True,
        exif=b"",
        icc_profile=None,
        comment=b"",
    )
    return out.getvalue()


def _megabytes(num_bytes: int, *, round_up: bool) -> str:
    # Round the photo's size up and the limit down, so a photo just over the limit never reads
    # "10 MB, the limit is 10 MB".
    tenths = num_bytes * 10 / MB
    tenths = math.ceil(tenths) if round_up else math.floor(tenths)
    return f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths / 10:.1f}"


def _too_large(size: int, max_bytes: int) -> ValidationError:
    message = _("This photo is too large (%(size)s MB). The limit is %(limit)s MB.") % {
        "size": _megabytes(size, round_up=True),
        "limit": _megabytes(max_bytes, round_up=False),
    }
    return ValidationError(message, code="too_large")


def _empty() -> ValidationError:
    return ValidationError(_("This file is empty. Please choose a photo."), code="empty")


def _not_image() -> ValidationError:
    return ValidationError(
        _("This file is not a photo we can read. Please choose a JPEG or PNG photo."),
        code="not_image",
    )


def _format(image_format: str) -> ValidationError:
    message = _(
        "Photos in %(format)s format are not accepted. Please choose a JPEG or PNG photo."
    ) % {"format": image_format}
    return ValidationError(message, code="format")


def _too_many_pixels(max_pixels: int) -> ValidationError:
    message = _(
        "This photo has too many pixels. The limit is %(limit)s megapixels; "
        "please choose a smaller photo."
    ) % {"limit": f"{max_pixels / 1_000_000:g}"}
    return ValidationError(message, code="too_many_pixels")


def _too_small(width: int, height: int, min_side: int) -> ValidationError:
    message = _(
        "This photo is too small (%(width)s × %(height)s pixels). Please choose a photo "
        "at least %(min)s pixels on each side."
    ) % {"width": width, "height": height, "min": min_side}
    return ValidationError(message, code="too_small")
