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
