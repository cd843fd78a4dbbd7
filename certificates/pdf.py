"""The certificate as a one-page A4 landscape PDF, bilingual, with a verification QR code.

The certificate deliberately prints both languages whatever the reader's language: a mother
shows it to a Chinese-reading village committee and to English-reading partners alike.
"""

import datetime
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace

import segno
from django.core.exceptions import ImproperlyConfigured
from fpdf import FPDF
from PIL import Image

from certificates import fonts
from certificates.prepared_font import add_prepared_font, prepared_font

logger = logging.getLogger(__name__)

FONT = "cjk"
RED = (139, 30, 45)
GOLD = (184, 145, 63)
INK = (34, 34, 34)
GREY = (110, 110, 110)

MARGIN = 70  # from the page edge to the text, clear of the double frame
LOGO_BOX = (160, 56)  # width, height: the most a logo may take above the programme name
QR_SIZE = 96  # quiet zone included; at 150 dpi a 33-module code gets 5 px per module
FOOTER_TOP_GAP = 175  # from the bottom edge: the centre block must end above this

ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class _Line:
    text: str
    size: float
    color: tuple[int, int, int] = INK
    space_after: float = 0
    bold: bool = False


@dataclass(frozen=True)
class _Logo:
    image: bytes
    space_after: float = 10


def render_certificate_pdf(content: dict) -> bytes:
    font = fonts.find_cjk_font()
    if font is None:
        raise ImproperlyConfigured(
            f"No font with Chinese characters was found to render certificates. "
            f"{fonts.FONT_MISSING_HINT}"
        )
    prepared = prepared_font(font)
    if prepared is not None:
        pdf = _new_document(content)
        add_prepared_font(pdf, FONT, prepared)
        _lay_out_page(pdf, content)
        if not pdf.fonts[FONT].missing_glyphs:
            return bytes(pdf.output())
        # A character outside the prepared font, such as a rare one in a name: drawn from the
        # full font, which costs half a second for this certificate.
        logger.info("Certificate %s drawn with the full font", content["serial"])
    pdf = _new_document(content)
    pdf.add_font(FONT, "", font.path, collection_font_number=font.index)
    _lay_out_page(pdf, content)
    return bytes(pdf.output())


def _new_document(content: dict) -> FPDF:
    """The empty page; the caller adds the one font face (FONT) it is drawn with.

    One face only: each face costs a subset of its own, so the holder's name gets its weight
    from a stroke instead of a bold face.
    """
    pdf = FPDF(orientation="L", unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    # A fixed date keeps the bytes identical when the same certificate is rendered again.
    issued = datetime.datetime.combine(content["issued_on"], datetime.time(), datetime.UTC)
    pdf.set_creation_date(issued)
    pdf.set_lang("zh-CN")
    pdf.set_title(f"{content['level_name']} · {content['holder_name']}")
    pdf.set_subject(content["serial"])
    pdf.set_author(content["programme_name"])
    pdf.add_page()
    return pdf


def _lay_out_page(pdf: FPDF, content: dict) -> None:
    _draw_frame(pdf)
    _draw_centred_block(
        pdf, _centre_block(content), top=50, bottom=pdf.h - FOOTER_TOP_GAP, width=pdf.w - 2 * 100
    )
    _draw_details(pdf, content)
    _draw_signatory(pdf, content["signatory_name"], content["signatory_title"])
    _draw_qr(pdf, content["verify_url"])


def _centre_block(content: dict) -> list[_Line | _Logo]:
    programme_en = content["programme_name_en"]
    completed_en = f"the {programme_en} training" if programme_en else "the training"
    items = [
        _Logo(logo) if (logo := _readable_image(content.get("logo"))) else None,
        _Line(content["programme_name"], 24, RED, space_after=4),
        _Line(programme_en, 12, GREY, space_after=22),
        _Line("兹证明", 15, space_after=3),
        _Line("This certifies that", 10, GREY, space_after=12),
        _Line(content["holder_name"], 46, INK, space_after=14, bold=True),
        _Line(f"已完成「{content['programme_name']}」培训，并获得", 15, space_after=3),
        _Line(f"has completed {completed_en} and holds the certificate", 10, GREY, space_after=14),
        _Line(content["level_name"], 28, RED, space_after=5),
        _Line(content["level_name_en"], 14, RED),
    ]
    return [item for item in items if item is not None and (isinstance(item, _Logo) or item.text)]


def _draw_frame(pdf: FPDF) -> None:
    with pdf.local_context(draw_color=RED, line_width=3):
        pdf.rect(18, 18, pdf.w - 36, pdf.h - 36)
    with pdf.local_context(draw_color=GOLD, line_width=0.8):
        pdf.rect(26, 26, pdf.w - 52, pdf.h - 52)


def _draw_centred_block(
    pdf: FPDF, items: list[_Line | _Logo], *, top: float, bottom: float, width: float
) -> None:
    """Stack the items down the page's centre line, the whole block centred between top and bottom.

    Without a logo the block simply grows shorter and sits lower, so no empty gap is left.
    """
    items = [
        replace(item, size=_fitted_size(pdf, item.text, item.size, width))
        if isinstance(item, _Line)
        else item
        for item in items
    ]
    height = sum(_item_height(item) for item in items)
    y = top + max(0, (bottom - top - height) / 2)
    for item in items:
        if isinstance(item, _Logo):
            _draw_logo(pdf, item.image, y)
        else:
            _draw_line(pdf, item, y)
        y += _item_height(item)


def _item_height(item: _Line | _Logo) -> float:
    if isinstance(item, _Logo):
        return LOGO_BOX[1] + item.space_after
    return item.size * 1.25 + item.space_after


def _fitted_size(pdf: FPDF, text: str, size: float, max_width: float) -> float:
    """The size, shrunk just enough for the text to fit on one line."""
    pdf.set_font(FONT, size=size)
    width = pdf.get_string_width(text)
    return size if width <= max_width else size * max_width / width


def _draw_line(pdf: FPDF, line: _Line, top: float) -> None:
    # A stroke about as thick as a bold face would add; the text still extracts as plain text.
    bold = {"text_mode": "FILL_STROKE", "line_width": line.size * 0.03} if line.bold else {}
    with pdf.local_context(draw_color=line.color, **bold):
        _text(pdf, pdf.w / 2, top + line.size, line.text, line.size, line.color, align="C")


def _readable_image(image: bytes | None) -> bytes | None:
    if not image:
        return None
    # A broken logo upload should not stop a mother getting her certificate.
    try:
        with Image.open(io.BytesIO(image)) as probe:
            probe.verify()
    except Exception:
        logger.warning("Certificate logo is not a readable image; left out", exc_info=True)
        return None
    return image


def _draw_logo(pdf: FPDF, image: bytes, top: float) -> None:
    box_width, box_height = LOGO_BOX
    pdf.image(
        io.BytesIO(image),
        x=(pdf.w - box_width) / 2,
        y=top,
        w=box_width,
        h=box_height,
        keep_aspect_ratio=True,
    )


def _draw_details(pdf: FPDF, content: dict) -> None:
    expires_on = content["expires_on"]
    rows = [
        ("颁发日期", "Issued", *_both_dates(content["issued_on"])),
        ("有效期至", "Valid until", *_both_dates(expires_on))
        if expires_on
        else ("有效期至", "Valid until", "长期有效", "Does not expire"),
        ("证书编号", "Serial", content["serial"], ""),
    ]
    x_label, x_value, value_width = MARGIN, MARGIN + 72, 150
    y = pdf.h - 60 - 27 * len(rows)
    for label_zh, label_en, value_zh, value_en in rows:
        _text(pdf, x_label, y + 11, label_zh, 11, INK)
        _text(pdf, x_value, y + 11, value_zh, 11, INK, max_width=value_width)
        _text(pdf, x_label, y + 21, label_en, 7.5, GREY)
        _text(pdf, x_value, y + 21, value_en, 7.5, GREY, max_width=value_width)
        y += 27


def _draw_signatory(pdf: FPDF, name: str, title: str) -> None:
    if not (name or title):
        return
    line_y, half_width = pdf.h - 92, 85
    with pdf.local_context(draw_color=GREY, line_width=0.6):
        pdf.line(pdf.w / 2 - half_width, line_y, pdf.w / 2 + half_width, line_y)
    for text, size, color, baseline in (
        ("签发人 Issued by", 7.5, GREY, line_y - 4),
        (name, 12, INK, line_y + 16),
        (title, 8.5, GREY, line_y + 28),
    ):
        _text(pdf, pdf.w / 2, baseline, text, size, color, align="C", max_width=2 * half_width + 60)


def _draw_qr(pdf: FPDF, url: str) -> None:
    # The code's own white quiet zone may reach into the margin; only the frame must stay clear.
    right, bottom = pdf.w - MARGIN + 12, pdf.h - 44
    left, top = right - QR_SIZE, bottom - 26 - QR_SIZE
    qr = segno.make(url, error="m", micro=False)
    rows = list(qr.matrix_iter(scale=1, border=4))
    module = QR_SIZE / len(rows)
    with pdf.local_context(fill_color=(255, 255, 255)):
        pdf.rect(left, top, QR_SIZE, QR_SIZE, style="F")
    with pdf.local_context(fill_color=(0, 0, 0)):
        # One rectangle per horizontal run of dark modules keeps the page stream small.
        for row_index, row in enumerate(rows):
            for start, length in _dark_runs(row):
                pdf.rect(
                    left + start * module,
                    top + row_index * module,
                    length * module,
                    module,
                    style="F",
                )
    caption_x = left + QR_SIZE / 2
    _text(pdf, caption_x, bottom - 14, "扫码验证 Scan to verify", 8, INK, align="C")
    _text(pdf, right, bottom, url, 6.5, GREY, align="R", max_width=300)


def _dark_runs(row: Iterable[int]) -> list[tuple[int, int]]:
    runs, start = [], None
    for index, dark in enumerate([*row, False]):
        if dark and start is None:
            start = index
        elif not dark and start is not None:
            runs.append((start, index - start))
            start = None
    return runs


def _text(
    pdf: FPDF,
    x: float,
    baseline: float,
    text: str,
    size: float,
    color: tuple[int, int, int],
    *,
    align: str = "L",
    max_width: float | None = None,
) -> None:
    if not text:
        return
    if max_width is not None:
        size = _fitted_size(pdf, text, size, max_width)
    pdf.set_font(FONT, size=size)
    pdf.set_text_color(*color)
    width = pdf.get_string_width(text)
    offset = {"L": 0, "C": width / 2, "R": width}[align]
    pdf.text(x - offset, baseline, text)


def _both_dates(day: datetime.date) -> tuple[str, str]:
    # Spelled out by hand: strftime's month names follow the server's locale, not the page's.
    chinese = f"{day.year}年{day.month}月{day.day}日"
    english = f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"
    return chinese, english
