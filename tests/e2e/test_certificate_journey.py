import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from certificates.models import Certificate
from lms.accounts.models import User
from tests.conftest import COMMITTED_DB
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.browser, COMMITTED_DB]


def zh(message, **values):
    """The text a Chinese page shows for a message: its translation, or the English message
    itself while it has none yet (so this test reads the pages before and after they are
    translated)."""
    with translation.override("zh-hans"):
        text = gettext(message)
    return text % values if values else text


def _fits_a_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_mentor_signs_off_then_the_certificate_is_downloaded_checked_and_revoked(
    demo, live_url, phone_page, settings, tmp_path
):
    from playwright.sync_api import expect

    # The link she shares (and the QR code on her PDF) lead to this server.
    settings.PUBLIC_BASE_URL = live_url
    learner = User.objects.get(phone="+8613800000007")
    page = phone_page

    # Her mentor opens her page: every primary requirement is met but the sign-off.
    log_in(page, live_url, "13800000002")
    page.get_by_role("link", name="我的学员").click()
    page.get_by_role("article").filter(has_text="李春燕").get_by_role("link", name="李春燕").click()
    expect(page.get_by_role("heading", name="李春燕", exact=True)).to_be_visible()
    ladder = page.get_by_role(
        "region", name=zh("Next certificate: %(level)s", level="初级陪伴妈妈")
    )
    expect(ladder.get_by_text(zh("%(percent)s%% ready", percent=85))).to_be_visible()
    expect(ladder.get_by_role("listitem")).to_have_count(7)
    still_to_do = ladder.get_by_role("listitem").filter(has_text=zh("(still to do)"))
    expect(still_to_do).to_have_count(1)
    expect(still_to_do).to_contain_text(zh("Your mentor's sign-off"))
    _fits_a_phone(page)

    ladder.get_by_role("link", name=zh("Sign off for this level")).click()
    expect(
        page.get_by_role(
            "heading",
            name=zh("Sign off %(name)s for %(level)s", name="李春燕", level="初级陪伴妈妈"),
        )
    ).to_be_visible()
    _fits_a_phone(page)
    page.get_by_label(zh("Your comment")).fill(
        "家访记录写得清楚，儿童之家每天按时开门。她已经可以拿初级证书了。"
    )
    page.get_by_role("button", name=zh("Sign her off")).click()
    expect(
        page.get_by_text(
            zh("You signed %(name)s off for %(level)s.", name="李春燕", level="初级陪伴妈妈")
        )
    ).to_be_visible()

    # The task issued the certificate right after the commit: her page already lists it.
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.level.slug == "primary" and certificate.status == "valid"
    expect(page.get_by_text(certificate.serial)).to_be_visible()
    _fits_a_phone(page)

    # She finds it under "My certificates", downloads the PDF and copies its link.
    page.context.clear_cookies()
    log_in(page, live_url, "13800000007")
    menu = page.get_by_role("navigation", name=zh("Main menu"))
    menu.get_by_role("link", name=zh("My certificates"), exact=True).click()
    card = page.get_by_role("article").filter(has_text="初级陪伴妈妈")
    expect(card.get_by_text(f"{zh('Serial number')}: {certificate.serial}")).to_be_visible()
    expect(card.get_by_text(zh("Valid"), exact=True)).to_be_visible()
    _fits_a_phone(page)
    with page.expect_download() as download_info:
        card.get_by_role("link", name=zh("Download the PDF")).click()
    download = download_info.value
    assert download.suggested_filename == f"{certificate.serial}.pdf"
    pdf = tmp_path / download.suggested_filename
    download.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        assert "李春燕" in text and certificate.serial in text

    # And the badge picture with her signed credential baked in (Open Badges 3.0).
    with page.expect_download() as download_info:
        card.get_by_role("link", name=zh("Badge picture (.png)")).click()
    badge = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(badge)
    assert badge.read_bytes().startswith(b"\x89PNG") and b"openbadgecredential" in (
        badge.read_bytes()
    )

    link = card.get_by_label(zh("Link to check it is genuine (share it with an employer):"))
    verify_url = link.input_value()
    assert verify_url == live_url + reverse(
        "certificates:verify", args=[certificate.verification_code]
    )

    # Anyone with the link sees that it is genuine.
    page.goto(verify_url)
    expect(page.get_by_role("heading", name=zh("Certificate check"))).to_be_visible()
    expect(page.get_by_text(zh("Valid"), exact=True)).to_be_visible()
    expect(page.get_by_text("李春燕", exact=True)).to_be_visible()
    expect(page.get_by_text(f"{zh('Serial number')}: {certificate.serial}")).to_be_visible()
    _fits_a_phone(page)
    # An employer given the badge picture checks it on the same page: genuine and valid.
    page.get_by_label(zh("Credential file")).set_input_files(badge)
    page.get_by_role("button", name=zh("Check the file")).click()
    expect(page.get_by_text(zh("Genuine and valid"), exact=True)).to_be_visible()
    expect(page.get_by_text(zh("The signature is right: nothing was changed."))).to_be_visible()
    _fits_a_phone(page)

    # Programme staff revoke it in the admin, with a reason.
    page.context.clear_cookies()
    log_in(page, live_url, "13800000003")
    page.goto(live_url + reverse("certificates_admin:index"))
    page.get_by_role("link", name=certificate.serial).click()
    page.get_by_label(zh("Reason for revoking (the holder reads it)")).fill(
        "面授培训的签到记录有误，核实后重新颁发。"
    )
    page.get_by_role("button", name=zh("Revoke the certificate")).click()
    # Not yet: the box is not ticked, the browser asks for it, and nothing has changed.
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    page.get_by_label(
        zh("Yes, revoke it: the check page will say it is no longer valid, and she is told.")
    ).check()
    page.get_by_role("button", name=zh("Revoke the certificate")).click()
    expect(page.get_by_text(zh("The certificate is revoked."))).to_be_visible()

    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revoked_by.phone == "+8613800000003"
    assert certificate.revoke_reason == "面授培训的签到记录有误，核实后重新颁发。"

    # The same link now says it is revoked, and since when.
    page.goto(verify_url)
    expect(page.get_by_text(zh("Revoked"), exact=True)).to_be_visible()
    revoked_on = timezone.localtime(certificate.revoked_at).date().isoformat()
    expect(
        page.get_by_text(
            zh(
                "This certificate was revoked on %(date)s and is no longer valid.",
                date=revoked_on,
            )
        )
    ).to_be_visible()
    expect(page.get_by_text("李春燕", exact=True)).to_be_visible()
    _fits_a_phone(page)
    # Her badge picture now says so too, wherever it is checked.
    page.get_by_label(zh("Credential file")).set_input_files(badge)
    page.get_by_role("button", name=zh("Check the file")).click()
    expect(page.get_by_text(zh("Not valid"), exact=True)).to_be_visible()
    expect(page.get_by_text(zh("Revoked: this certificate is no longer valid."))).to_be_visible()
