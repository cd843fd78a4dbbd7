"""Staff and mentor decisions are in Wagtail's History with who made them."""

import pytest
from wagtail.models import ModelLogEntry

from certificates.services import certificate_reissue, certificate_revoke, sign_off_create
from lms.mentoring.services import mentor_assign
from tests.factories import UserFactory, make_mentor, staff_user
from tests.factories.certificates import meet_primary_except_sign_off

pytestmark = pytest.mark.django_db


def actions():
    return list(ModelLogEntry.objects.order_by("pk").values_list("action", "user_id"))


def test_each_decision_is_logged_with_who_made_it(
    client, ladder, regions, django_capture_on_commit_callbacks
):
    staff = staff_user(regions["province"])
    mentor = make_mentor(regions["v1"])
    learner = UserFactory(home_region=regions["v1"], display_name="李春燕")
    with django_capture_on_commit_callbacks(execute=True):
        mentor_assign(learner=learner, mentor=mentor, actor=staff)
        meet_primary_except_sign_off(learner, ladder, mentor, regions["v1"])
    with django_capture_on_commit_callbacks(execute=True):
        sign_off_create(learner=learner, level=ladder.primary, mentor=mentor, comment="好")
    certificate = learner.certificates.get()
    replacement = certificate_reissue(certificate=certificate, actor=staff, reason="名字写错了")
    certificate_revoke(certificate=replacement, actor=staff, reason="重复")
    logged = actions()
    assert ("companion.assign", staff.pk) in logged
    assert ("companion.grade", mentor.pk) in logged  # her practical task
    assert ("companion.sign_off", mentor.pk) in logged
    assert ("companion.issue", None) in logged  # automatic, after the sign-off
    assert ("companion.revoke", staff.pk) in logged
    assert ("companion.reissue", staff.pk) in logged
    # The platform team reads them in the site history, in words.
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = client.get("/admin/reports/site-history/").content.decode()
    assert "李春燕" in page or "CA-" in page
