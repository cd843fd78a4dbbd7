"""The admin from the outside: who may enter it, and what its exports write."""

import csv
import io

import pytest
from openpyxl import load_workbook

from lms.mentoring.services import mentor_assign
from tests.factories import UserFactory, log_contact, make_mentor, staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_learner_at_the_admin_gets_one_plain_refusal_in_her_language(client, language):
    learner = UserFactory(display_name="王小梅", preferred_language=language)
    client.force_login(learner)
    for url in ["/admin/", "/admin/pages/", "/admin/coaching_contacts/", "/admin/users/"]:
        response = client.get(url)
        assert response.status_code == 403, url  # no redirect to the login page and back
        page = response.content.decode()
        expected = "Not allowed" if language == "en" else "没有权限"
        assert expected in page and "/learn/" in page, page
    # No pile of "no permission" messages waits on her own pages afterwards.
    assert 'class="messages"' not in client.get("/learn/").content.decode()


def test_anonymous_visitors_of_the_admin_are_sent_to_log_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_admin_exports_keep_a_planted_formula_as_text(client, regions, fmt):
    """A mentor types a formula into a contact summary; staff export the contacts."""
    mentor = make_mentor(regions["v1"])
    learner = UserFactory(home_region=regions["v1"], display_name='=HYPERLINK("x")')
    mentor_assign(learner=learner, mentor=mentor)
    contact = log_contact(mentor, learner)
    type(contact).objects.filter(pk=contact.pk).update(summary='=cmd|"/c calc"!A1')
    client.force_login(staff_user(regions["province"]))
    response = client.get(f"/admin/coaching_contacts/?export={fmt}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        cells = [c for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for c in row]
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        cells = [c.value for row in sheet.iter_rows() for c in row if c.value]
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    planted = [c for c in cells if "cmd|" in str(c) or "HYPERLINK" in str(c)]
    assert planted and all(not str(c).startswith(("=", "+", "-", "@")) for c in planted)


def test_pages_send_a_strict_content_security_policy_and_no_inline_script(client, regions):
    import re

    learner = UserFactory(home_region=regions["v1"])
    client.force_login(learner)
    response = client.get("/learn/")
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert script_src.strip() == "'self'"  # no inline script, no eval
    assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy
    for url in ["/learn/", "/", "/certificates/"]:
        body = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body), url
        assert not re.search(r"\son(click|load|submit|change)=", body), url
    # A redirect shows nothing: the page it leads to brings the policy.
    redirect = client.get("/learn")
    assert redirect.status_code == 301 and "Content-Security-Policy" not in redirect
    assert "Content-Security-Policy" in client.get(redirect["Location"])
