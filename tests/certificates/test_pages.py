"""The pages, from the outside: the checklist on /learn/, locked courses, sign-off, my
certificates, the public verification page, the staff screens, and who may see what."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate, SignOff
from certificates.services import certificate_issue, certificate_revoke
from courses.models import Enrolment
from tests.factories import (
    UserFactory,
    make_mentor,
    make_region,
    meet_primary_except_sign_off,
    staff_user,
    zh,
)

pytestmark = pytest.mark.django_db


def test_learn_page_shows_the_next_level_as_a_checklist_with_links(learner_client, ladder):
    page = learner_client.get(reverse("learn:dashboard")).content.decode()
    assert "Your next certificate: 初级陪伴妈妈" in page
    assert "Pass the quiz “家访测验”" in page and "not tried yet — needs 80%" in page
    assert reverse("assessments:quiz", args=[ladder.quiz.pk]) in page
    assert reverse("assessments:task", args=[ladder.task.pk]) in page
    assert "Your mentor&#x27;s sign-off" in page or "Your mentor's sign-off" in page


def test_courses_of_a_locked_level_are_visible_but_locked(learner_client, ladder, learner):
    course = ladder.intermediate_course
    locked = zh("Locked: earn the “%(level)s” certificate first.", level="初级陪伴妈妈")
    page = learner_client.get(course.url).content.decode()
    assert locked in page
    assert reverse("learn:course_enrol", args=[course.pk]) not in page
    response = learner_client.post(reverse("learn:course_enrol", args=[course.pk]), follow=True)
    assert locked in response.content.decode()
    assert not Enrolment.objects.filter(learner=learner, course=course).exists()
    catalogue = learner_client.get(course.get_parent().url).content.decode()
    assert locked in catalogue

    certificate_issue(learner=learner, level=ladder.primary)
    page = learner_client.get(course.url).content.decode()
    assert locked not in page
    assert reverse("learn:course_enrol", args=[course.pk]) in page


def test_mentor_signs_off_from_her_phone(client, learner, ladder, mentor, province):
    meet_primary_except_sign_off(learner, ladder, mentor, province)
    client.force_login(mentor)
    url = reverse("certificates:sign_off", args=[learner.pk])
    page = client.get(url).content.decode()
    assert "Sign off 王小梅 for 初级陪伴妈妈" in page
    response = client.post(url, {"level": ladder.primary.pk, "comment": ""})
    assert "Write a comment" in response.content.decode()
    assert not SignOff.objects.exists()
    response = client.post(url, {"level": ladder.primary.pk, "comment": "她准备好了"}, follow=True)
    assert "You signed 王小梅 off" in response.content.decode()
    assert SignOff.objects.filter(learner=learner, mentor=mentor).count() == 1


def test_sign_off_is_offered_only_when_allowed_and_says_what_is_missing(
    client, learner, ladder, mentor
):
    client.force_login(mentor)
    mentee_page = client.get(reverse("mentoring:mentee", args=[learner.pk])).content.decode()
    url = reverse("certificates:sign_off", args=[learner.pk])
    assert url not in mentee_page  # no button she would be refused after typing
    assert "You can sign her off once every other requirement is met" in mentee_page
    # Typed in by hand: she is told at once, before any comment, and sent back.
    response = client.get(url, follow=True)
    assert "cannot be signed off" in response.content.decode()
    response = client.post(url, {"level": ladder.primary.pk, "comment": "好"})
    assert response.status_code == 302
    assert not SignOff.objects.exists()


def test_only_her_current_mentor_signs_off(client, learner, ladder, mentor, province):
    other_mentor = make_mentor(province)
    client.force_login(other_mentor)
    url = reverse("certificates:sign_off", args=[learner.pk])
    assert client.get(url).status_code == 404
    client.force_login(learner)
    assert client.get(url).status_code == 403


def test_my_certificates_download_and_share(learner_client, learner, ladder):
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    page = learner_client.get(reverse("certificates:mine")).content.decode()
    assert certificate.serial in page
    assert f"/certificates/verify/{certificate.verification_code}/" in page
    response = learner_client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert f'filename="{certificate.serial}.pdf"' in response["Content-Disposition"]


def test_someone_else_cannot_download_her_certificate(client, learner, ladder, province):
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    url = reverse("certificates:download", args=[certificate.pk])
    client.force_login(UserFactory(home_region=province))
    assert client.get(url).status_code == 404
    client.force_login(staff_user(make_region("安徽省")))
    assert client.get(url).status_code == 404
    client.force_login(staff_user(province))
    assert client.get(url).status_code == 200


def test_verification_page_says_valid_then_revoked_and_nothing_else(client, learner, ladder):
    learner.phone = "+8613800000001"
    learner.save()
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    url = reverse("certificates:verify", args=[certificate.verification_code])
    page = client.get(url).content.decode()
    assert "Valid" in page and "王小梅" in page and certificate.serial in page
    assert "13800000001" not in page and "贵州" not in page
    certificate_revoke(certificate=certificate, actor=staff_user(learner.home_region), reason="x")
    certificate.refresh_from_db()
    page = client.get(url).content.decode()
    assert "Revoked" in page
    assert f"revoked on {timezone.localtime(certificate.revoked_at):%Y-%m-%d}" in page


def test_verification_of_an_unknown_code_is_a_plain_not_found(client, db):
    response = client.get(reverse("certificates:verify", args=["no-such-code"]))
    assert response.status_code == 404
    assert "Not found." in response.content.decode()


def test_verification_is_rate_limited(client, settings, db):
    settings.CERTIFICATE_VERIFY_RATE = "3/m"
    url = reverse("certificates:verify", args=["guess"])
    statuses = [client.get(url).status_code for _ in range(5)]
    assert statuses == [404, 404, 404, 429, 429]
    assert "Too many checks" in client.get(url).content.decode()


def test_mentor_and_staff_see_her_readiness_but_another_learner_does_not(
    client, learner, ladder, mentor, province
):
    url = reverse("learn:learner_detail", args=[learner.pk])
    client.force_login(mentor)
    assert "Next certificate: 初级陪伴妈妈" in client.get(url).content.decode()
    client.force_login(staff_user(province))
    assert "Next certificate: 初级陪伴妈妈" in client.get(url).content.decode()
    client.force_login(UserFactory(home_region=province))
    assert client.get(url).status_code == 404


def test_staff_admin_revokes_and_reissues(client, learner, ladder, province):
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    staff = staff_user(province)
    client.force_login(staff)
    index = client.get(reverse("certificates_admin:index")).content.decode()
    assert certificate.serial in index
    url = reverse("certificates_admin:detail", args=[certificate.pk])
    response = client.post(url, {"action": "revoke", "revoke-reason": "", "revoke-confirm": "on"})
    assert zh("Give the reason.") in response.content.decode()
    # Not confirmed: nothing changes, and she is asked to confirm.
    response = client.post(url, {"action": "revoke", "revoke-reason": "弄错了"})
    assert zh("Tick the box to confirm the revocation.") in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    client.post(url, {"action": "revoke", "revoke-reason": "弄错了", "revoke-confirm": "on"})
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    # Its public page says it is revoked, and nothing about how long it is valid.
    public = client.get(reverse("certificates:verify", args=[certificate.verification_code]))
    assert zh("Revoked") in public.content.decode()
    assert zh("Valid until") not in public.content.decode()
    response = client.post(
        url, {"action": "revoke", "revoke-reason": "again", "revoke-confirm": "on"}
    )
    assert response.status_code == 200  # the form is gone; nothing changes
    response = client.post(url, {"action": "reissue", "reissue-reason": "撤销有误"})
    new = Certificate.objects.get(replaces=certificate)
    assert response.status_code == 302 and new.status == "valid"


def test_staff_of_another_region_and_learners_cannot_reach_the_certificate_admin(
    client, learner, ladder
):
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    url = reverse("certificates_admin:detail", args=[certificate.pk])
    client.force_login(staff_user(make_region("安徽省")))
    assert client.get(url).status_code == 404
    assert (
        certificate.serial not in client.get(reverse("certificates_admin:index")).content.decode()
    )
    client.force_login(learner)
    assert client.get(url).status_code == 403  # a plain refusal, not the login page again


def test_certificate_admin_list_costs_the_same_for_2_and_20(client, ladder, province):
    staff = staff_user(province)
    client.force_login(staff)
    url = reverse("certificates_admin:index")
    counts = []
    for n in (2, 20):
        for _ in range(n - Certificate.objects.count()):
            certificate_issue(learner=UserFactory(home_region=province), level=ladder.primary)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_learn_page_costs_the_same_with_more_history(
    learner_client, learner, ladder, mentor, province
):
    url = reverse("learn:dashboard")
    learner_client.get(url)
    with CaptureQueriesContext(connection) as before:
        learner_client.get(url)
    meet_primary_except_sign_off(learner, ladder, mentor, province)
    learner_client.get(url)
    with CaptureQueriesContext(connection) as after:
        learner_client.get(url)
    assert len(after) <= len(before) + 2  # a sign-off line and a mentor card detail at most
