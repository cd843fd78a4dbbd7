"""Admin: editors write quizzes, rubrics and tasks; staff read results of their regions'
cohorts, on screen and exported, at a fixed number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from assessments.services import attempt_start, attempt_submit
from assessments.wagtail_hooks import _learner_headers
from lms.accounts import roles
from lms.programme.models import CohortMembership
from tests.factories import (
    CohortFactory,
    UserFactory,
    make_quiz,
    make_region,
    right_answers,
    staff_user,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def _take(learner, quiz, answers_of):
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    return attempt_submit(attempt_id=attempt.pk, learner=learner, answers=answers_of(attempt))[0]


@pytest.fixture
def cohort(province):
    return CohortFactory(name="七星关区初级班", region=province)


def _add_learners(cohort, quiz, count, start=0):
    people = []
    for i in range(start, start + count):
        person = UserFactory(display_name=f"妈妈{i:02d}", home_region=cohort.region)
        CohortMembership.objects.create(cohort=cohort, learner=person)
        _take(person, quiz, wrong_answers)
        if i % 2 == 0:
            _take(person, quiz, right_answers)
        people.append(person)
    return people


def test_staff_see_pass_rates_and_the_hardest_questions_of_their_cohort(client, cohort, province):
    quiz = make_quiz(title="家访测验")
    _add_learners(cohort, quiz, 4)
    client.force_login(staff_user(province))
    response = client.get(reverse("assessment_results:cohort", args=[cohort.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "家访测验" in html and "50% (2/4)" in html
    assert "家访前要做什么？" in html  # a hardest question
    assert "妈妈00" in html and "妈妈03" in html


def test_the_export_matches_the_screen(client, cohort, province):
    quiz = make_quiz(title="家访测验")
    _add_learners(cohort, quiz, 3)
    client.force_login(staff_user(province))
    url = reverse("assessment_results:cohort", args=[cohort.pk])
    text = client.get(url, {"export": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    with translation.override("zh-hans"):  # the admin speaks the default language here
        assert rows[0] == _learner_headers() and rows[0][0] == "学员"
        yes, no = translation.gettext("yes"), translation.gettext("no")
    assert [r[:5] for r in rows[1:]] == [
        ["妈妈00", "家访测验", "2", "100", yes],
        ["妈妈01", "家访测验", "1", "0", no],
        ["妈妈02", "家访测验", "2", "100", yes],
    ]
    book = load_workbook(io.BytesIO(client.get(url, {"export": "xlsx"}).content))
    sheet_rows = [[str(c) for c in row[:5]] for row in book.active.iter_rows(values_only=True)]
    assert sheet_rows[1:] == [r[:5] for r in rows[1:]]
    html = client.get(url).content.decode()
    for row in rows[1:]:
        assert row[0] in html


def test_staff_of_another_region_and_learners_cannot_see_the_results(client, cohort):
    url = reverse("assessment_results:cohort", args=[cohort.pk])
    client.force_login(staff_user(make_region("安徽省")))
    assert client.get(url).status_code == 404
    assert client.get(url, {"export": "csv"}).status_code == 404
    assert cohort.name not in client.get(reverse("assessment_results:index")).content.decode()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403  # people without admin access: a plain refusal
    assert client.get(url, {"export": "csv"}).status_code == 403


def test_results_cost_the_same_queries_for_2_or_12_learners(client, cohort, province):
    quiz = make_quiz()
    client.force_login(staff_user(province))
    url = reverse("assessment_results:cohort", args=[cohort.pk])

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    _add_learners(cohort, quiz, 2)
    small = count()
    _add_learners(cohort, make_quiz(title="第二个测验"), 10, start=2)
    assert count() == small


def test_editors_write_quizzes_rubrics_and_tasks_and_staff_do_not(client, role_groups):
    editor = UserFactory(roles=[roles.CONTENT_EDITOR])
    client.force_login(editor)
    for name in ("quiz", "rubric", "practicaltask"):
        assert client.get(reverse(f"wagtailsnippets_assessments_{name}:add")).status_code == 200
    quiz = make_quiz(title="编辑的测验")
    edit = client.get(reverse("wagtailsnippets_assessments_quiz:edit", args=[quiz.pk]))
    assert "编辑的测验" in edit.content.decode()
    client.force_login(staff_user(make_region("贵州省")))
    response = client.get(reverse("wagtailsnippets_assessments_quiz:add"))
    assert response.status_code == 302  # no permission: back to the dashboard
