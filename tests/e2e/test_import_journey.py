"""Issue 6 in the browser: the demo staff member imports a small file of learners, fixes the
row the preview flagged, imports it, and finds the new learners in the cohort's readiness
matrix."""

import re

import pytest
from django.utils import translation

from lms.accounts.models import User
from lms.programme.models import CohortMembership
from tests.conftest import COMMITTED_DB
from tests.factories import zh

pytestmark = [pytest.mark.browser, COMMITTED_DB]

COHORT = "七星关区2026年初级班"  # the demo cohort, in 刘建国's county
HEADINGS = "姓名,手机号,村,班级"
NEW_LEARNERS = [
    # name, mobile number, village (by its Chinese name, as a county officer writes it)
    ("潘晓雯", "13912340001", "小坝村"),
    ("邓月娥", "13912340002", "朝营村"),
    ("韦兰芝", "13912340003", "热水田村"),
]
MISTYPED = "1391234002"  # one digit short


def zh_plural(singular, plural, number, **values):
    """The Chinese of a message with a plural form."""
    with translation.override("zh-hans"):
        text = translation.ngettext(singular, plural, number)
    return text % values if values else text


def _csv(path, rows):
    lines = [HEADINGS] + [f"{name},{phone},{village},{COHORT}" for name, phone, village in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_staff_imports_learners_fixes_a_flagged_row_and_sees_them_in_the_cohort_matrix(
    demo, live_url, laptop_page, tmp_path
):
    from playwright.sync_api import expect

    page = laptop_page

    # 刘建国 opens the admin and is asked to log in first.
    page.goto(live_url + "/admin/")
    page.get_by_label("手机号或邮箱").fill("13800000003")
    page.get_by_label("密码").fill("companion-demo")
    page.get_by_role("button", name="登录").click()
    expect(
        page.get_by_text(zh("Successfully signed in as %(name)s.", name="刘建国"))
    ).to_be_visible()
    expect(page).to_have_url(live_url + "/admin/")
    # The admin menu takes him to the import.
    menu = page.get_by_role("navigation", name="主菜单")  # Wagtail's own label
    menu.get_by_role("link", name=zh("Import learners")).click()
    expect(page.get_by_role("heading", name=zh("Import learners"))).to_be_visible()

    # His file: three new learners for the demo cohort, one mobile number mistyped.
    typo = [*NEW_LEARNERS]
    typo[1] = (typo[1][0], MISTYPED, typo[1][2])
    page.get_by_label(zh("CSV or Excel file")).set_input_files(_csv(tmp_path / "学员.csv", typo))
    page.get_by_role("button", name=zh("Check the file")).click()

    # The preview flags that row, with what is wrong, and offers no import.
    expect(
        page.get_by_text(
            zh_plural(
                "%(count)s row has a problem. Correct the file and upload it again; "
                "nothing was saved.",
                "%(count)s rows have problems. Correct the file and upload it again; "
                "nothing was saved.",
                1,
                count=1,
            )
        )
    ).to_be_visible()
    flagged = page.get_by_role("row").filter(has_text=MISTYPED)
    expect(flagged).to_contain_text("邓月娥")
    expect(flagged).to_contain_text(zh("“%(value)s” is not a valid mobile number.", value=MISTYPED))
    expect(page.get_by_role("row").filter(has_text=zh("new learner"))).to_have_count(2)
    expect(page.get_by_role("button", name=zh("Import"), exact=True)).to_have_count(0)
    assert not User.objects.filter(display_name__in=[n for n, _p, _v in NEW_LEARNERS]).exists()

    # He corrects the number and uploads the file again: every row is right now.
    page.get_by_role("link", name=zh("Import learners")).last.click()
    page.get_by_label(zh("CSV or Excel file")).set_input_files(
        _csv(tmp_path / "学员（改）.csv", NEW_LEARNERS)
    )
    page.get_by_role("button", name=zh("Check the file")).click()
    expect(
        page.get_by_text(zh("Every row is correct. Nothing has been saved yet."))
    ).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=zh("new learner"))).to_have_count(3)
    expect(page.get_by_text(MISTYPED)).to_have_count(0)

    # He imports; the task runs (at once here, a worker's job in production) and the page
    # offers the log-in sheets of the new learners once it is done.
    page.get_by_role("button", name=zh("Import"), exact=True).click()
    expect(
        page.get_by_role("link", name=zh("Print log-in sheets for the new learners"))
    ).to_be_visible()
    # His recent imports: the corrected file is imported, with three learners added.
    page.get_by_role("link", name=zh("Import learners")).last.click()
    imported = page.get_by_role("row").filter(
        has=page.get_by_role("link", name="学员（改）.csv", exact=True)
    )
    expect(imported.get_by_role("cell")).to_have_text(
        ["学员（改）.csv", re.compile(r"\d{4}-\d\d-\d\d"), zh("Imported"), "3", "3", "0"]
    )
    assert (
        CohortMembership.objects.filter(
            cohort__name=COHORT, learner__phone__in=[f"+86{p}" for _n, p, _v in NEW_LEARNERS]
        ).count()
        == 3
    )

    # Dashboards › the cohort: the three new learners are rows of its matrix.
    menu.get_by_role("link", name=zh("Dashboards")).click()
    page.get_by_role("link", name=COHORT).first.click()
    expect(page.get_by_role("heading", name=COHORT)).to_be_visible()
    matrix = page.get_by_role("table")
    for name, _phone, village in NEW_LEARNERS:
        row = matrix.get_by_role("row").filter(has=page.get_by_role("link", name=name, exact=True))
        expect(row).to_have_count(1)
        expect(row).to_contain_text(village)
