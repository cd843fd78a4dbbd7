"""One public address for every link that leaves the site, and PDFs drawn again when it
changes."""

import io
import shutil
import subprocess

import pytest
from django.core.management import call_command

from certificates.services import certificate_issue, certificate_render_pdf, verification_url
from tests.conftest import require

pytestmark = pytest.mark.django_db


def qr_link(certificate, tmp_path):
    import zxingcpp
    from PIL import Image

    require(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils) is not installed")
    certificate.refresh_from_db()
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", certificate.pdf.path, tmp_path / "p"],
        check=True,
    )
    [code] = zxingcpp.read_barcodes(Image.open(tmp_path / "p.png"))
    return code.text


def test_a_new_public_address_redraws_each_pdf_once(
    learner, ladder, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = "https://old.example.org"
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    certificate_render_pdf(certificate=certificate)
    assert qr_link(certificate, tmp_path).startswith("https://old.example.org/")

    settings.PUBLIC_BASE_URL = "https://academy.example.org"
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("certificates_rerender", stdout=out)
    assert out.getvalue().startswith("1 certificate PDFs")
    link = qr_link(certificate, tmp_path)
    assert link == verification_url(certificate)
    assert link.startswith("https://academy.example.org/certificates/verify/")
    # Run again: nothing left to draw.
    out = io.StringIO()
    call_command("certificates_rerender", stdout=out)
    assert out.getvalue().startswith("0 certificate PDFs")


def test_emails_link_the_page_at_the_public_address(
    learner, ladder, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = "https://academy.example.org"
    learner.email = "xm@example.org"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        certificate_issue(learner=learner, level=ladder.primary)
    [mail] = [m for m in mailoutbox if "xm@example.org" in m.to]
    # Her page, at the public address, in her language (Chinese: no prefix).
    assert "https://academy.example.org/certificates/" in mail.body
