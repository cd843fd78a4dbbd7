"""Rules found in review: what brings a certificate back, what a mentor keeps when her
trainer certificate goes, and bad input that must not be a 500."""

import datetime

import pytest
from django.urls import reverse

from certificates.models import (
    ApprovalRequest,
    Certificate,
    CertificationLevel,
    Issuance,
    SignOff,
)
from certificates.readiness import readiness_bulk, readiness_for
from certificates.services import (
    approval_decide,
    certificate_award_if_ready,
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
    certificates_expire,
    sign_off_create,
)
from courses.levels import Level
from lms.mentoring.models import MentorAssignment
from lms.mentoring.services import mentor_assign
from lms.notifications.models import Notification
from lms.programme.models import Attendance
from lms.programme.services import attendance_mark, session_book, session_booking_cancel
from tests.factories import (
    UserFactory,
    complete_course,
    log_contact,
    make_level,
    make_session,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts_level(site_pages):
    """An automatic level with one requirement and no sign-off, valid for a year."""
    return make_level(
        Level.PRIMARY, 1, name="初级", validity_months=12, requirements=[("contacts", {})]
    )


def test_a_revoked_certificate_is_not_issued_again_by_more_progress(
    learner, mentor, contacts_level, province
):
    log_contact(mentor, learner)
    [certificate] = certificate_award_if_ready(learner=learner)
    certificate_revoke(certificate=certificate, actor=staff_user(province), reason="弄虚作假")
    log_contact(mentor, learner)
    assert certificate_award_if_ready(learner=learner) == []
    assert list(Certificate.objects.values_list("status", flat=True)) == ["revoked"]
    readiness = readiness_for(learner, contacts_level)
    assert readiness.revoked == certificate and not readiness.is_held


def test_recertifying_asks_for_a_fresh_sign_off_even_where_the_level_has_none(
    learner, mentor, contacts_level
):
    log_contact(mentor, learner)
    [certificate] = certificate_award_if_ready(learner=learner)
    later = certificate.expires_on + datetime.timedelta(days=1)
    certificates_expire(today=later)
    readiness = readiness_for(learner, contacts_level, today=later)
    assert readiness.needs_recertification and not readiness.is_ready
    assert [c.kind for c in readiness.missing] == ["sign_off"]
    assert readiness_bulk([learner.pk], contacts_level, today=later)[learner.pk].key() == (
        readiness.key()
    )
    sign_off_create(learner=learner, level=contacts_level, mentor=mentor, comment="还在做")
    assert readiness_for(learner, contacts_level).is_ready


def test_a_declined_request_is_not_reopened_until_her_mentor_signs_again(
    learner, mentor, site_pages, province
):
    level = make_level(
        Level.PRIMARY,
        1,
        issuance=Issuance.APPROVAL,
        requirements=[("contacts", {}), ("sign_off", {})],
    )
    log_contact(mentor, learner)
    sign_off_create(learner=learner, level=level, mentor=mentor, comment="好")
    certificate_award_if_ready(learner=learner)
    approval = ApprovalRequest.objects.get()
    approval_decide(approval=approval, actor=staff_user(province), approve=False, note="再练练")
    log_contact(mentor, learner)
    certificate_award_if_ready(learner=learner)
    assert list(ApprovalRequest.objects.values_list("status", flat=True)) == ["declined"]
    assert readiness_for(learner, level).declined
    sign_off_create(learner=learner, level=level, mentor=mentor, comment="练好了")
    certificate_award_if_ready(learner=learner)
    assert ApprovalRequest.objects.filter(status="pending").count() == 1
    assert SignOff.objects.count() == 2


def test_losing_the_trainer_certificate_ends_her_mentoring(ladder, province, role_groups):
    trainer = UserFactory(home_region=province, display_name="李老师")
    certificate, _ = certificate_issue(learner=trainer, level=ladder.trainer)
    mentee = UserFactory(home_region=province)
    mentor_assign(learner=mentee, mentor=trainer)
    certificate_revoke(certificate=certificate, actor=staff_user(province), reason="离开")
    assignment = MentorAssignment.objects.get(learner=mentee)
    assert assignment.ended_at is not None and "李老师" in assignment.end_reason


def test_reissuing_a_trainer_certificate_keeps_her_mentoring_without_alarms(
    ladder, province, role_groups
):
    staff = staff_user(province)
    trainer = UserFactory(home_region=province)
    certificate, _ = certificate_issue(learner=trainer, level=ladder.trainer)
    mentee = UserFactory(home_region=province)
    mentor_assign(learner=mentee, mentor=trainer)
    new = certificate_reissue(certificate=certificate, actor=staff, reason="姓名更正")
    assert new.status == "valid"
    assert MentorAssignment.objects.get(learner=mentee).ended_at is None
    assert not Notification.objects.filter(kind="mentor_lost_certificate").exists()
    assert not Notification.objects.filter(kind="certificate_revoked").exists()


def test_an_expired_certificate_is_not_reissued(learner, contacts_level, province):
    certificate, _ = certificate_issue(learner=learner, level=contacts_level)
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_on=datetime.date(2020, 1, 1), expires_on=datetime.date(2021, 1, 1)
    )
    certificate.refresh_from_db()
    with pytest.raises(Exception, match="recertifying"):
        certificate_reissue(certificate=certificate, actor=staff_user(province), reason="x")
    assert Certificate.objects.count() == 1


def test_cancelling_after_attendance_was_marked_removes_it(learner, province, site_pages):
    import time_machine
    from django.utils import timezone

    # A session later today: attendance is open from the morning, cancelling until the start.
    # At ten in the morning, so that "later today" is still today whenever the suite runs.
    morning = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time(10))
    )
    with time_machine.travel(morning, tick=True):
        session = make_session(province, starts_in=datetime.timedelta(days=0))
        session.starts_at = timezone.now() + datetime.timedelta(minutes=30)
        session.ends_at = session.starts_at + datetime.timedelta(hours=2)
        session.save()
        staff = staff_user(province)
        booking = session_book(session=session, learner=learner)
        attendance_mark(session=session, actor=staff, present_learner_ids=[learner.pk])
        assert Attendance.objects.filter(learner=learner, present=True).exists()
        session_booking_cancel(booking=booking, actor=learner)
        assert not Attendance.objects.filter(learner=learner).exists()


def test_holder_cannot_download_a_revoked_certificate_but_staff_can(
    client, learner, ladder, province
):
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    staff = staff_user(province)
    certificate_revoke(certificate=certificate, actor=staff, reason="x")
    url = reverse("certificates:download", args=[certificate.pk])
    client.force_login(learner)
    assert client.get(url).status_code == 404
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_a_pdf_that_cannot_be_made_is_a_message_not_a_500(client, learner, ladder, monkeypatch):
    from certificates import fonts

    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)  # a machine without the font
    client.force_login(learner)
    response = client.get(reverse("certificates:download", args=[certificate.pk]), follow=True)
    assert response.status_code == 200
    assert "being prepared" in response.content.decode()


def test_a_level_with_certificates_cannot_be_deleted(client, learner, ladder):
    certificate_issue(learner=learner, level=ladder.primary)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse(
        "wagtailsnippets_certificates_certificationlevel:delete", args=[ladder.primary.pk]
    )
    # Wagtail's refusal, in the admin's Chinese (cms/wagtail_locale).
    assert "被引用，因此无法删除" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert CertificationLevel.objects.filter(pk=ladder.primary.pk).exists()


def test_a_level_without_order_but_with_a_prerequisite_is_a_form_error(ladder):
    level = CertificationLevel(slug=Level.ADVANCED, name="高级", prerequisite=ladder.primary)
    with pytest.raises(Exception) as error:
        level.full_clean()
    assert "order" in str(error.value)


def test_the_prerequisite_counts_even_when_editors_did_not_list_it(site_pages, learner):
    primary = make_level(Level.PRIMARY, 1, requirements=[("contacts", {})])
    intermediate = make_level(
        Level.INTERMEDIATE, 2, prerequisite=primary, requirements=[("contacts", {})]
    )
    kinds = [c.kind for c in readiness_for(learner, intermediate).checks]
    assert kinds == ["prerequisite", "contacts"]


def test_complete_course_still_works_for_the_ladder(learner, ladder):
    complete_course(learner, ladder.course)
    assert readiness_for(learner, ladder.primary).checks[0].met
