"""The prepared certificate font: read once per process, the same page as the full font."""

import io
import logging
import os
import re
import shutil
import zlib
from concurrent.futures import ThreadPoolExecutor

from fontTools.cffLib import CFFFontSet
from fontTools.ttLib import TTFont
from fpdf import FPDF
from PIL import Image, ImageChops

from certificates import fonts, prepared_font
from certificates import pdf as certificate_pdf
from certificates.pdf import render_certificate_pdf
from tests.certificates.test_pdf import content, png_logo, poppler


def embedded_font_program(pdf: bytes) -> bytes:
    [match] = re.finditer(rb"<<([^>]*?/Subtype /CIDFontType0C[^>]*?)>>\s*stream\r?\n", pdf, re.S)
    start = match.end()
    return zlib.decompress(pdf[start : pdf.index(b"endstream", start)])


def page_image(pdf: bytes, tmp_path, name: str) -> Image.Image:
    folder = tmp_path / name
    folder.mkdir()
    poppler("pdftoppm", pdf, "-r", "200", "-gray", "-png", "-singlefile", tmp_path=folder)
    return Image.open(folder / "page.png")


def test_the_font_is_read_once_per_process(cjk_font, monkeypatch):
    prepared_font.forget_prepared_fonts()  # as in a process that has drawn no certificate yet
    reads = []
    add_font = FPDF.add_font

    def counting_add_font(self, *args, **kwargs):
        reads.append(args)
        add_font(self, *args, **kwargs)

    monkeypatch.setattr(FPDF, "add_font", counting_add_font)

    first = render_certificate_pdf(content())
    second = render_certificate_pdf(content(holder_name="李春燕", serial="CA-2026-000124"))

    assert len(reads) == 1  # fpdf2 parsed the (reduced) font once, for both documents
    assert first != second


def test_the_prepared_font_draws_the_same_page_as_the_full_font(cjk_font, tmp_path, monkeypatch):
    page = content(logo=png_logo(), holder_name="Fernández-Rodríguez 王小梅")
    prepared = render_certificate_pdf(page)
    monkeypatch.setattr(certificate_pdf, "prepared_font", lambda font: None)
    full = render_certificate_pdf(page)

    assert prepared != full  # drawn the two ways...
    difference = ImageChops.difference(
        page_image(prepared, tmp_path, "prepared"), page_image(full, tmp_path, "full")
    )
    assert difference.getbbox() is None  # ...to the same pixels
    assert poppler("pdftotext", prepared, tmp_path=tmp_path) == poppler(
        "pdftotext", full, tmp_path=tmp_path
    )
    assert poppler("pdffonts", prepared, tmp_path=tmp_path) == poppler(
        "pdffonts", full, tmp_path=tmp_path
    )


def test_the_embedded_font_holds_just_the_glyphs_of_the_page(cjk_font, tmp_path):
    pdf = render_certificate_pdf(content())
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(embedded_font_program(pdf)), None)
    top = cff[cff.fontNames[0]]

    full_font = TTFont(str(cjk_font.path), fontNumber=cjk_font.index, lazy=True)
    names_by_character = full_font.getBestCmap()
    text = poppler("pdftotext", pdf, tmp_path=tmp_path)
    # The glyphs keep the full font's CIDs, so fpdf2's encoding of the page text still holds.
    expected = {".notdef", names_by_character[ord(" ")]}
    expected |= {names_by_character[ord(char)] for char in set(text) if not char.isspace()}
    assert set(top.charset) == expected
    assert top.ROS == ("Adobe", "Identity", 0)
    assert all(fd.Private.BlueValues for fd in top.FDArray)  # the hinting values came along
    box = list(top.FontBBox)
    top.recalcFontBBox()
    assert box == top.FontBBox


def test_a_rare_character_in_a_name_is_drawn_from_the_full_font(cjk_font, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="certificates.pdf")
    common = render_certificate_pdf(content(holder_name="王小梅"))
    assert "full font" not in caplog.text

    for name in ("王龘", "李䶮"):  # in Noto Sans CJK SC, not in GB2312
        pdf = render_certificate_pdf(content(holder_name=name))

        assert name in poppler("pdftotext", pdf, tmp_path=tmp_path).splitlines()
        [row] = poppler("pdffonts", pdf, tmp_path=tmp_path).splitlines()[2:]
        assert row.split()[-5:-2] == ["yes", "yes", "yes"]  # embedded, a subset, with Unicode
        assert len(pdf) < 2 * len(common)
    assert caplog.text.count("drawn with the full font") == 2


def test_the_reduced_font_is_made_once_per_font_file(cjk_font, settings, tmp_path, monkeypatch):
    font_file = tmp_path / cjk_font.path.name
    shutil.copyfile(cjk_font.path, font_file)
    settings.CERTIFICATE_FONT_PATH = str(font_file)
    settings.CERTIFICATE_FONT_CACHE_DIR = str(tmp_path / "cache")
    # Latin only: quicker to make than the real character set, and just as good a file.
    monkeypatch.setattr(prepared_font, "certificate_characters", lambda: range(0x20, 0x7F))
    made = []
    write = prepared_font._write_reduced_font
    monkeypatch.setattr(
        prepared_font, "_write_reduced_font", lambda *args: made.append(args) or write(*args)
    )

    assert prepared_font.prepared_font(fonts.find_cjk_font()) is not None
    prepared_font.forget_prepared_fonts()  # another process starting
    assert prepared_font.prepared_font(fonts.find_cjk_font()) is not None
    assert len(made) == 1

    stat = font_file.stat()  # the font package upgraded in place
    os.utime(font_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert prepared_font.prepared_font(fonts.find_cjk_font()) is not None
    assert len(made) == 2
    assert len(list((tmp_path / "cache").glob("*.otf"))) == 2


def test_without_a_usable_cache_folder_certificates_are_drawn_the_slow_way(
    cjk_font, settings, tmp_path, caplog
):
    (tmp_path / "a-file").write_text("")
    settings.CERTIFICATE_FONT_CACHE_DIR = str(tmp_path / "a-file" / "cache")

    pdf = render_certificate_pdf(content())

    assert "王小梅" in poppler("pdftotext", pdf, tmp_path=tmp_path)
    assert "Could not prepare the certificate font" in caplog.text


def test_threads_share_the_prepared_font(cjk_font):
    prepared_font.forget_prepared_fonts()
    pages = [content(holder_name=name) for name in ("王小梅", "李春燕", "张丽华", "刘建国")]

    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(render_certificate_pdf, pages))

    assert together == [render_certificate_pdf(page) for page in pages]
