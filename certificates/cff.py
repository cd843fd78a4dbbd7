"""A CID-keyed CFF font program holding only the glyphs one certificate uses.

fontTools can subset a CFF font, but it interprets every kept glyph's charstring (to find
accented components and used subroutines, and to recompute the bounding box), about 0.3 ms a
glyph in pure Python: 30 ms for the hundred distinct characters of a certificate, on every PDF.
The prepared font's charstrings are desubroutinized, so each glyph's outline is a self-contained
byte string: a subset is those strings copied into a new font (Adobe TN 5176, "The Compact Font
Format Specification"), with the glyph-to-CID map (charset), the glyph-to-font-dict map
(FDSelect) and the font dicts' private hinting values (copied byte for byte). Only the bounding
box needs the outlines drawn, once per glyph per process.
"""

import struct
from dataclasses import dataclass

from fontTools.cffLib import cffStandardStringMapping
from fontTools.misc.arrayTools import intRect, unionRect
from fontTools.misc.psCharStrings import T2CharString, encodeFloat, encodeIntCFF
from fontTools.ttLib import TTFont

# Top DICT entries copied from the prepared font, in the order written; ROS must come first.
# Offsets (charset, FDSelect, CharStrings, FDArray) and the bounding box are written per subset;
# UniqueID, XUID and UIDBase are left out, since they would name the whole font.
_TOP_ENTRIES = (
    ("ROS", b"\x0c\x1e"),
    ("version", b"\x00"),
    ("Notice", b"\x01"),
    ("Copyright", b"\x0c\x00"),
    ("FullName", b"\x02"),
    ("FamilyName", b"\x03"),
    ("Weight", b"\x04"),
    ("isFixedPitch", b"\x0c\x01"),
    ("ItalicAngle", b"\x0c\x02"),
    ("UnderlinePosition", b"\x0c\x03"),
    ("UnderlineThickness", b"\x0c\x04"),
    ("PaintType", b"\x0c\x05"),
    ("CharstringType", b"\x0c\x06"),
    ("FontMatrix", b"\x0c\x07"),
    ("StrokeWidth", b"\x0c\x08"),
    ("CIDFontVersion", b"\x0c\x1f"),
    ("CIDFontRevision", b"\x0c\x20"),
    ("CIDFontType", b"\x0c\x21"),
    ("CIDCount", b"\x0c\x22"),
)
_STRING_ENTRIES = {"version", "Notice", "Copyright", "FullName", "FamilyName", "Weight"}
FONT_BBOX, CHARSET, CHARSTRINGS, PRIVATE = b"\x05", b"\x0f", b"\x11", b"\x12"
FDARRAY, FDSELECT, FONT_NAME = b"\x0c\x24", b"\x0c\x25", b"\x0c\x26"
FONT_MATRIX = b"\x0c\x07"


class NotSelfContained(ValueError):
    """The font is not a CID-keyed CFF font whose charstrings stand alone."""


@dataclass(frozen=True)
class _Glyph:
    cid: int
    font_dict: int
    charstring: bytes


@dataclass(frozen=True)
class _FontDict:
    name: str | None
    matrix: list | None
    private: bytes  # the Private DICT as stored: no offsets in it once there are no subroutines
    private_dict: object  # fontTools' parsed Private DICT, for drawing outlines


class CidFontProgram:
    """The glyphs of a desubroutinized CID-keyed CFF font, read once; subset() per document.

    Read-only after construction but for the bounding-box cache, whose entries are computed from
    fresh charstring objects, so threads may share an instance.
    """

    def __init__(self, font: TTFont):
        if "CFF " not in font:
            raise NotSelfContained("the font has no CFF outlines")
        stored = font.getTableData("CFF ")  # before parsing: the bytes as stored, offsets valid
        cff = font["CFF "].cff
        self.name = cff.fontNames[0]
        top = cff[self.name]
        if not hasattr(top, "ROS"):
            raise NotSelfContained("the CFF font is not CID-keyed")
        if len(top.GlobalSubrs):
            raise NotSelfContained("the CFF font uses global subroutines")
        self._top = [(key, op, top.rawDict[key]) for key, op in _TOP_ENTRIES if key in top.rawDict]
        self._font_dicts = []
        for font_dict in top.FDArray:
            size, offset = font_dict.rawDict["Private"]
            private = font_dict.Private
            if "Subrs" in private.rawDict:
                raise NotSelfContained("a font dict has local subroutines")
            self._font_dicts.append(
                _FontDict(
                    name=font_dict.rawDict.get("FontName"),
                    matrix=font_dict.rawDict.get("FontMatrix"),
                    private=bytes(stored[offset : offset + size]),
                    private_dict=private,
                )
            )
        self._global_subrs = top.GlobalSubrs
        charstrings = top.CharStrings
        self._glyphs = {}
        for name in top.charset:
            charstring, font_dict = charstrings.getItemAndSelector(name)
            if charstring.bytecode is None:
                charstring.compile()
            self._glyphs[name] = _Glyph(_cid(name), font_dict or 0, charstring.bytecode)
        self.glyph_order = tuple(top.charset)
        self._bounds: dict[str, tuple | None] = {}

    def subset(self, glyph_names) -> bytes:
        """The font program with .notdef and these glyphs, in this order (names as in the font)."""
        names = [".notdef", *(name for name in glyph_names if name != ".notdef")]
        glyphs = [self._glyphs[name] for name in names]
        used_dicts = sorted({glyph.font_dict for glyph in glyphs})
        new_dict = {old: new for new, old in enumerate(used_dicts)}
        strings = _Strings()

        top_operands = [(op, _operands(key, value, strings)) for key, op, value in self._top]
        top_operands.append((FONT_BBOX, b"".join(encodeIntCFF(v) for v in self._bbox(names))))
        dict_names = [self._font_dicts[i].name for i in used_dicts]
        dict_sids = [strings.sid(name) if name else None for name in dict_names]
        charset = b"\x00" + b"".join(struct.pack(">H", glyph.cid) for glyph in glyphs[1:])
        fd_select = b"\x00" + bytes(new_dict[glyph.font_dict] for glyph in glyphs)
        charstrings = _index([glyph.charstring for glyph in glyphs])
        privates = [self._font_dicts[i].private for i in used_dicts]

        def top_dict(charset_at, fd_select_at, charstrings_at, fd_array_at):
            return b"".join(
                [operands + op for op, operands in top_operands]
                + [_offset(charset_at) + CHARSET, _offset(fd_select_at) + FDSELECT]
                + [_offset(charstrings_at) + CHARSTRINGS, _offset(fd_array_at) + FDARRAY]
            )

        def font_dicts(privates_at):
            dicts = []
            for i, sid, private in zip(used_dicts, dict_sids, privates, strict=True):
                matrix = self._font_dicts[i].matrix
                entries = [encodeIntCFF(sid) + FONT_NAME] if sid is not None else []
                if matrix:
                    entries.append(b"".join(_number(v) for v in matrix) + FONT_MATRIX)
                entries.append(encodeIntCFF(len(private)) + _offset(privates_at) + PRIVATE)
                dicts.append(b"".join(entries))
                privates_at += len(private)
            return _index(dicts)

        # Offsets are written in their 5-byte form, so each dict's length is known beforehand.
        head = b"\x01\x00\x04\x04" + _index([self.name.encode("latin-1")])
        top_length = len(_index([top_dict(0, 0, 0, 0)]))
        string_index = _index([s.encode("latin-1") for s in strings.custom])
        global_subrs = _index([])
        charset_at = len(head) + top_length + len(string_index) + len(global_subrs)
        fd_select_at = charset_at + len(charset)
        charstrings_at = fd_select_at + len(fd_select)
        fd_array_at = charstrings_at + len(charstrings)
        privates_at = fd_array_at + len(font_dicts(0))
        return b"".join(
            [
                head,
                _index([top_dict(charset_at, fd_select_at, charstrings_at, fd_array_at)]),
                string_index,
                global_subrs,
                charset,
                fd_select,
                charstrings,
                font_dicts(privates_at),
                *privates,
            ]
        )

    def _bbox(self, names) -> list[int]:
        # What fontTools would compute when saving the subset: some PDF renderers (poppler)
        # size their glyph cache from the font's bounding box, so a wrong one shifts pixels.
        box = None
        for name in names:
            if name not in self._bounds:
                glyph = self._glyphs[name]
                outline = T2CharString(
                    glyph.charstring,
                    private=self._font_dicts[glyph.font_dict].private_dict,
                    globalSubrs=self._global_subrs,
                )
                self._bounds[name] = outline.calcBounds(None)
            bounds = self._bounds[name]
            if bounds is not None:
                box = bounds if box is None else unionRect(box, bounds)
        return list(intRect(box)) if box else [0, 0, 0, 0]


def _cid(name: str) -> int:
    # fontTools names the glyphs of a CID-keyed font after their CIDs: cid00042.
    return int(name[3:]) if name.startswith("cid") else 0


class _Strings:
    """The String INDEX: the 391 standard strings have fixed ids, the rest follow in order."""

    def __init__(self):
        self.custom: list[str] = []

    def sid(self, text: str) -> int:
        if text in cffStandardStringMapping:
            return cffStandardStringMapping[text]
        if text not in self.custom:
            self.custom.append(text)
        return len(cffStandardStringMapping) + self.custom.index(text)


def _operands(key: str, value, strings: _Strings) -> bytes:
    if key == "ROS":
        registry, ordering, supplement = value
        return b"".join(
            encodeIntCFF(v) for v in (strings.sid(registry), strings.sid(ordering), supplement)
        )
    if key in _STRING_ENTRIES:
        return encodeIntCFF(strings.sid(value))
    if isinstance(value, list | tuple):
        return b"".join(_number(v) for v in value)
    return _number(value)


def _number(value) -> bytes:
    if isinstance(value, float) and not value.is_integer():
        return encodeFloat(value)
    return encodeIntCFF(int(value))


def _offset(value: int) -> bytes:
    return b"\x1d" + struct.pack(">l", value)  # always 5 bytes


def _index(items: list[bytes]) -> bytes:
    if not items:
        return b"\x00\x00"
    offsets = [1]
    for item in items:
        offsets.append(offsets[-1] + len(item))
    size = next(n for n in (1, 2, 3, 4) if offsets[-1] < 1 << (8 * n))
    packed = b"".join(offset.to_bytes(size, "big") for offset in offsets)
    return struct.pack(">HB", len(items), size) + packed + b"".join(items)
