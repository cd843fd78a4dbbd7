import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Site

from cms.models import HomePage
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.selectors import learner_progress
from lms.accounts import roles
from lms.accounts.models import Region, User
from lms.programme.models import Cohort

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "regions": Region.objects.count(),
        "users": User.objects.count(),
        "pages": LessonPage.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "completions": LessonCompletion.objects.count(),
        "cohorts": Cohort.objects.count(),
    }


def test_seed_demo_builds_the_demo_and_running_it_again_duplicates_nothing(client):
    call_command("seed_demo", stdout=io.StringIO())
    first = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == first

    # Courses for all three levels, each with two modules of three lessons, in both languages.
    zh = Locale.get_default()
    courses = CoursePage.objects.filter(locale=zh)
    assert {c.level for c in courses} == {"primary", "intermediate", "advanced"}
    assert courses.count() >= 3
    for course in courses:
        assert course.get_children().count() >= 2
        assert LessonPage.objects.descendant_of(course).count() >= 6
        assert course.get_translation(Locale.objects.get(language_code="en")).title != course.title

    # Every role, password companion-demo.
    expected = {
        "+8613800000001": roles.LEARNER,
        "+8613800000002": roles.MENTOR,
        "+8613800000003": roles.PROGRAMME_STAFF,
        "+8613800000004": roles.CONTENT_EDITOR,
    }
    for phone, role in expected.items():
        user = User.objects.get(phone=phone)
        assert roles.has_role(user, role)
        assert user.check_password("companion-demo")
    assert User.objects.get(phone="+8613800000004").is_superuser

    # A cohort of 20+ learners with varied progress.
    cohort = Cohort.objects.get()
    assert cohort.memberships.count() >= 20
    done = {sum(p.done for p in learner_progress(m.learner)) for m in cohort.memberships.all()}
    assert len(done) >= 4

    # The site serves the Chinese home page at / and the English one at /en/.
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    assert "陪伴妈妈学堂" in client.get("/").content.decode()
    assert "Companion Academy" in client.get("/en/").content.decode()


@pytest.mark.parametrize("language", ["", "/en"])
def test_every_demo_role_opens_its_pages(client, language):
    from django.contrib.auth.models import Group

    call_command("seed_demo", stdout=io.StringIO())
    cohort = Cohort.objects.get()
    pages = {
        "+8613800000001": ["/learn/", "/courses/", "/notifications/"],
        "+8613800000002": ["/mentor/", "/mentor/?flag=any&sort=activity", "/notifications/"],
        "+8613800000003": [
            "/admin/",
            "/admin/regions/",
            "/admin/cohorts/",
            "/admin/memberships/",
            "/admin/mentors/",
            "/admin/mentor_assignments/",
            f"/admin/auto-assign/{cohort.pk}/",
            "/admin/coaching_contacts/",
        ],
        "+8613800000004": ["/admin/", "/admin/pages/", "/admin/reports/site-history/"],
    }
    assert Group.objects.filter(name=roles.PROGRAMME_STAFF).exists()
    for phone, urls in pages.items():
        client.force_login(User.objects.get(phone=phone))
        for url in urls:
            prefix = language if not url.startswith("/admin") else ""
            response = client.get(prefix + url)
            assert response.status_code == 200, (phone, url, response.status_code)
    # The auto-assign preview places the cohort's waiting learners with the nearest mentors.
    client.force_login(User.objects.get(phone="+8613800000003"))
    plan = client.get(f"/admin/auto-assign/{cohort.pk}/").context["plan"]
    assert len(plan.placements) == 12 and not plan.unplaced
