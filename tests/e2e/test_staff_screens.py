"""Staff screens on the laptop a county programme officer works on (1280 px)."""

import pytest
from django.urls import reverse

from lms.programme.models import Cohort
from tests.conftest import COMMITTED_DB
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.browser, COMMITTED_DB]


def test_the_cohort_matrix_keeps_each_name_on_one_line_at_1280(demo, live_url, laptop_page):
    cohort = Cohort.objects.get(name="七星关区2026年初级班")
    page = laptop_page
    log_in(page, live_url, "13800000003")
    page.goto(live_url + reverse("dashboards:cohort", args=[cohort.pk]))
    names = page.locator("table.ca-matrix tbody tr td:first-child, table.ca-matrix tbody tr th")
    assert names.count() >= 20
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('table.ca-matrix td')).lineHeight)"
        " || 20"
    )
    for index in range(names.count()):
        box = names.nth(index).bounding_box()
        # One line of text (with the cell's padding), not a column of single characters.
        assert box["height"] < 2.2 * line, (names.nth(index).inner_text(), box)
        assert box["width"] > box["height"]
