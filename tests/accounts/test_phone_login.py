import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lms.accounts.phone import normalize_phone
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed", ["13800000001", "+8613800000001", "138 0000 0001", "138-0000-0001", "008613800000001"]
)
def test_chinese_mobile_numbers_normalise_to_e164(typed):
    assert normalize_phone(typed) == "+8613800000001"


@pytest.mark.parametrize("typed", ["", "12345", "abc", "1380000000", "+86123"])
def test_malformed_numbers_are_rejected_with_a_clear_message(typed):
    with pytest.raises(ValidationError) as error:
        normalize_phone(typed)
    assert "13800000001" in error.value.messages[0]


@pytest.fixture
def mother(db):
    return UserFactory(phone="+8613800000001", display_name="王小梅")


def login(client, login, password=PASSWORD, prefix=""):
    return client.post(f"{prefix}/accounts/login/", {"login": login, "password": password})


@pytest.mark.parametrize("typed", ["13800000001", "+8613800000001"])
def test_mother_logs_in_with_her_phone_number_as_typed_or_e164(client, mother, typed):
    response = login(client, typed)
    assert response.status_code == 302
    assert response["Location"] == reverse("learn:dashboard")
    assert client.get(reverse("learn:dashboard")).context["user"] == mother


def test_login_lands_on_the_dashboard_in_her_preferred_language(client, mother):
    mother.preferred_language = "en"
    mother.save()
    response = login(client, "13800000001")
    assert response["Location"] == "/en/learn/"


def test_login_with_email_works_too(client):
    from lms.accounts.services import user_create

    user_create(display_name="陈静", email="chen@example.org", password=PASSWORD)
    response = login(client, "chen@example.org")
    assert response.status_code == 302


@pytest.mark.parametrize(
    "typed,password,message",
    [
        ("13800000001", "wrong-password", "您输入的电话号码和/或密码不正确"),
        ("13900009999", PASSWORD, "您输入的电话号码和/或密码不正确"),
        ("12345", PASSWORD, "请输入正确的手机号，例如 13800000001"),
    ],
    ids=["wrong password", "unknown phone", "malformed phone"],
)
def test_bad_login_shows_a_chinese_message_and_logs_nobody_in(
    client, mother, typed, password, message
):
    response = login(client, typed, password)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_bad_login_message_is_english_on_the_english_page(client, mother):
    response = login(client, "13800000001", "wrong-password", prefix="/en")
    assert response.status_code == 200
    assert "not correct" in response.content.decode()


def test_sms_code_login_sends_one_text_through_the_adapter(client, mother, sms_outbox):
    response = client.post("/accounts/login/code/", {"phone": "13800000001"})
    assert response.status_code == 302
    assert len(sms_outbox) == 1
    assert sms_outbox[0]["phone"] == "+8613800000001"


def test_password_reset_by_email_sends_a_code(client, mailoutbox):
    from lms.accounts.services import user_create

    user_create(display_name="陈静", email="chen@example.org", password=PASSWORD)
    response = client.post("/accounts/password/reset/", {"email": "chen@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_signing_up_with_a_phone_number_texts_a_verification_code(client, sms_outbox):
    from lms.accounts.models import User

    response = client.post(
        "/accounts/signup/",
        {
            "display_name": "赵丽娟",
            "phone": "13700000007",
            "password1": "a-good-test-password",
            "password2": "a-good-test-password",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(phone="+8613700000007")
    assert user.display_name == "赵丽娟"
    assert not user.phone_verified
    assert len(sms_outbox) == 1 and sms_outbox[0]["phone"] == "+8613700000007"


def test_signing_up_with_a_taken_number_changes_nothing(client, mother):
    from lms.accounts.models import User

    before = User.objects.count()
    response = client.post(
        "/accounts/signup/",
        {
            "display_name": "冒名",
            "phone": "138 0000 0001",
            "password1": "a-good-test-password",
            "password2": "a-good-test-password",
        },
    )
    assert User.objects.count() == before
    assert response.status_code in (200, 302)


def test_repeated_wrong_passwords_are_rate_limited(client, mother):
    for _ in range(5):
        login(client, "13800000001", "wrong-password")
    response = login(client, "13800000001", PASSWORD)  # even the right one, for a while
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "过多" in response.content.decode() or response.status_code == 429


# --- Texts strangers can cause, and limits behind a proxy ----------------------------------


def test_a_code_asked_for_a_number_without_an_account_texts_nobody(client, mother, sms_outbox):
    """Anyone can type any number: the page answers the same, and only an account holder
    gets a text."""
    unknown = client.post("/accounts/login/code/", {"phone": "13900009999"})
    client.cookies.clear()  # another visit
    known = client.post("/accounts/login/code/", {"phone": "13800000001"})
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert [m["phone"] for m in sms_outbox] == ["+8613800000001"]


def test_codes_are_capped_per_number_and_for_the_site_each_day(client, settings, sms_outbox):
    settings.SMS_DAILY_LIMIT_PER_NUMBER = 2
    settings.SMS_DAILY_LIMIT = 3
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "request_login_code": False}
    for i in range(3):
        UserFactory(phone=f"+861380000000{i + 1}")
    for _ in range(3):  # the third for the same number is over its cap
        client.cookies.clear()
        response = client.post("/accounts/login/code/", {"phone": "13800000001"})
        assert response.status_code == 302  # she sees the same page either way
    assert len(sms_outbox) == 2
    for phone in ("13800000002", "13800000003"):  # the site's third text, then none
        client.cookies.clear()
        client.post("/accounts/login/code/", {"phone": phone})
    assert [m["phone"] for m in sms_outbox][2:] == ["+8613800000002"]


def test_behind_the_proxy_one_clients_wrong_passwords_do_not_lock_out_another(
    client, settings, mother
):
    """Two mothers behind one proxy (it appends their addresses to X-Forwarded-For): a
    stranger's wrong passwords use up her own limit, not the other mother's."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    stranger = {"HTTP_X_FORWARDED_FOR": "10.1.1.1", "REMOTE_ADDR": "127.0.0.1"}
    neighbour = {"HTTP_X_FORWARDED_FOR": "10.2.2.2", "REMOTE_ADDR": "127.0.0.1"}
    other = UserFactory(phone="+8613800000002")
    for _ in range(12):  # past the 10 a minute per address
        client.post("/accounts/login/", {"login": "13800000002", "password": "x"}, **stranger)
    refused = client.post(
        "/accounts/login/", {"login": "13800000002", "password": PASSWORD}, **stranger
    )
    assert refused.status_code in (200, 429) and "_auth_user_id" not in client.session
    response = client.post(
        "/accounts/login/", {"login": "13800000001", "password": PASSWORD}, **neighbour
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert client.session["_auth_user_id"] == str(mother.pk)
    # Her account's own lockout still holds, whatever address the stranger comes from.
    client.logout()
    for number in range(6):
        client.post(
            "/accounts/login/",
            {"login": "13800000002", "password": "x"},
            HTTP_X_FORWARDED_FOR=f"10.3.3.{number}",
            REMOTE_ADDR="127.0.0.1",
        )
    locked = client.post(
        "/accounts/login/",
        {"login": "13800000002", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="10.9.9.9",
        REMOTE_ADDR="127.0.0.1",
    )
    assert "_auth_user_id" not in client.session, other
    assert locked.status_code in (200, 429)


def test_the_check_page_counts_the_client_behind_the_proxy(client, settings):
    from django.test import RequestFactory

    from lms.core.client import client_ip

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="10.1.1.1", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "10.1.1.1"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"  # no proxy configured: the header is not trusted


def test_the_admin_login_sends_staff_to_the_site_login_and_back(client, mother):
    from django.contrib.auth.models import Permission

    mother.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    # There she logs in with her mobile number, and lands where she was going.
    response = client.post(
        "/accounts/login/?next=/admin/pages/", {"login": "13800000001", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"


def test_a_login_lasts_thirty_days_on_her_phone(client, mother, settings):
    response = login(client, "13800000001")
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    # Not a session cookie that dies with the browser: it carries its 30 days.
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE == 30 * 24 * 60 * 60


def test_sms_code_login_with_a_six_digit_code_on_the_number_pad(client, mother, sms_outbox):
    page = client.get("/accounts/login/code/").content.decode()
    assert 'type="tel"' in page and 'name="email"' not in page  # her number only
    assert "/accounts/login/" in page  # and the way back to the password
    response = client.post("/accounts/login/code/", {"phone": "138 0000 0001"}, follow=True)
    page = response.content.decode()
    assert 'inputmode="numeric"' in page and 'autocomplete="one-time-code"' in page
    assert 'value="resend"' in page  # a new code can be asked for
    [text] = sms_outbox
    code = re.search(r"\d{6}", text["message"]).group(0)
    assert re.fullmatch(r"\d{6}", code)
    wrong = client.post("/accounts/login/code/confirm/", {"code": "000000"}).content.decode()
    assert wrong.count('class="errorlist"') == 1  # said once
    response = client.post("/accounts/login/code/confirm/", {"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(mother.pk)
