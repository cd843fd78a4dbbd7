"""Nonsense in a dashboard's address gives the page (the filter ignored) or a 404, never an
error page."""

import pytest
from django.urls import reverse

from tests.factories import CohortFactory, make_region, staff_user

pytestmark = pytest.mark.django_db

HUGE = "9" * 25
NONSENSE = [
    ("dashboards:index", {"region": HUGE}),
    ("dashboards:index", {"region": "x", "export": "foo"}),
    ("dashboards:at_risk", {"p": "abc", "cohort": "x", "reason": "zzz"}),
    ("dashboards:at_risk", {"p": "-1", "cohort": HUGE, "export": "csv"}),
    ("dashboards:mentors", {"table": "zzz", "export": "csv"}),
    ("dashboards:training", {"period": "zzz", "level": "zzz", "export": "xlsx"}),
]


@pytest.mark.parametrize(("name", "query"), NONSENSE)
def test_nonsense_filters_are_ignored(client, name, query):
    county = make_region("七星关区")
    CohortFactory(region=county)
    client.force_login(staff_user(county))
    assert client.get(reverse(name), query).status_code == 200


@pytest.mark.parametrize(
    "query",
    [{"village": HUGE, "export": "csv"}, {"mentor": "x", "status": "zzz", "sort": "zzz"}],
)
def test_nonsense_on_a_cohort_page_is_ignored(client, query):
    county = make_region("七星关区")
    cohort = CohortFactory(region=county)
    client.force_login(staff_user(county))
    assert client.get(reverse("dashboards:cohort", args=[cohort.pk]), query).status_code == 200


def test_an_export_job_that_is_not_there_is_not_found(client):
    client.force_login(staff_user(make_region("七星关区")))
    for name in ("dashboards:export", "dashboards:export_download"):
        assert client.get(reverse(name, args=[2**62])).status_code == 404
