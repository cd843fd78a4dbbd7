"""Every URL pattern × every role, with real object ids: the status each person gets.

The people: nobody logged in; 王小梅 (a learner, whose records the URLs name); another
learner; her mentor; a mentor who is not hers; programme staff of her province and of another;
a content editor. A URL pattern added without a rule here fails this test, so every new page
states who may open it. Pages that change something are asked with GET: their refusal of GET
is the rule."""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from lms.accounts import roles
from lms.mentoring.services import mentor_assign
from lms.notifications.services import notify
from tests.factories import (
    UserFactory,
    jpeg_bytes,
    lessons_of,
    log_contact,
    make_mentor,
    staff_user,
)
from tests.factories.programme import make_session

pytestmark = pytest.mark.django_db

ROLES = (
    "anon",
    "learner",
    "other_learner",
    "mentor",
    "other_mentor",
    "staff",
    "other_staff",
    "editor",
)
PEOPLE = ROLES[1:]
REFUSED = {403, 404}
LOGIN = 302  # sent to the log-in page
SERVED = {200}
NOT_BROKEN = "not broken"  # any answer but a server error (pages about one's own account)
POST_ONLY = 405


def rule(default, **by_role):
    """The status for each role: `default`, except those named."""
    return {role: by_role.get(role, default) for role in ROLES}


def logged_in(default, **by_role):
    return rule(default, anon=LOGIN, **by_role)


EVERYONE = rule(SERVED)
ANY_PERSON = logged_in(SERVED)
ONLY_POST = rule(POST_ONLY)
OWN_ACCOUNT = rule(NOT_BROKEN)
MENTORS = logged_in(REFUSED, mentor=SERVED, other_mentor=SERVED)
HER_MENTOR = logged_in(REFUSED, mentor=SERVED)

RULES = {
    "healthz": EVERYONE,
    "set_language": rule(NOT_BROKEN),
    "wagtail_serve": EVERYONE,
    "wagtaildocs_serve": rule(404),  # no such document
    "wagtaildocs_authenticate_with_password": rule(404),
    "wagtailcore_authenticate_with_password": rule(404),
    "wagtailcore_login": rule(NOT_BROKEN),
    # Her own account's pages (allauth): whoever asks sees her own, or is sent to log in.
    **dict.fromkeys(
        (
            "account_login",
            "account_logout",
            "account_inactive",
            "account_signup",
            "account_reauthenticate",
            "account_email",
            "account_email_verification_sent",
            "account_change_password",
            "account_set_password",
            "account_reset_password",
            "account_confirm_login_code",
            "account_confirm_email",
            "account_verify_phone",
            "account_change_phone",
            "account_confirm_password_reset_code",
            "account_complete_password_reset",
            "account_password_reset_completed",
            "account_request_login_code",
        ),
        OWN_ACCOUNT,
    ),
    # Training: the sessions of her region; attendance for its facilitator and staff.
    "programme:sessions": ANY_PERSON,
    # What a session is, where and who leads it is no secret (programme/permissions.py).
    "programme:session": ANY_PERSON,
    "programme:book": ONLY_POST,
    "programme:cancel": ONLY_POST,
    "programme:attendance": logged_in(REFUSED, mentor=SERVED, staff=SERVED),
    # Learning.
    "learn:dashboard": ANY_PERSON,
    "learn:learner_detail": logged_in(REFUSED, learner=SERVED, mentor=SERVED, staff=SERVED),
    "learn:lesson_complete": ONLY_POST,
    "learn:course_enrol": ONLY_POST,
    "assessments:quiz": ANY_PERSON,
    "assessments:quiz_start": ONLY_POST,
    "assessments:attempt": logged_in(REFUSED, learner=SERVED),
    # Her attempt still open: its result page sends her back to it.
    "assessments:result": logged_in(REFUSED, learner={200, 302}),
    "assessments:task": ANY_PERSON,
    # Offline use: the app's files are the same for everyone; the page she answers a quiz on
    # offline holds no answer key; the list of a course's pages (the URL names a lesson here,
    # not a course) answers JSON, 401 to nobody logged in.
    "service_worker": EVERYONE,
    "web_manifest": EVERYONE,
    "learn:offline": EVERYONE,
    "learn:sync": ONLY_POST,
    "learn:course_offline": rule(404, anon=401),
    "assessments:quiz_offline": ANY_PERSON,
    "assessments:photo": logged_in(REFUSED, learner=SERVED, mentor=SERVED, staff=SERVED),
    # Mentoring.
    "grading:queue": MENTORS,
    "grading:grade": HER_MENTOR,
    "engagement:caseload": MENTORS,
    "mentoring:mentee": HER_MENTOR,
    "mentoring:contact_new": HER_MENTOR,
    # Staff read contacts in the admin (Mentoring › Coaching contacts), not here.
    "mentoring:contact_detail": logged_in(REFUSED, mentor=SERVED),
    "notifications:list": ANY_PERSON,
    "notifications:open": ONLY_POST,
    "notifications:mark_all_read": ONLY_POST,
    # Certificates.
    "certificates:mine": ANY_PERSON,
    "certificates:download": logged_in(REFUSED, learner=SERVED, mentor=SERVED, staff=SERVED),
    "certificates:verify": EVERYONE,
    # Her Open Badges credential and badge picture: whoever may download her PDF.
    "certificates:credential": logged_in(REFUSED, learner=SERVED, mentor=SERVED, staff=SERVED),
    "certificates:badge": logged_in(REFUSED, learner=SERVED, mentor=SERVED, staff=SERVED),
    "certificates:check_credential": EVERYONE,
    # What verifiers elsewhere fetch: public.
    "credentials:did": EVERYONE,
    "credentials:credential": EVERYONE,
    "credentials:status_list": EVERYONE,
    "credentials:achievement": EVERYONE,
    # Her mentor, sent back to the mentee page while a sign-off is not open (she holds it).
    "certificates:sign_off": logged_in(REFUSED, mentor={200, 302}),
    "certificates:observations": logged_in(NOT_BROKEN),
    "certificates:observe": logged_in(REFUSED, mentor=SERVED, staff=SERVED),
}
# The Wagtail admin (338 patterns): nobody logged in is sent to log in; a learner or a mentor
# gets one plain refusal; staff and the editor get what their permissions allow, never an
# error. (Which admin screens show whose records: tests/test_admin_*.py, the viewsets' tests.)
ADMIN = rule(
    NOT_BROKEN,
    anon=LOGIN,
    **{r: 403 for r in PEOPLE if r not in ("staff", "other_staff", "editor")},
)


# Admin pages anyone may open (its log-in and password pages, its scripts) or that do one
# thing whoever asks (log out), and Wagtail's own page that fails on purpose for staff to see
# the error page.
NON_ADMIN = ("learner", "other_learner", "mentor", "other_mentor")
OPEN_ADMIN = rule(NOT_BROKEN, anon=200, **dict.fromkeys(NON_ADMIN, 403))
ADMIN_RULES = {  # by the pattern's start
    "admin/login/": rule({200, 302}),
    "admin/logout/": rule({302, 405}),
    "admin/password_reset/": OPEN_ADMIN,
    "admin/jsi18n/": OPEN_ADMIN,
    "admin/sprite/": OPEN_ADMIN,
    "admin/failwhale/": rule(500, anon=LOGIN, **dict.fromkeys(NON_ADMIN, 403)),
}


def patterns(resolver=None, prefix="", namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name or ''}"


@pytest.fixture
def world(ladder, regions):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from assessments.services import attempt_start, submission_draft_save, submission_submit
    from certificates.services import certificate_issue

    learner = UserFactory(display_name="王小梅", home_region=regions["v1"])
    other_learner = UserFactory(display_name="外省学员", home_region=regions["other_county"])
    mentor = make_mentor(regions["v1"], display_name="张丽华")
    other_mentor = make_mentor(regions["other_county"], display_name="吴春兰")
    mentor_assign(learner=learner, mentor=mentor)
    editor = UserFactory(roles=[roles.CONTENT_EDITOR])
    people = {
        "learner": learner,
        "other_learner": other_learner,
        "mentor": mentor,
        "other_mentor": other_mentor,
        "staff": staff_user(regions["province"]),
        "other_staff": staff_user(regions["other_province"]),
        "editor": editor,
    }
    attempt, _created = attempt_start(learner=learner, quiz=ladder.quiz)
    submission_draft_save(
        learner=learner,
        task=ladder.task,
        text="方案",
        form_token="t1",
        photos=[SimpleUploadedFile("a.jpg", jpeg_bytes(), content_type="image/jpeg")],
    )
    submission, _created = submission_submit(learner=learner, task=ladder.task)
    photo = submission.versions.get().photos.get()
    contact = log_contact(mentor, learner, note="只给老师看")
    certificate, _created = certificate_issue(learner=learner, level=ladder.primary)
    session = make_session(
        regions["county"], starts_in=-datetime.timedelta(days=1), facilitators=[mentor]
    )
    session.co_facilitators.add(learner)
    notification, _created = notify(recipient=learner, kind="test", dedupe_key="m", title="x")
    ids = {
        "session_id": session.pk,
        "user_id": learner.pk,
        "learner_id": learner.pk,
        "page_id": lessons_of(ladder.course)[0].pk,
        "quiz_id": ladder.quiz.pk,
        "attempt_id": attempt.pk,
        "task_id": ladder.task.pk,
        "photo_id": photo.pk,
        "variant": "full",
        "submission_id": submission.pk,
        "contact_id": contact.pk,
        "pk": notification.pk,
        "certificate_id": certificate.pk,
        "code": certificate.verification_code,
        "uid": certificate.credentials.get().uid,
        "number": 0,
        "slug": ladder.primary.slug,
        "candidate_id": learner.pk,
        "restriction_id": 1,
        "page_view_restriction_id": 1,
        "page_id_": 1,
    }
    return people, ids


def concrete(pattern, ids):
    """The pattern with real values for its parts."""
    import re

    path = pattern.replace("^", "").replace("$", "")
    # Regular-expression groups first, then converters.
    path = re.sub(
        r"\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)", lambda m: str(ids.get(m.group(1), 1)), path
    )
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids.get(m.group(1), 1)), path)
    path = path.replace("\\.", ".")
    path = path.replace("(?P<key>[-:\\w]+)", "nosuchkey")
    path = path.replace("((?:[\\w\\-]+/)*)", "").replace("(\\d+)/(.*)", "99999/x.pdf")
    return "/" + path


def test_every_url_pattern_for_every_role(client, world):
    people, ids = world
    found = sorted(set(patterns()))
    ours = [(p, name) for p, name in found if not p.startswith(("admin/", "django-admin"))]
    missing = sorted({name for _p, name in ours} - set(RULES))
    assert not missing, f"URL patterns without a rule in this test: {missing}"

    client.raise_request_exception = False  # an error is a 500 like any other
    wrong = []
    checked = 0
    for pattern, name in found:
        expected = (
            next((r for start, r in ADMIN_RULES.items() if pattern.startswith(start)), ADMIN)
            if pattern.startswith("admin/")
            else RULES[name]
        )
        url = concrete(pattern, ids)
        for role in ROLES:
            client.logout()
            if role != "anon":
                client.force_login(people[role])
            status = client.get(url).status_code
            checked += 1
            want = expected[role]
            ok = (
                status < 500
                if want == NOT_BROKEN
                else status in want
                if isinstance(want, set)
                else status == want
            )
            if not ok:
                wrong.append((role, url, status, want))
    assert not wrong, "\n".join(map(str, wrong[:60]))
    assert checked > 3000
