"""Issuance, approval, revocation, re-issue, expiry, reminders and trainer status."""

import datetime
import re
import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from certificates.models import (
    ApprovalRequest,
    Certificate,
    CertificateSettings,
    CertificateStatus,
    Issuance,
)
from certificates.services import (
    approval_decide,
    certificate_award_if_ready,
    certificate_expiry_reminders_send,
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
    certificates_expire,
    sign_off_create,
)
from certificates.tasks import certificate_award_task
from lms.mentoring.models import MentorProfile
from lms.mentoring.permissions import eligible_mentor_profiles, is_mentor
from lms.mentoring.services import mentor_assign
from lms.notifications.models import Notification
from tests.conftest import COMMITTED_DB, require
from tests.factories import (
    UserFactory,
    complete_course,
    make_ladder,
    meet_primary_except_sign_off,
    staff_user,
)

pytestmark = pytest.mark.django_db


def test_sign_off_issues_the_automatic_certificate(
    learner, ladder, mentor, province, django_capture_on_commit_callbacks
):
    meet_primary_except_sign_off(learner, ladder, mentor, province)
    assert not Certificate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        sign_off_create(learner=learner, level=ladder.primary, mentor=mentor, comment="她准备好了")
    certificate = Certificate.objects.get(learner=learner)
    assert certificate.level == ladder.primary
    assert re.fullmatch(rf"CA-{timezone.localdate():%Y}-\d{{6}}", certificate.serial)
    assert len(certificate.verification_code) >= 20
    assert certificate.expires_on is None and certificate.issued_by is None
    assert certificate.holder_name == "王小梅"
    assert certificate.sign_offs.count() == 1  # used up by this certificate
    assert Notification.objects.filter(recipient=learner, kind="certificate_issued").exists()


def test_issuing_twice_or_a_retried_task_makes_one_certificate(learner, ladder, mentor, province):
    meet_primary_except_sign_off(learner, ladder, mentor, province)
    sign_off_create(learner=learner, level=ladder.primary, mentor=mentor, comment="好")
    certificate_award_task.apply(args=[[learner.pk]])
    certificate_award_task.apply(args=[[learner.pk]])
    again, created = certificate_issue(learner=learner, level=ladder.primary)
    assert not created
    assert Certificate.objects.filter(learner=learner).count() == 1
    assert again.pk == Certificate.objects.get().pk


def test_the_database_refuses_two_valid_certificates(learner, ladder):
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            learner=learner,
            level=ladder.primary,
            serial="CA-X",
            holder_name="x",
            issued_on=timezone.localdate(),
        )


def test_approval_level_waits_in_the_queue_until_staff_approve(learner, ladder, province):
    certificate_issue(learner=learner, level=ladder.primary)
    complete_course(learner, ladder.intermediate_course)
    certificate_award_if_ready(learner=learner)
    certificate_award_if_ready(learner=learner)
    approval = ApprovalRequest.objects.get(learner=learner, level=ladder.intermediate)
    assert approval.status == "pending"
    assert not Certificate.objects.filter(level=ladder.intermediate).exists()

    other = staff_user(UserFactory().home_region or _other_region())
    with pytest.raises(Exception, match="your regions"):
        approval_decide(approval=approval, actor=other, approve=True)

    staff = staff_user(province)
    with pytest.raises(Exception, match="Say why"):
        approval_decide(approval=approval, actor=staff, approve=False, note="")
    certificate = approval_decide(approval=approval, actor=staff, approve=True)
    assert certificate.issued_by == staff
    approval.refresh_from_db()
    assert approval.status == "approved" and approval.decided_by == staff
    with pytest.raises(Exception, match="already been decided"):
        approval_decide(approval=approval, actor=staff, approve=True)


def _other_region():
    from tests.factories import make_region

    return make_region("安徽省")


def test_revoke_needs_a_reason_and_happens_once(learner, ladder, province):
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    staff = staff_user(province)
    with pytest.raises(Exception, match="reason"):
        certificate_revoke(certificate=certificate, actor=staff, reason="  ")
    certificate_revoke(certificate=certificate, actor=staff, reason="资料有误")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_by == staff and certificate.revoke_reason == "资料有误"
    with pytest.raises(Exception, match="already revoked"):
        certificate_revoke(certificate=certificate, actor=staff, reason="again")
    assert Notification.objects.filter(recipient=learner, kind="certificate_revoked").count() == 1


def test_staff_of_another_region_cannot_revoke(learner, ladder):
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    with pytest.raises(Exception, match="your regions"):
        certificate_revoke(certificate=certificate, actor=staff_user(_other_region()), reason="x")
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_reissue_revokes_the_old_and_links_the_new(learner, ladder, province):
    old, _ = certificate_issue(learner=learner, level=ladder.primary)
    staff = staff_user(province)
    new = certificate_reissue(certificate=old, actor=staff, reason="姓名更正")
    old.refresh_from_db()
    assert old.status == "revoked" and "姓名更正" in old.revoke_reason
    assert new.replaces == old and new.status == "valid" and new.serial != old.serial
    assert new.verification_code != old.verification_code
    with pytest.raises(Exception, match="already re-issued"):
        certificate_reissue(certificate=old, actor=staff, reason="again")


def test_validity_sets_the_expiry_and_expiry_asks_for_recertification(site_pages, learner):
    _home, index = site_pages
    ladder = make_ladder(index, validity_months=24)
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    issued = certificate.issued_on
    assert certificate.expires_on.year == issued.year + 2
    # Two years and a day later the nightly task marks it expired and tells her.
    later = certificate.expires_on + datetime.timedelta(days=1)
    assert certificates_expire(today=later) == 1
    assert certificates_expire(today=later) == 0
    certificate.refresh_from_db()
    assert certificate.status == "expired"
    assert Notification.objects.filter(recipient=learner, kind="certificate_expired").exists()
    from certificates.readiness import readiness_for

    readiness = readiness_for(learner, ladder.primary, today=later)
    assert readiness.needs_recertification and not readiness.is_held
    # Her old sign-off was used up: recertifying needs a fresh one.
    assert not next(c for c in readiness.checks if c.kind == "sign_off").met


def test_expiry_reminder_is_sent_once(site_pages, learner):
    _home, index = site_pages
    ladder = make_ladder(index, validity_months=12)
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    soon = certificate.expires_on - datetime.timedelta(days=10)
    too_early = certificate.expires_on - datetime.timedelta(days=200)
    assert certificate_expiry_reminders_send(today=too_early) == 0
    assert certificate_expiry_reminders_send(today=soon) == 1
    assert certificate_expiry_reminders_send(today=soon) == 0
    note = Notification.objects.get(recipient=learner, kind="certificate_expiring")
    assert certificate.expires_on.isoformat() in note.title


def test_trainer_certificate_makes_her_a_mentor_and_losing_it_tells_staff(
    ladder, province, role_groups
):
    CertificateSettings.objects.create(default_mentor_capacity=7)
    trainer = UserFactory(home_region=province, display_name="李老师")
    assert not is_mentor(trainer)
    certificate, _ = certificate_issue(learner=trainer, level=ladder.trainer)
    profile = MentorProfile.objects.get(user=trainer)
    assert profile.is_eligible and profile.capacity == 7
    assert eligible_mentor_profiles().filter(user=trainer).exists()

    mentee = UserFactory(home_region=province, display_name="小红")
    mentor_assign(learner=mentee, mentor=trainer)
    staff = staff_user(province, preferred_language="en")
    certificate_revoke(certificate=certificate, actor=staff, reason="离开项目")
    profile.refresh_from_db()
    assert not profile.is_eligible
    trainer = type(trainer).objects.get(pk=trainer.pk)
    assert not is_mentor(trainer)
    note = Notification.objects.get(recipient=staff, kind="mentor_lost_certificate")
    assert "1 mentee needs a new mentor" in note.title and "小红" in note.body


def test_approval_issuance_setting_is_respected(site_pages, learner, mentor, province):
    _home, index = site_pages
    ladder = make_ladder(index, primary_issuance=Issuance.APPROVAL)
    meet_primary_except_sign_off(learner, ladder, mentor, province)
    sign_off_create(learner=learner, level=ladder.primary, mentor=mentor, comment="好")
    certificate_award_if_ready(learner=learner)
    assert not Certificate.objects.exists()
    assert ApprovalRequest.objects.filter(learner=learner, status="pending").count() == 1


@COMMITTED_DB
def test_two_workers_issuing_at_once_make_one_certificate(site_pages, learner):
    require(connection.vendor == "postgresql", "row locks and concurrent writes need PostgreSQL")
    _home, index = site_pages
    ladder = make_ladder(index)
    barrier = threading.Barrier(2)
    outcomes = []

    def issue():
        from django.db import connections

        try:
            barrier.wait()
            outcomes.append(certificate_issue(learner=learner, level=ladder.primary)[1])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == [False, True]
    assert Certificate.objects.filter(learner=learner).count() == 1


def test_staff_of_her_region_hear_that_she_waits_for_approval(learner, ladder, province):
    staff = staff_user(province)
    outsider = staff_user(_other_region())
    certificate_issue(learner=learner, level=ladder.primary)
    complete_course(learner, ladder.intermediate_course)
    certificate_award_if_ready(learner=learner)
    note = Notification.objects.get(recipient=staff, kind="certificate_approval_waiting")
    assert "王小梅" in note.title
    assert not Notification.objects.filter(recipient=outsider).exists()
