"""Staff dashboards: readiness and forecast from the readiness engine, the cohort matrix, the
at-risk rules, mentor load and training, region scoping, exports that match the screen, and
pages that cost the same number of queries for more cohorts and learners."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from assessments.models import Submission
from assessments.services import submission_draft_save, submission_submit
from certificates.models import Certificate
from certificates.services import certificate_issue, sign_off_create
from courses.levels import Level
from courses.models import Enrolment
from courses.services import enrolment_create
from lms.accounts import roles
from lms.accounts.models import RegionKind
from lms.dashboards.selectors import (
    at_risk_rows,
    forecast_percent,
    readiness_overview,
)
from lms.engagement.facts import facts_refresh_all
from lms.engagement.models import EngagementSettings
from lms.mentoring.services import mentor_assign
from lms.programme.models import CohortMembership, MembershipStatus, SessionBooking
from tests.factories import (
    CohortFactory,
    UserFactory,
    attend,
    cohort_member,
    complete_course,
    held_session,
    log_contact,
    make_mentor,
    make_quiz,
    make_region,
    make_session,
    pass_task,
    staff_user,
    take_quiz,
    zh,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TODAY = datetime.date(2026, 3, 1)


URL_NAMES = ["index", "at_risk", "mentors", "training"]


# --- Forecast -----------------------------------------------------------------------------


def test_forecast_carries_the_recent_pace_to_the_target_date_and_stops_at_100():
    # 2 of 10 ready; 2 certificates in the last 14 days; 28 days to go: 2 + 4 = 6 → 60%.
    assert forecast_percent(ready=2, active=10, recent=2, window_days=14, days_left=28) == 60
    assert forecast_percent(ready=8, active=10, recent=7, window_days=7, days_left=30) == 100
    # The target date has passed, or no pace yet: what is ready now.
    assert forecast_percent(ready=3, active=10, recent=5, window_days=14, days_left=0) == 30
    assert forecast_percent(ready=3, active=10, recent=0, window_days=0, days_left=30) == 30
    assert forecast_percent(ready=0, active=0, recent=0, window_days=0, days_left=30) == 0


def test_overview_counts_ready_learners_by_the_engine_and_forecasts_from_fixed_dates(
    ladder, counties, django_capture_on_commit_callbacks
):
    _province, county, _other = counties
    today = timezone.localdate()
    cohort = CohortFactory(
        name="初级一班",
        region=county,
        start_date=today - datetime.timedelta(days=14),
        target_date=today + datetime.timedelta(days=28),
    )
    holder = cohort_member(cohort, "持证妈妈")
    certificate_issue(learner=holder, level=ladder.primary)  # issued today: the recent pace
    ready = cohort_member(cohort, "就绪妈妈")
    mentor = make_mentor(county)
    mentor_assign(learner=ready, mentor=mentor)
    complete_course(ready, ladder.course)
    take_quiz(ready, ladder.quiz)
    pass_task(ready, ladder.task, mentor)
    attend(ready, held_session(county))
    log_contact(mentor, ready)
    cohort_member(cohort, "新妈妈1")
    cohort_member(cohort, "新妈妈2")
    cohort_member(cohort, "退出妈妈", status=MembershipStatus.WITHDRAWN)

    [row] = readiness_overview([cohort], today=today, weeks=8)
    assert row.active == 4
    assert {label: count for label, count, _p in row.funnel}[ladder.primary.name] == 1
    # The holder is ready; "ready" meets everything but the mentor's sign-off.
    assert row.ready == 1 and row.ready_percent == 25
    # The sign-off commits, and the cached numbers of her cohort are counted again.
    with django_capture_on_commit_callbacks(execute=True):
        sign_off_create(learner=ready, level=ladder.primary, mentor=mentor, comment="好")
    [row] = readiness_overview([cohort], today=today, weeks=8)
    assert row.ready == 2 and row.ready_percent == 50
    # The level is automatic: the sign-off issued her certificate, a second in the 14 days
    # since the start; 28 days to go: 2 + 2 / 14 * 28 = 6 of 4, at most 100%.
    assert {label: count for label, count, _p in row.funnel}[ladder.primary.name] == 2
    assert (row.recent, row.window_days, row.days_left) == (2, 14, 28)
    assert row.forecast == 100
    # Seen from a day past the target date: no more pace, the forecast is today's share.
    [late] = readiness_overview([cohort], today=today + datetime.timedelta(days=40), weeks=8)
    assert late.days_left == 0 and late.forecast == late.ready_percent


def test_forecast_window_is_the_last_weeks_only(ladder, counties):
    _province, county, _other = counties
    today = timezone.localdate()
    cohort = CohortFactory(
        region=county,
        start_date=today - datetime.timedelta(days=200),
        target_date=today + datetime.timedelta(days=14),
    )
    for i in range(4):
        cohort_member(cohort, f"妈妈{i}")
    old, recent = UserFactory(), cohort_member(cohort, "最近")
    CohortMembership.objects.create(cohort=cohort, learner=old)
    certificate_issue(learner=old, level=ladder.primary)
    Certificate.objects.filter(learner=old).update(issued_on=today - datetime.timedelta(days=60))
    certificate_issue(learner=recent, level=ladder.primary)
    [row] = readiness_overview([cohort], today=today, weeks=2)
    # 2 of 6 hold it; 1 issued within the last 14 days, 14 days to go: 2 + 1 = 3 of 6.
    assert (row.ready, row.recent, row.window_days) == (2, 1, 14)
    assert row.forecast == 50


# --- At risk ------------------------------------------------------------------------------


def test_each_at_risk_reason_with_its_threshold(ladder, counties):
    _province, county, _other = counties
    today = timezone.localdate()
    cohort = CohortFactory(region=county)
    mentor = make_mentor(county)

    def looked_after(name):
        person = cohort_member(cohort, name, joined_days_ago=100)
        mentor_assign(learner=person, mentor=mentor)
        log_contact(mentor, person)
        enrolment_create(learner=person, course=ladder.course)
        Enrolment.objects.filter(learner=person).update(last_activity_at=timezone.now())
        return person

    fine = looked_after("很好")
    idle = looked_after("不活跃")
    Enrolment.objects.filter(learner=idle).update(
        last_activity_at=timezone.now() - datetime.timedelta(days=20)
    )
    failing = looked_after("不及格")
    quiz = make_quiz("安全测验", max_attempts=5)
    for _ in range(2):
        take_quiz(failing, quiz, passing=False)
    waiting = looked_after("等批改")
    submission_draft_save(learner=waiting, task=ladder.task, text="方案", form_token="t1")
    submission_submit(learner=waiting, task=ladder.task)
    Submission.objects.filter(learner=waiting).update(
        submitted_at=timezone.now() - datetime.timedelta(days=10)
    )
    alone = cohort_member(cohort, "没有导师", joined_days_ago=1)
    quiet = looked_after("没联系")
    Enrolment.objects.filter(learner=quiet).update(last_activity_at=timezone.now())
    from lms.mentoring.models import CoachingContact

    CoachingContact.objects.filter(learner=quiet).update(
        contact_date=today - datetime.timedelta(days=40)
    )
    expiring = looked_after("快过期")
    certificate_issue(learner=expiring, level=ladder.primary)
    Certificate.objects.filter(learner=expiring).update(
        expires_on=today + datetime.timedelta(days=10)
    )

    # The dates above were moved behind the services' back (no event): the facts are counted
    # again as the nightly refresh would.
    facts_refresh_all()
    config = EngagementSettings(
        inactive_days=14,
        quiz_failures=2,
        task_wait_days=7,
        no_contact_days=30,
        expiry_warning_days=30,
    )
    rows = {row.learner.pk: set(row.reasons) for row in at_risk_rows([cohort], config=config)}
    assert fine.pk not in rows
    assert rows[idle.pk] == {"inactive"}
    assert rows[failing.pk] == {"quiz_failures"}
    assert rows[waiting.pk] == {"task_waiting"}
    assert rows[alone.pk] == {"no_mentor"}  # joined yesterday: still in her grace period
    assert rows[quiet.pk] == {"no_contact"}
    assert rows[expiring.pk] == {"expiring"}

    # Staff change the thresholds: longer waits are fine.
    relaxed = EngagementSettings(
        inactive_days=30,
        quiz_failures=3,
        task_wait_days=14,
        no_contact_days=60,
        expiry_warning_days=5,
    )
    rows = {row.learner.pk: set(row.reasons) for row in at_risk_rows([cohort], config=relaxed)}
    assert set(rows) == {alone.pk}
    only = at_risk_rows([cohort], reason="quiz_failures", config=config)
    assert [row.learner.pk for row in only] == [failing.pk]


def test_at_risk_page_uses_the_saved_settings(
    client, ladder, counties, django_capture_on_commit_callbacks
):
    province, county, _other = counties
    cohort = CohortFactory(region=county)
    with django_capture_on_commit_callbacks(execute=True):
        person = cohort_member(cohort, "没有导师")
    client.force_login(staff_user(province))
    html = client.get(reverse("dashboards:at_risk")).content.decode()
    assert "没有导师" in html
    settings = EngagementSettings.load()
    settings.inactive_days = 3
    settings.save()
    _ = person
    context = client.get(reverse("dashboards:at_risk")).context
    with translation.override("zh-hans"):  # the admin speaks the default language here
        expected = translation.gettext("No activity for %(days)s days") % {"days": 3}
    assert dict(context["reasons"])["inactive"] == expected


# --- Scoping ------------------------------------------------------------------------------


def test_county_staff_see_only_their_county(
    client, ladder, counties, django_capture_on_commit_callbacks
):
    _province, a, b = counties
    mine = CohortFactory(name="七星关初级班", region=a)
    theirs = CohortFactory(name="大方初级班", region=b)
    with django_capture_on_commit_callbacks(execute=True):
        cohort_member(mine, "本县妈妈")
        cohort_member(theirs, "外县妈妈")
    make_mentor(b, display_name="外县导师")
    held_session(b, title="外县培训")
    client.force_login(staff_user(a))
    html = client.get(reverse("dashboards:index")).content.decode()
    assert "七星关初级班" in html and "大方初级班" not in html
    assert client.get(reverse("dashboards:cohort", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("dashboards:cohort", args=[mine.pk])).status_code == 200
    html = client.get(reverse("dashboards:at_risk")).content.decode()
    assert "本县妈妈" in html and "外县妈妈" not in html
    assert "外县导师" not in client.get(reverse("dashboards:mentors")).content.decode()
    assert "外县培训" not in client.get(reverse("dashboards:training")).content.decode()
    csv_text = client.get(reverse("dashboards:at_risk"), {"export": "csv"}).content.decode()
    assert "外县妈妈" not in csv_text


def test_province_staff_see_every_county_of_the_province(client, ladder, counties):
    province, a, b = counties
    CohortFactory(name="七星关初级班", region=a)
    CohortFactory(name="大方初级班", region=b)
    CohortFactory(name="安徽班", region=make_region("安徽省"))
    client.force_login(staff_user(province))
    html = client.get(reverse("dashboards:index")).content.decode()
    assert "七星关初级班" in html and "大方初级班" in html and "安徽班" not in html


@pytest.mark.parametrize("who", ["learner", "mentor", "content_editor"])
def test_learners_and_mentors_reach_no_dashboard_or_export(client, ladder, counties, who):
    _province, a, _b = counties
    cohort = CohortFactory(region=a)
    if who == "learner":
        person = cohort_member(cohort, "妈妈")
    elif who == "mentor":
        person = make_mentor(a)
    else:
        # Editors reach the admin, so this case needs the views' own staff check.
        person = UserFactory(home_region=a, roles=[roles.CONTENT_EDITOR])
    client.force_login(person)
    urls = [reverse(f"dashboards:{name}") for name in URL_NAMES]
    urls.append(reverse("dashboards:cohort", args=[cohort.pk]))
    for url in urls:
        for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
            response = client.get(url, query)
            assert response.status_code in (302, 403), url
            assert "attachment" not in response.get("Content-Disposition", "")


# --- Cohort matrix and exports ------------------------------------------------------------


def _csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_cohort_matrix_shows_each_requirement_and_links_to_her_checklist(client, ladder, counties):
    province, county, _other = counties
    village = make_region("小坝村", RegionKind.VILLAGE, county)
    cohort = CohortFactory(name="初级班", region=county)
    mentor = make_mentor(county, display_name="张导师")
    ahead = cohort_member(cohort, "阿梅", region=village)
    mentor_assign(learner=ahead, mentor=mentor)
    complete_course(ahead, ladder.course)
    behind = cohort_member(cohort, "小芳")
    paused = cohort_member(cohort, "暂停", status=MembershipStatus.PAUSED)
    client.force_login(staff_user(province))
    url = reverse("dashboards:cohort", args=[cohort.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("learn:learner_detail", args=[ahead.pk]) in html
    headers = response.context["headers"]
    assert len(headers) == 4 + len(ladder.primary.requirements.all()) + 2
    rows = {row[0]: row for _link, row in response.context["table"]}
    assert rows["阿梅"][4] == "✓" and rows["小芳"][4] == "✗ 0/2"
    assert rows["阿梅"][2] == "张导师"

    filtered = client.get(url, {"village": village.pk}).context["table"]
    assert [row[0] for _link, row in filtered] == ["阿梅"]
    by_mentor = client.get(url, {"mentor": mentor.pk}).context["table"]
    assert [row[0] for _link, row in by_mentor] == ["阿梅"]
    by_status = client.get(url, {"status": "paused"}).context["table"]
    assert [row[0] for _link, row in by_status] == ["暂停"]
    ahead_first = client.get(url, {"sort": "-progress"}).context["table"]
    assert ahead_first[0][1][0] == "阿梅"
    _ = (behind, paused)


def test_cohort_matrix_cells_are_shown_escaped_with_her_name_linked(client, ladder, counties):
    province, county, _other = counties
    cohort = CohortFactory(name="初级班", region=county)
    odd = cohort_member(cohort, "<b>阿梅</b> & 1")
    complete_course(odd, ladder.course)
    client.force_login(staff_user(province))
    html = client.get(reverse("dashboards:cohort", args=[cohort.pk])).content.decode()
    link = reverse("learn:learner_detail", args=[odd.pk])
    assert f'<td><a href="{link}">&lt;b&gt;阿梅&lt;/b&gt; &amp; 1</a></td>' in html
    assert "<b>阿梅</b>" not in html
    # Her status in the reader's language (the admin's: Chinese), then the course's cell.
    assert f"<td>{_zh_label(MembershipStatus.ACTIVE)}</td><td>✓</td>" in html


def _zh_label(choice):
    with translation.override("zh-hans"):
        return str(choice.label)


def _expected_export(name, ladder, session):
    """The table each export should hold for the data of the test below, written out: the
    admin speaks the default language, so headings and labels are the Chinese ones."""
    active = _zh_label(MembershipStatus.ACTIVE)
    no_sign_off = ["✗ 0/1", "✗ 0/1"]  # contacts, sign-off
    if name == "cohort":
        headers = [
            zh("Learner"),
            zh("Village"),
            zh("Mentor"),
            zh("Status"),
            zh("%(kind)s: %(title)s", kind=zh("Complete a course"), title=ladder.course.title),
            zh("%(kind)s: %(title)s", kind=zh("Pass a quiz"), title="家访测验"),
            zh("%(kind)s: %(title)s", kind=zh("Pass a practical task"), title="设计一次活动"),
            f"{zh('Attend face-to-face sessions of the level')} (1)",
            f"{zh('Coaching contacts with her mentor')} (1)",
            zh("Mentor sign-off"),
            zh("Extra sign-off"),
            zh("Ready"),
        ]
        # Furthest ahead first: 妈妈2 attended the session (1 of 6 met).
        rows = [
            ["妈妈2", "七星关区", "'=HYPERLINK(1)", active, "✗ 0/2", "✗", "✗", "✓", *no_sign_off]
            + ["", "16%"],
            ["妈妈0", "七星关区", "", active, "✗ 0/2", "✗", "✗", "✗ 0/1", *no_sign_off]
            + ["", "0%"],
            ["妈妈1", "七星关区", "'=HYPERLINK(1)", active, "✗ 0/2", "✗", "✗", "✗ 0/1"]
            + [*no_sign_off, "", "0%"],
        ]
    elif name == "at_risk":
        headers = [zh("Learner"), zh("Village"), zh("Cohort"), zh("Reasons"), zh("Details")]
        reasons = [
            zh("No activity for %(days)s days", days=14),
            zh("No mentor"),
            zh("No coaching contact for %(days)s days", days=30),
        ]
        details = [
            zh("no activity since she joined"),
            zh("no current mentor"),
            zh("no contact since she joined"),
        ]
        rows = [["妈妈0", "七星关区", "初级班", "; ".join(reasons), "; ".join(details)]]
    elif name == "index":
        levels = ["暂无证书", "初级陪伴妈妈", "中级陪伴妈妈", "培训师"]
        headers = [
            zh("Cohort"),
            zh("Region"),
            zh("Target level"),
            zh("Target date"),
            zh("Active learners"),
            *[zh("Highest held: %(level)s", level=level) for level in levels],
            zh("Ready now"),
            zh("Ready now (%)"),
            zh("Certificates per week"),
            zh("Forecast at target date (%)"),
        ]
        rows = [["初级班", "七星关区", "初级陪伴妈妈", "2027-06-30", "3", "3", "0", "0", "0"]]
        rows[0] += ["0", "0", "0.0", "0"]
    elif name == "mentors":
        headers = [
            zh("Mentor"),
            zh("Home region"),
            zh("Mentees"),
            zh("Capacity"),
            zh("Load (%)"),
            zh("Waiting for grading"),
            zh("Oldest wait (days)"),
        ]
        rows = [["'=HYPERLINK(1)", "七星关区", "2", "10", "20", "0", ""]]  # a formula stays text
    else:
        headers = [
            zh("Session"),
            zh("Level"),
            zh("Region"),
            zh("Starts"),
            zh("Seats"),
            zh("Seats taken"),
            zh("Waiting list"),
            zh("Present"),
            zh("Attendance rate (%)"),
            zh("Cancelled"),
        ]
        starts = timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M")
        rows = [["面授一", _zh_label(Level.PRIMARY), "七星关区", starts, "20", "1", "0", "1"]]
        rows[0] += ["100", ""]
    return headers, rows


@pytest.mark.parametrize(
    "name,args",
    [
        ("cohort", True),
        ("at_risk", False),
        ("index", False),
        ("mentors", False),
        ("training", False),
    ],
)
def test_exports_have_the_rows_of_the_screen_with_the_same_filters(
    client, ladder, counties, name, args, django_capture_on_commit_callbacks
):
    province, county, _other = counties
    cohort = CohortFactory(name="初级班", region=county)
    mentor = make_mentor(county, display_name="=HYPERLINK(1)")
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(3):
            person = cohort_member(cohort, f"妈妈{i}", joined_days_ago=60)
            if i:
                mentor_assign(learner=person, mentor=mentor)
    session = held_session(county, title="面授一", capacity=20)
    SessionBooking.objects.create(session=session, learner=person)
    attend(person, session)
    client.force_login(staff_user(province))
    url = reverse(f"dashboards:{name}", args=[cohort.pk] if args else [])
    query = {"sort": "-progress"} if name == "cohort" else {}
    if name == "at_risk":
        query = {"reason": "no_mentor"}
    headers, rows = _expected_export(name, ladder, session)

    exported = _csv_rows(client.get(url, {**query, "export": "csv"}))
    assert exported == [headers, *rows]
    # The screen shows the same rows (as values, before a formula is made text).
    screen = client.get(url, query).context
    shown = screen["load_rows" if name == "mentors" else "table"]
    shown = [row for _link, row in shown] if name in ("cohort", "at_risk") else shown
    assert [str(row[0]) for row in shown] == [row[0].lstrip("'") for row in rows]

    response = client.get(url, {**query, "export": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    sheet_rows = [
        [_sheet_text(cell) for cell in row] for row in book.active.iter_rows(values_only=True)
    ]
    assert sheet_rows == [headers, *[[_sheet_text(cell) for cell in row] for row in rows]]
    if name == "index":
        assert book.active["E2"].value == 3  # numbers stay numbers


def _sheet_text(cell):
    """A cell as text, numbers alike whether Excel kept 0.0 or 0."""
    if cell is None:
        return ""
    try:
        return str(float(cell))
    except ValueError:
        return str(cell)


def test_mentor_load_and_grading_backlog(client, ladder, counties):
    province, county, _other = counties
    mentor = make_mentor(county, display_name="忙导师", capacity=2)
    people = [UserFactory(home_region=county) for _ in range(3)]
    for person in people[:2]:
        mentor_assign(learner=person, mentor=mentor)
    for person in people:
        submission_draft_save(learner=person, task=ladder.task, text="方案", form_token="t")
        submission_submit(learner=person, task=ladder.task)
    Submission.objects.filter(learner=people[0]).update(
        submitted_at=timezone.now() - datetime.timedelta(days=9, hours=1)
    )
    client.force_login(staff_user(province))
    url = reverse("dashboards:mentors")
    context = client.get(url).context
    assert context["load_rows"] == [["忙导师", "七星关区", 2, 2, 100, 2, 9]]
    assert context["backlog_rows"] == [["七星关区", 3, 1, 9]]
    backlog = _csv_rows(client.get(url, {"table": "backlog", "export": "csv"}))
    assert backlog[1:] == [["七星关区", "3", "1", "9"]]
    load = _csv_rows(client.get(url, {"export": "csv"}))
    assert load[1:] == [["忙导师", "七星关区", "2", "2", "100", "2", "9"]]


def test_training_sessions_seats_and_attendance(client, ladder, counties):
    province, county, _other = counties
    held = held_session(county, title="已举办", capacity=10)
    people = [UserFactory(home_region=county) for _ in range(4)]
    for person in people:
        SessionBooking.objects.create(session=held, learner=person)
    for person in people[:3]:
        attend(person, held)
    make_session(county, title="将举办", starts_in=datetime.timedelta(days=5))
    client.force_login(staff_user(province))
    url = reverse("dashboards:training")
    context = client.get(url).context
    rows = {row[0]: row for row in context["table"]}
    assert rows["已举办"][4:9] == [10, 4, 0, 3, 75]
    assert rows["将举办"][8] == ""
    assert context["totals"]["rate"] == 75
    assert [row[0] for row in client.get(url, {"period": "upcoming"}).context["table"]] == [
        "将举办"
    ]


# --- Query counts -------------------------------------------------------------------------


def _count(client, url, query=None):
    client.get(url, query or {})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, query or {}).status_code == 200
    return len(queries)


def _busy_member(cohort, mentor, i):
    person = cohort_member(cohort, f"妈妈{cohort.pk}-{i}", joined_days_ago=60)
    if i % 2:
        mentor_assign(learner=person, mentor=mentor)
        log_contact(mentor, person, days_ago=40)
    return person


def test_overview_costs_the_same_for_2_and_10_cohorts(client, ladder, counties):
    province, county, _other = counties
    mentor = make_mentor(county, capacity=100)
    client.force_login(staff_user(province))
    counts = []
    for n in (2, 10):
        while CohortFactory._meta.model.objects.count() < n:
            cohort = CohortFactory(region=county)
            for i in range(2):
                _busy_member(cohort, mentor, i)
        counts.append(_count(client, reverse("dashboards:index")))
    assert counts[0] == counts[1]


def test_cohort_at_risk_mentor_and_training_pages_cost_the_same_for_3_and_15(
    client, ladder, counties
):
    province, county, _other = counties
    cohort = CohortFactory(region=county)
    client.force_login(staff_user(province))
    urls = [
        reverse("dashboards:cohort", args=[cohort.pk]),
        reverse("dashboards:at_risk"),
        reverse("dashboards:mentors"),
        reverse("dashboards:training"),
    ]
    counts = {url: [] for url in urls}
    for n in (3, 15):
        while CohortMembership.objects.count() < n:
            i = CohortMembership.objects.count()
            mentor = make_mentor(county, capacity=5)
            person = _busy_member(cohort, mentor, i)
            take_quiz(person, ladder.quiz, passing=False)
            session = held_session(county, title=f"培训{i}")
            SessionBooking.objects.create(session=session, learner=person)
            attend(person, session)
        for url in urls:
            counts[url].append(_count(client, url))
    for url, (small, large) in counts.items():
        assert small == large, url
