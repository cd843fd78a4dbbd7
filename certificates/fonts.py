"""Finding a font with Chinese glyphs for the certificate PDF.

The PDF embeds the font it draws with, so any file with simplified Chinese glyphs will do; the
lookup order is the CERTIFICATE_FONT_PATH setting, the Debian paths of the packages we know,
then fontconfig.
"""

import functools
import logging
import shutil
import struct
import subprocess
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from fontTools.ttLib import TTCollection, TTFont, TTLibError

logger = logging.getLogger(__name__)

# The Debian package .ci/run installs; the system check and the renderer's error name it.
CJK_FONT_PACKAGE = "fonts-noto-cjk"

FONT_MISSING_HINT = (
    f"Install a Chinese font (apt-get install {CJK_FONT_PACKAGE}) or set "
    "CERTIFICATE_FONT_PATH to a .ttf, .otf or .ttc font file with simplified Chinese glyphs."
)

KNOWN_FONT_PATHS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # fonts-noto-cjk
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # fonts-wqy-microhei
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # fonts-wqy-zenhei
)

# The PDF library reads only these containers; fontconfig may also offer bitmap or Type 1 files.
USABLE_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
COLLECTION_SUFFIXES = (".ttc", ".otc")

# Characters the certificate always prints: a font lacking one of them would draw empty boxes.
SAMPLE_TEXT = "兹证明已完成并获得颁发日期有效期至长期证书编号签发人扫码验证"


class FontChoice(NamedTuple):
    path: Path
    index: int = 0  # the face inside a .ttc/.otc collection


@functools.lru_cache(maxsize=1)
def find_cjk_font() -> FontChoice | None:
    configured = getattr(settings, "CERTIFICATE_FONT_PATH", "")
    if configured:
        # An explicit setting that does not work is a mistake to report, not to paper over.
        choice = _usable_face(Path(configured))
        if choice is None:
            logger.warning("CERTIFICATE_FONT_PATH=%s has no usable Chinese font", configured)
        return choice
    for known in KNOWN_FONT_PATHS:
        if choice := _usable_face(Path(known)):
            return choice
    return _ask_fontconfig()


@receiver(setting_changed)
def _forget_font_on_setting_change(*, setting, **kwargs):
    if setting == "CERTIFICATE_FONT_PATH":
        find_cjk_font.cache_clear()


def _ask_fontconfig() -> FontChoice | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}|%{index}", ":lang=zh-cn"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, index = found.partition("|")
    if not path:
        return None
    # fc-match always answers, falling back to a Latin font, so the face is checked like any other.
    face = int(index) if index.isdigit() else 0
    return _usable_face(Path(path), preferred_index=face)


def _usable_face(path: Path, preferred_index: int | None = None) -> FontChoice | None:
    """The first face of `path` that has every sample glyph, simplified Chinese first."""
    if path.suffix.lower() not in USABLE_SUFFIXES or not path.is_file():
        return None
    try:
        if path.suffix.lower() in COLLECTION_SUFFIXES:
            faces = list(TTCollection(str(path), lazy=True).fonts)
        else:
            faces = [TTFont(str(path), lazy=True)]
        for index in _face_order(faces, preferred_index):
            if _covers_sample(faces[index]):
                return FontChoice(path, index)
    except (OSError, TTLibError, KeyError, AssertionError, ValueError, struct.error):
        # fontTools raises a mix of these for truncated or non-font files.
        return None
    return None


def _face_order(faces: list[TTFont], preferred_index: int | None) -> list[int]:
    # Collections such as Noto CJK hold Japanese, Korean and Chinese faces whose shared code
    # points differ in glyph shape; the SC face draws them the way mainland readers expect.
    # Reading a cmap is the slow part, so the likely faces are tried first.
    def rank(index: int) -> int:
        if index == preferred_index:
            return 0
        return 1 if " SC" in _face_name(faces[index]) else 2

    return sorted(range(len(faces)), key=rank)


def _covers_sample(face: TTFont) -> bool:
    cmap = face.getBestCmap() or {}
    return all(ord(char) in cmap for char in SAMPLE_TEXT)


def _face_name(face: TTFont) -> str:
    return face["name"].getDebugName(4) or ""
