"""The certificate font, prepared so that a PDF costs milliseconds instead of half a second.

fpdf2 parses the whole font file in add_font and subsets it with fontTools when it writes the
PDF: for Noto Sans CJK (65,535 glyphs, 19 MB) about 0.45 s a certificate. A smaller font is not
enough: fontTools still interprets each kept CFF glyph (see certificates.cff). So the work is
split by how often it has to be done:

- once per font file, kept on disk (CERTIFICATE_FONT_CACHE_DIR) under a name made from the
  file's path, face, size and modification time: a reduced font holding the characters a
  certificate is expected to print (GB2312, whose 6,763 hanzi cover everyday Chinese, with its
  punctuation, plus Latin), its outlines desubroutinized so that each glyph stands alone. About
  5 s to make; processes starting together wait for the first one's file instead of each
  making their own;
- once per process: fpdf2 reads the reduced font (character map, widths, metrics) into a
  template font object, and certificates.cff reads its glyphs;
- per PDF: a copy of that template whose font program is written from the glyphs the page uses.

The embedded font is still a subset, with the glyph outlines, CIDs, widths, hints and metrics
fpdf2 would embed from the full font; its outlines are only written out in full instead of
through shared subroutines, which renderers draw the same (tested pixel for pixel). A page with a
character the reduced font lacks (a rare character in a name) is drawn with the full font the
slow way: certificates.pdf checks for that. Fonts that are not CID-keyed CFF (TrueType fonts
such as WenQuanYi) always take the slow way.

The per-process state is a module-level dict (gunicorn and Celery prefork workers each build
their own) behind a lock, and what documents share is only read, so threads are safe too.
"""

import copy
import fcntl
import hashlib
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from fontTools import subset
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

from .cff import CidFontProgram, NotSelfContained
from .fonts import FontChoice

logger = logging.getLogger(__name__)

# Bump when the character set or the subsetting options change: it renames the cached files.
RECIPE = "gb2312-latin-desubroutinized-1"

_lock = threading.Lock()
_prepared: dict[tuple, "PreparedFont | None"] = {}


@dataclass(frozen=True)
class PreparedFont:
    template: TTFFont  # fpdf2's reading of the reduced font, copied for each document
    program: CidFontProgram


def certificate_characters() -> frozenset[int]:
    gb2312 = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                gb2312.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    latin = range(0x20, 0x250)  # ASCII, Latin-1, Latin Extended A and B (pinyin tone marks)
    punctuation = [*range(0x2000, 0x2070), *range(0x3000, 0x3040), *range(0xFF00, 0xFFF0)]
    return frozenset(gb2312.union(latin, punctuation))


def prepared_font(choice: FontChoice) -> PreparedFont | None:
    """The prepared font for this face, made or read once per process; None for the slow way."""
    try:
        key = _file_key(choice)
    except OSError:
        return None
    if key in _prepared:
        return _prepared[key]
    with _lock:
        if key not in _prepared:
            _prepared[key] = _prepare(choice, key)
        return _prepared[key]


def add_prepared_font(pdf: FPDF, family: str, prepared: PreparedFont) -> None:
    """What pdf.add_font(family, "", <reduced font>) does, without reading the font again."""
    # The copy mirrors TTFFont.__deepcopy__ of fpdf2 2.8: what one document changes is made
    # anew (its subset, widths looked up, missing glyphs, descriptor), the rest is shared.
    font = copy.copy(prepared.template)
    font.i = len(pdf.fonts) + 1
    font.fontkey = family.lower()
    font.cw = prepared.template.cw.copy()
    font.desc = copy.copy(prepared.template.desc)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.ttfont = _FontProgram(prepared.program)
    font.subset = SubsetMap(font)
    pdf.fonts[font.fontkey] = font
    pdf.pdf_version = max(pdf.pdf_version, "1.6")  # as add_font does for a CID-keyed CFF font


def forget_prepared_fonts() -> None:
    with _lock:
        _prepared.clear()


@receiver(setting_changed)
def _forget_on_setting_change(*, setting, **kwargs):
    if setting in ("CERTIFICATE_FONT_PATH", "CERTIFICATE_FONT_CACHE_DIR"):
        forget_prepared_fonts()


class _FontProgram(TTFont):
    """The font fpdf2 subsets and embeds for one document.

    It has no tables, so fontTools' subsetter has nothing to parse or rewrite and only narrows
    the glyph order to the glyphs the page uses; save() then writes their font program, which
    fpdf2 embeds as the CID-keyed CFF font file when the font has no 'CFF ' table of its own.
    """

    def __init__(self, program: CidFontProgram):
        super().__init__()
        self.setGlyphOrder(list(program.glyph_order))
        self._program = program

    def save(self, file, reorderTables=True):
        file.write(self._program.subset(self.getGlyphOrder()))


def _prepare(choice: FontChoice, key: tuple) -> PreparedFont | None:
    try:
        path = _reduced_font(choice, key)
        with TTFont(str(path), lazy=True) as reduced:
            program = CidFontProgram(reduced)
        probe = FPDF()
        probe.add_font("prepared", "", str(path))
        template = probe.fonts["prepared"]
        template.ttfont.close()  # everything a document needs from the file has been read
    except NotSelfContained as reason:
        logger.info("Certificate font %s is drawn the slow way: %s", choice.path, reason)
        return None
    except Exception:
        # Certificates still render, only slower: worth a warning, not a failure.
        logger.warning("Could not prepare the certificate font %s", choice.path, exc_info=True)
        return None
    return PreparedFont(template=template, program=program)


def reduced_font_path(choice: FontChoice) -> Path:
    """Where the reduced font of this face is kept (whether or not it has been made yet)."""
    return _reduced_font_path(_file_key(choice))


def _file_key(choice: FontChoice) -> tuple:
    # A font package upgraded in place gets a new reduced font, in running processes too.
    stat = choice.path.stat()
    return (str(choice.path), choice.index, stat.st_size, stat.st_mtime_ns)


def _reduced_font_path(key: tuple) -> Path:
    digest = hashlib.sha256(repr((RECIPE, *key)).encode()).hexdigest()[:20]
    return Path(settings.CERTIFICATE_FONT_CACHE_DIR) / f"certificate-font-{digest}.otf"


def _reduced_font(choice: FontChoice, key: tuple) -> Path:
    path = _reduced_font_path(key)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    # One process makes the file while the others wait for it, then read it.
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            _write_reduced_font(choice, path)
    return path


def _write_reduced_font(choice: FontChoice, path: Path) -> None:
    logger.info("Making the reduced certificate font %s from %s", path, choice.path)
    # Bounding boxes are kept from the full font, so fpdf2 describes the font the same way.
    font = TTFont(
        str(choice.path),
        fontNumber=choice.index,
        lazy=True,
        recalcBBoxes=False,
        recalcTimestamp=False,
    )
    if "CFF " not in font:  # TrueType outlines: nothing for certificates.cff to copy
        font.close()
        raise NotSelfContained("the font has no CFF outlines")
    options = subset.Options()
    options.layout_features = []  # the PDF draws one glyph per character, without shaping
    options.drop_tables += ["BASE", "GDEF", "GPOS", "GSUB", "JSTF", "MATH", "VORG", "vhea", "vmtx"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=certificate_characters())
    subsetter.subset(font)
    # Written aside and renamed, so no process ever reads half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            font.save(file)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from workers of other users
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        font.close()
