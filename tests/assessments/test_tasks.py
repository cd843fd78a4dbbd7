"""Practical tasks: drafts with photos, handing in, the mentor's grading against the rubric,
revision and resubmission, notifications, and who may see or grade what."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image

from assessments.models import Review, Submission, SubmissionPhoto, SubmissionVersion
from assessments.services import submission_draft_save, submission_grade, submission_submit
from lms.mentoring.services import mentor_assign
from lms.notifications.models import Notification
from tests.factories import (
    UserFactory,
    jpeg_bytes,
    levels_for,
    make_mentor,
    make_region,
    make_task,
    staff_user,
)

pytestmark = pytest.mark.django_db


def _photo(name="活动.jpg", **kwargs):
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


@pytest.fixture
def mentor(learner, province):
    mentor = make_mentor(province, display_name="张丽华")
    mentor_assign(learner=learner, mentor=mentor)
    return mentor


@pytest.fixture
def task(db):
    return make_task(max_photos=2)


def _hand_in(learner, task, text="我的活动方案", photos=()):
    submission_draft_save(learner=learner, task=task, text=text, photos=list(photos))
    return submission_submit(learner=learner, task=task)[0]


def _grade(mentor, submission, label, decision, feedback="写得好"):
    version = submission.versions.filter(submitted_at__isnull=False).order_by("-number").first()
    return submission_grade(
        reviewer=mentor,
        submission_id=submission.pk,
        version_id=version.pk,
        levels=levels_for(submission.task.rubric, label),
        feedback=feedback,
        decision=decision,
    )


def test_a_draft_keeps_her_text_and_good_photos_when_one_file_is_bad(learner, task):
    fake = SimpleUploadedFile("photo.jpg", b"not a photo at all", content_type="image/jpeg")
    draft, problems = submission_draft_save(
        learner=learner, task=task, text="  草稿  ", photos=[_photo(), fake]
    )
    assert problems == [
        "photo.jpg: This file is not a photo we can read. Please choose a JPEG or PNG photo."
    ]
    assert draft.text == "草稿" and draft.photos.count() == 1
    assert Submission.objects.get().status == "draft"


def test_stored_photos_are_re_encoded_small_and_without_location(learner, task):
    buffer = io.BytesIO()
    image = Image.new("RGB", (3000, 2000), "green")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (26.0, 30.0, 0.0)
    image.save(buffer, "JPEG", exif=exif)
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif().get_ifd(0x8825)
    upload = SimpleUploadedFile("IMG_20261101_村口.jpg", buffer.getvalue())
    draft, problems = submission_draft_save(learner=learner, task=task, text="", photos=[upload])
    assert problems == []
    photo = draft.photos.get()
    with Image.open(photo.image.path) as stored:
        assert max(stored.size) == 1600 and not stored.getexif()
    with Image.open(photo.thumbnail.path) as small:
        assert max(small.size) <= 480
    assert "村口" not in photo.image.name and photo.image.name.endswith(".jpg")


def test_more_photos_than_allowed_are_left_out_with_a_message(learner, task):
    _draft, problems = submission_draft_save(
        learner=learner, task=task, text="x", photos=[_photo(), _photo(), _photo()]
    )
    assert problems == ["You can hand in at most 2 photos; the extra ones were not added."]
    assert SubmissionPhoto.objects.count() == 2


def test_handing_in_needs_what_the_task_asks_for(learner):
    task = make_task(min_photos=1, max_photos=3)
    submission_draft_save(learner=learner, task=task, text="")
    with pytest.raises(ValidationError) as exc:
        submission_submit(learner=learner, task=task)
    assert exc.value.messages == [
        "Write your answer before handing in.",
        "Add at least 1 photo before handing in.",
        "Write your answer or add photos first.",
    ]
    assert Submission.objects.get().status == "draft"


def test_handing_in_twice_is_once_and_tells_her_mentor_once(learner, mentor, task):
    submission = _hand_in(learner, task)
    again, handed_in_now = submission_submit(learner=learner, task=task)
    assert handed_in_now is False and again.pk == submission.pk
    assert SubmissionVersion.objects.filter(submitted_at__isnull=False).count() == 1
    note = Notification.objects.get(recipient=mentor, kind="submission_waiting")
    with translation.override("zh-hans"):  # in her language, with her language's URL
        assert note.title == "王小梅 提交了“设计一次活动”"
        assert note.url == reverse("grading:grade", args=[submission.pk])


def test_work_waiting_for_grading_cannot_be_changed(learner, mentor, task):
    _hand_in(learner, task)
    with pytest.raises(ValidationError, match="waiting for your mentor"):
        submission_draft_save(learner=learner, task=task, text="改一下")
    assert SubmissionVersion.objects.get().text == "我的活动方案"


def test_the_review_cycle_keeps_every_version_and_review(learner, mentor, task):
    submission = _hand_in(learner, task, photos=[_photo()])
    review, created = _grade(mentor, submission, "需要改进", "needs_revision", "请写清楚目标")
    submission.refresh_from_db()
    assert created and submission.status == "needs_revision" and review.total_points == 0
    told = Notification.objects.get(recipient=learner, kind="submission_graded")
    assert "needs revision" in told.title or "需要修改" in told.title
    assert told.body == "请写清楚目标"

    # Her revision starts from what she handed in, photos included.
    draft, _ = submission_draft_save(learner=learner, task=task, text="目标：让孩子学会洗手")
    assert draft.number == 2 and draft.photos.count() == 1
    submission_submit(learner=learner, task=task)
    submission.refresh_from_db()
    assert submission.status == "submitted"
    review2, _ = _grade(mentor, submission, "很好", "pass")
    submission.refresh_from_db()
    assert submission.status == "passed" and review2.total_points == 6
    versions = list(submission.versions.order_by("number"))
    assert [v.text for v in versions] == ["我的活动方案", "目标：让孩子学会洗手"]
    assert [v.review.decision for v in versions] == ["needs_revision", "pass"]
    assert all(v.review.reviewer == mentor and v.review.created_at for v in versions)
    assert list(versions[1].review.scores.values_list("level_label", flat=True)) == ["很好", "很好"]
    with pytest.raises(ValidationError, match="already passed"):
        submission_draft_save(learner=learner, task=task, text="再改")


def test_pass_below_the_rubric_threshold_is_refused(learner, mentor, task):
    submission = _hand_in(learner, task)
    with pytest.raises(ValidationError, match="below the 4 needed"):
        _grade(mentor, submission, "需要改进", "pass")
    assert not Review.objects.exists()


def test_every_criterion_needs_a_level_and_revision_needs_feedback(learner, mentor, task):
    submission = _hand_in(learner, task)
    version = submission.versions.get()
    levels = levels_for(task.rubric, "基本达到")
    first = next(iter(levels))
    with pytest.raises(ValidationError, match="Choose a level"):
        submission_grade(
            reviewer=mentor,
            submission_id=submission.pk,
            version_id=version.pk,
            levels={first: levels[first]},
            feedback="",
            decision="pass",
        )
    with pytest.raises(ValidationError, match="feedback is needed"):
        _grade(mentor, submission, "基本达到", "needs_revision", feedback=" ")
    forged = {**levels, first: "a-level-of-another-criterion"}
    with pytest.raises(ValidationError):
        submission_grade(
            reviewer=mentor,
            submission_id=submission.pk,
            version_id=version.pk,
            levels=forged,
            feedback="好",
            decision="pass",
        )
    assert not Review.objects.exists()


def test_grading_twice_makes_one_review(learner, mentor, task):
    submission = _hand_in(learner, task)
    first, created = _grade(mentor, submission, "很好", "pass")
    second, created_again = _grade(mentor, submission, "很好", "pass")
    assert (created, created_again, second.pk) == (True, False, first.pk)
    assert Notification.objects.filter(recipient=learner, kind="submission_graded").count() == 1


def test_only_her_current_mentor_grades(learner, mentor, task, province):
    submission = _hand_in(learner, task)
    other_mentor = make_mentor(province)
    with pytest.raises(PermissionDenied):
        _grade(other_mentor, submission, "很好", "pass")
    staff = staff_user(province)
    with pytest.raises(PermissionDenied):
        _grade(staff, submission, "很好", "pass")
    assert Submission.objects.get().status == "submitted"


# --- Pages ---------------------------------------------------------------------------------


def test_she_saves_a_draft_and_hands_in_from_the_task_page(learner_client, mentor, task):
    url = reverse("assessments:task", args=[task.pk])
    html = learner_client.get(url).content.decode()
    assert task.title in html and "Hand in for grading" in html
    response = learner_client.post(url, {"text": "草稿一", "photos": [_photo()], "save": "1"})
    assert response.status_code == 302
    page = learner_client.get(url).content.decode()
    assert "草稿一" in page and "Draft saved" in page
    response = learner_client.post(url, {"text": "定稿", "submit": "1"}, follow=True)
    html = response.content.decode()
    assert "Handed in" in html and "waiting for your mentor" in html
    assert Submission.objects.get().status == "submitted"


def test_a_fake_image_on_the_page_gets_a_message_and_keeps_her_text(learner_client, task):
    url = reverse("assessments:task", args=[task.pk])
    fake = SimpleUploadedFile("photo.png", b"%PDF-1.4 fake", content_type="image/png")
    response = learner_client.post(
        url, {"text": "我的文字", "photos": [fake], "submit": "1"}, follow=True
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "not a photo we can read" in html and "The rest of your draft is saved" in html
    assert "我的文字" in html
    assert Submission.objects.get().status == "draft"  # not handed in with a problem open


def test_photos_are_seen_by_her_her_mentor_and_regional_staff_only(
    client, learner, mentor, task, province
):
    _hand_in(learner, task, photos=[_photo()])
    photo = SubmissionPhoto.objects.get()
    url = reverse("assessments:photo", args=[photo.pk, "small"])
    for person, status in [
        (learner, 200),
        (mentor, 200),
        (staff_user(province), 200),
        (UserFactory(), 404),
        (make_mentor(province), 404),
        (staff_user(make_region("安徽省")), 404),
    ]:
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == status, person
        if status == 200:
            assert response["Content-Type"] == "image/jpeg"
            assert "private" in response["Cache-Control"]


def test_a_draft_photo_is_hers_alone(client, learner, mentor, task):
    submission_draft_save(learner=learner, task=task, text="", photos=[_photo()])
    url = reverse("assessments:photo", args=[SubmissionPhoto.objects.get().pk, "full"])
    client.force_login(mentor)
    assert client.get(url).status_code == 404
    client.force_login(learner)
    assert client.get(url).status_code == 200


def test_the_grading_queue_lists_her_mentees_work_oldest_first(client, mentor, task, province):
    learners = [UserFactory(display_name=f"学员甲{i}", home_region=province) for i in range(3)]
    for person in learners:
        mentor_assign(learner=person, mentor=mentor)
        _hand_in(person, task)
    stranger = UserFactory(display_name="别人的学员")
    _hand_in(stranger, task)
    client.force_login(mentor)
    html = client.get(reverse("grading:queue")).content.decode()
    positions = [html.index(f"学员甲{i}") for i in range(3)]
    assert positions == sorted(positions)
    assert "别人的学员" not in html and "Waiting for" in html
    home = client.get(reverse("engagement:caseload")).content.decode()
    assert "3 pieces of work are waiting for your grade" in home


def test_the_grading_queue_costs_the_same_queries_for_2_or_20(client, mentor, task, province):
    mentor.mentor_profile.capacity = 30
    mentor.mentor_profile.save()

    def queue_queries(count):
        for _i in range(count):
            person = UserFactory(home_region=province)
            mentor_assign(learner=person, mentor=mentor)
            _hand_in(person, task)
        client.force_login(mentor)
        client.get(reverse("grading:queue"))  # warm the per-process caches (site, locales)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("grading:queue")).status_code == 200
        return len(queries)

    small = queue_queries(2)
    assert queue_queries(18) == small


def test_the_mentor_grades_on_her_phone_page(client, learner, mentor, task):
    submission = _hand_in(learner, task)
    client.force_login(mentor)
    url = reverse("grading:grade", args=[submission.pk])
    html = client.get(url).content.decode()
    assert "我的活动方案" in html and "目标清楚" in html and "Save grade" in html
    version = submission.versions.get()
    levels = levels_for(task.rubric, "很好")
    data = {f"criterion_{pk}": level for pk, level in levels.items()}
    # Passing below the threshold: a message, her choices kept, nothing saved.
    low = {f"criterion_{pk}": lvl for pk, lvl in levels_for(task.rubric, "需要改进").items()}
    response = client.post(url, {**low, "version": version.pk, "decision": "pass", "feedback": ""})
    assert response.status_code == 200
    assert "below the 4 needed" in response.content.decode() and not Review.objects.exists()
    response = client.post(
        url, {**data, "version": version.pk, "decision": "pass", "feedback": "很好"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "passed"


def test_a_mentor_who_is_not_hers_gets_404_on_the_grading_page(client, learner, mentor, task):
    submission = _hand_in(learner, task)
    other = make_mentor()
    client.force_login(other)
    url = reverse("grading:grade", args=[submission.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "pass"}).status_code == 404
    client.force_login(learner)  # a learner is not a mentor at all
    assert client.get(url).status_code == 403


def test_the_task_page_shows_the_rubric_she_will_be_graded_on(learner_client, task):
    html = learner_client.get(reverse("assessments:task", args=[task.pk])).content.decode()
    assert "How your work will be graded" in html
    for criterion in task.rubric.criteria.all():
        assert criterion.title in html
        for _id, label, _points, _description in criterion.level_options():
            assert label in html
    assert f"{task.rubric.pass_points} points pass" in html


def test_an_empty_hand_in_says_what_is_missing_once(learner_client, task):
    url = reverse("assessments:task", args=[task.pk])
    html = learner_client.post(url, {"text": "", "submit": "1"}, follow=True).content.decode()
    said = re.findall(r'<li class="error">([^<]+)</li>', html) + re.findall(
        r'<ul class="errorlist"[^>]*><li>([^<]+)</li>', html
    )
    assert said, "no message"
    assert len(said) == len(set(said)), said  # each problem once
