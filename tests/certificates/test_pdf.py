import datetime
import io
import os
import re
import shutil
import subprocess

import pytest
import zxingcpp
from django.core.exceptions import ImproperlyConfigured
from fontTools.ttLib import TTCollection, TTFont
from PIL import Image, ImageDraw

from certificates import fonts
from certificates.checks import cjk_font_check
from certificates.pdf import render_certificate_pdf
from tests.conftest import require

VERIFY_URL = "http://127.0.0.1:8000/certificates/verify/Xy12abcDEFghiJKLmnoPQRstu/"


def content(**overrides) -> dict:
    return {
        "programme_name": "陪伴妈妈学堂",
        "programme_name_en": "Companion Academy",
        "logo": None,
        "holder_name": "王小梅",
        "level_name": "初级陪伴妈妈证书",
        "level_name_en": "Primary companion mother",
        "serial": "CA-2026-000123",
        "issued_on": datetime.date(2026, 3, 1),
        "expires_on": datetime.date(2029, 2, 28),
        "signatory_name": "李华",
        "signatory_title": "项目主任 Programme Director",
        "verify_url": VERIFY_URL,
        **overrides,
    }


def png_logo() -> bytes:
    image = Image.new("RGB", (120, 60), (139, 30, 45))
    ImageDraw.Draw(image).ellipse((5, 5, 55, 55), fill=(255, 210, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def poppler(tool: str, pdf: bytes, *args: str, tmp_path) -> str:
    """Run a poppler tool on the PDF; pdftotext prints to stdout, pdftoppm writes page.png."""
    require(shutil.which(tool) is not None, f"{tool} is missing: apt-get install poppler-utils")
    (tmp_path / "certificate.pdf").write_bytes(pdf)
    output = ["-"] if tool == "pdftotext" else ["page"] if tool == "pdftoppm" else []
    return subprocess.run(
        [tool, *args, "certificate.pdf", *output],
        cwd=tmp_path,
        capture_output=True,
        text=tool != "pdftoppm",
        check=True,
        timeout=60,
    ).stdout


def face_name(font: fonts.FontChoice, name_id: int) -> str:
    if font.path.suffix.lower() in fonts.COLLECTION_SUFFIXES:
        face = TTCollection(str(font.path), lazy=True).fonts[font.index]
    else:
        face = TTFont(str(font.path), lazy=True)
    return face["name"].getDebugName(name_id)


def test_text_is_real_text_in_both_languages(cjk_font, tmp_path):
    text = poppler("pdftotext", render_certificate_pdf(content()), tmp_path=tmp_path)

    for expected in (
        "王小梅",
        "初级陪伴妈妈证书",
        "Primary companion mother",
        "CA-2026-000123",
        "陪伴妈妈学堂",
        "兹证明",
        "This certifies that",
        "2026年3月1日",
        "1 March 2026",
        "2029年2月28日",
        "28 February 2029",
        "李华",
        "扫码验证",
        VERIFY_URL,
    ):
        assert expected in text


def test_a_certificate_without_expiry_says_so_in_both_languages(cjk_font, tmp_path):
    pdf = render_certificate_pdf(content(expires_on=None))

    text = poppler("pdftotext", pdf, tmp_path=tmp_path)
    assert "长期有效" in text
    assert "Does not expire" in text


def test_the_chinese_font_is_embedded(cjk_font, tmp_path):
    listing = poppler("pdffonts", render_certificate_pdf(content()), tmp_path=tmp_path)

    rows = listing.splitlines()[2:]
    family = face_name(cjk_font, 1).replace(" ", "")
    assert any(family in row for row in rows), listing
    for row in rows:
        # Columns: name, type (may hold spaces), encoding, emb, sub, uni, object, generation.
        emb = row.split()[-5]
        assert emb == "yes", f"font not embedded: {row}"


def test_the_page_is_a4_landscape(cjk_font, tmp_path):
    info = poppler("pdfinfo", render_certificate_pdf(content()), tmp_path=tmp_path)

    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert width == pytest.approx(842, abs=1)
    assert height == pytest.approx(595, abs=1)
    assert re.search(r"Pages:\s+1\n", info)


@pytest.mark.parametrize("logo", [None, "png"], ids=["no-logo", "with-logo"])
def test_the_qr_code_opens_the_verification_page(cjk_font, tmp_path, logo):
    pdf = render_certificate_pdf(content(logo=png_logo() if logo else None))
    poppler("pdftoppm", pdf, "-r", "150", "-png", "-singlefile", tmp_path=tmp_path)

    codes = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))

    assert [code.text for code in codes] == [VERIFY_URL]


def test_a_logo_is_drawn_and_a_broken_one_is_left_out(cjk_font, tmp_path):
    without_logo = render_certificate_pdf(content())
    with_logo = render_certificate_pdf(content(logo=png_logo()))
    broken_logo = render_certificate_pdf(content(logo=b"not an image"))

    assert b"/Subtype /Image" in with_logo
    assert b"/Subtype /Image" not in without_logo
    assert b"/Subtype /Image" not in broken_logo
    assert "王小梅" in poppler("pdftotext", broken_logo, tmp_path=tmp_path)


@pytest.mark.parametrize(
    "holder_name",
    [
        "欧阳娜娜买买提阿依古丽热合曼",
        "Maximiliana Alexandra Guadalupe Fernández-Rodríguez de la Cruz",
    ],
)
def test_a_long_name_shrinks_to_stay_on_one_line(cjk_font, tmp_path, holder_name):
    pdf = render_certificate_pdf(content(holder_name=holder_name))

    lines = poppler("pdftotext", pdf, tmp_path=tmp_path).splitlines()
    assert holder_name in lines
    # Every word lies between the frame's sides: nothing ran off the page.
    boxes = poppler("pdftotext", pdf, "-bbox", tmp_path=tmp_path)
    for x_min, x_max in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', boxes):
        assert 26 < float(x_min) < float(x_max) < 842 - 26


def test_rendering_twice_gives_the_same_bytes(cjk_font):
    assert render_certificate_pdf(content()) == render_certificate_pdf(content())


def test_without_a_font_rendering_says_what_to_install(monkeypatch):
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)

    with pytest.raises(ImproperlyConfigured, match="apt-get install fonts-noto-cjk"):
        render_certificate_pdf(content())


def test_the_system_check_warns_with_the_package_to_install(monkeypatch):
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)

    [warning] = cjk_font_check(None)

    assert warning.id == "certificates.W001"
    assert "cannot be rendered" in warning.msg
    assert f"apt-get install {fonts.CJK_FONT_PACKAGE}" in warning.hint
    assert "CERTIFICATE_FONT_PATH" in warning.hint


def test_the_system_check_is_quiet_when_a_font_is_found(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: fonts.FontChoice(tmp_path / "font.ttf"))

    assert cjk_font_check(None) == []


def test_the_font_setting_is_used_and_a_wrong_one_is_reported(cjk_font, settings, tmp_path):
    settings.CERTIFICATE_FONT_PATH = str(cjk_font.path)
    assert fonts.find_cjk_font() == cjk_font

    not_a_font = tmp_path / "latin.ttf"
    not_a_font.write_bytes(b"not a font")
    settings.CERTIFICATE_FONT_PATH = str(not_a_font)
    assert fonts.find_cjk_font() is None
    [warning] = cjk_font_check(None)
    assert str(not_a_font) in warning.msg


def test_from_noto_cjk_the_simplified_chinese_face_is_chosen(settings):
    # Its Japanese face comes first and would draw some shared characters the Japanese way.
    noto = fonts.KNOWN_FONT_PATHS[0]
    require(os.path.exists(noto), f"{noto} is missing: apt-get install {fonts.CJK_FONT_PACKAGE}")
    settings.CERTIFICATE_FONT_PATH = noto

    assert face_name(fonts.find_cjk_font(), 4) == "Noto Sans CJK SC"
