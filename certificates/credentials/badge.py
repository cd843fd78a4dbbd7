"""The badge image of a level, with a credential baked in (Open Badges 3.0 baking: the signed
credential in the PNG's `openbadgecredential` iTXt chunk), so the picture she shares carries
its own proof. The picture is drawn once per level name and kept in each process."""

import functools
import io

from openbadgeslib import baking
from PIL import Image, ImageDraw, ImageFont

from ..fonts import find_cjk_font

SIZE = 400
COLOURS = ["#2e7d32", "#1565c0", "#6a1b9a", "#c62828", "#ef6c00"]


@functools.lru_cache(maxsize=32)
def badge_png(name: str, order: int = 0) -> bytes:
    """A round badge with the level's name in the middle."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    colour = COLOURS[order % len(COLOURS)]
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=colour, outline="#ffd54f", width=14)
    choice = find_cjk_font()
    lines = _lines(name, 6)
    if choice is not None:
        font = ImageFont.truetype(str(choice.path), 52, index=choice.index)
    else:  # no Chinese font here: the name is still in the credential itself
        font = ImageFont.load_default()
    height = 64 * len(lines)
    for number, line in enumerate(lines):
        y = (SIZE - height) / 2 + number * 64 + 32
        draw.text((SIZE / 2, y), line, fill="white", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def baked_png(name: str, order: int, credential_json: str) -> bytes:
    return baking.bake_png(badge_png(name, order), credential_json, keyword=baking.ITXT_KEYWORD_OB3)


def unbaked(png: bytes) -> str | None:
    """The credential baked into a PNG, or None."""
    return baking.extract_png(png, keyword=baking.ITXT_KEYWORD_OB3)


def _lines(text: str, width: int) -> list[str]:
    text = text.strip()
    return [text[i : i + width] for i in range(0, len(text), width)][:3] or [""]
