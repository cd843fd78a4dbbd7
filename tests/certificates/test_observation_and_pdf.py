"""Trainer practicum (observed co-facilitation) from the outside, and the certificate PDF
keeping the design it was issued with."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from certificates.models import CertificateSettings, FacilitationObservation
from certificates.services import certificate_issue, certificate_render_pdf
from tests.conftest import require
from tests.factories import UserFactory, held_session, make_mentor, make_region, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def practicum(ladder, province, role_groups):
    trainer = make_mentor(province, display_name="培训师甲")
    candidate = UserFactory(home_region=province, display_name="候选人乙")
    session = held_session(province, level="trainer", title="培训师带课")
    session.facilitators.add(trainer)
    session.co_facilitators.add(candidate)
    return session, trainer, candidate


def _form(rubric, label_index, comment="带得很好"):
    data = {"comment": comment}
    for criterion in rubric.criteria.all():
        data[f"criterion_{criterion.pk}"] = criterion.level_options()[label_index][0]
    return data


def test_the_facilitator_rates_the_candidate_on_the_rubric(client, practicum, ladder):
    session, trainer, candidate = practicum
    client.force_login(trainer)
    listing = client.get(reverse("certificates:observations")).content.decode()
    assert "候选人乙" in listing
    url = reverse("certificates:observe", args=[session.pk, candidate.pk])
    page = client.get(url).content.decode()
    assert "目标清楚" in page and "4 points are needed to pass" in page

    response = client.post(url, {"comment": "好"})
    assert "Choose a level for this criterion." in response.content.decode()
    assert not FacilitationObservation.objects.exists()

    client.post(url, _form(ladder.rubric, -1))
    client.post(url, _form(ladder.rubric, 0))  # a second send changes nothing
    observation = FacilitationObservation.objects.get()
    assert observation.passed and observation.points == 6 and observation.observer == trainer
    assert [s["label"] for s in observation.scores] == ["很好", "很好"]


def test_a_low_rating_does_not_count(client, practicum, ladder):
    session, trainer, candidate = practicum
    client.force_login(trainer)
    client.post(
        reverse("certificates:observe", args=[session.pk, candidate.pk]),
        _form(ladder.rubric, 0),
    )
    observation = FacilitationObservation.objects.get()
    assert not observation.passed and observation.points == 0


def test_only_its_facilitators_and_staff_of_the_region_rate(client, practicum, province, ladder):
    session, _trainer, candidate = practicum
    url = reverse("certificates:observe", args=[session.pk, candidate.pk])
    for outsider in (
        make_mentor(province, display_name="别的培训师"),
        candidate,
        staff_user(make_region("安徽省")),
    ):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
        assert client.post(url, _form(ladder.rubric, -1)).status_code == 403
    assert not FacilitationObservation.objects.exists()
    client.force_login(staff_user(province))
    client.post(url, _form(ladder.rubric, -1))
    assert FacilitationObservation.objects.count() == 1


def test_someone_who_did_not_co_facilitate_cannot_be_rated(client, practicum, province):
    session, trainer, _candidate = practicum
    client.force_login(trainer)
    other = UserFactory(home_region=province)
    url = reverse("certificates:observe", args=[session.pk, other.pk])
    assert client.get(url).status_code == 404


def _pdf_text(path):
    require(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout


def test_an_issued_certificate_keeps_its_design(learner, ladder):
    design = CertificateSettings.load()
    design.signatory_name = "刘建国"
    design.signatory_title = "项目主任"
    design.save()
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    certificate_render_pdf(certificate=certificate)
    first = _pdf_text(certificate.pdf.path)
    assert "王小梅" in first and "刘建国" in first and certificate.serial in first

    design.signatory_name = "新主任"
    design.save()
    ladder.primary.name = "改过的名字"
    ladder.primary.save()
    certificate_render_pdf(certificate=certificate, force=True)
    again = _pdf_text(certificate.pdf.path)
    assert "刘建国" in again and "新主任" not in again
    assert "初级陪伴妈妈" in again and "改过的名字" not in again


def test_the_issued_pdf_qr_code_opens_its_verification_page(client, learner, ladder, tmp_path):
    import zxingcpp
    from PIL import Image

    from certificates.services import verification_url

    require(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils) is not installed")
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    certificate_render_pdf(certificate=certificate)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", certificate.pdf.path, tmp_path / "page"],
        check=True,
    )
    [code] = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert code.text == verification_url(certificate)
    path = code.text.removeprefix("http://testserver")
    page = client.get(path).content.decode()
    assert certificate.serial in page and "王小梅" in page
