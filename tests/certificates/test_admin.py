"""Editors keep the ladder in the admin; the certificate design is a setting."""

import pytest
from django.urls import reverse

from certificates.models import CertificationLevel
from tests.factories import UserFactory, zh

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, db):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def test_the_ladder_and_its_requirements_open_in_the_admin(client, editor, ladder):
    listing = client.get(reverse("wagtailsnippets_certificates_certificationlevel:list"))
    assert listing.status_code == 200
    assert "初级陪伴妈妈" in listing.content.decode()
    edit = client.get(
        reverse("wagtailsnippets_certificates_certificationlevel:edit", args=[ladder.trainer.pk])
    )
    assert edit.status_code == 200
    assert zh("Co-facilitate sessions, observed and rated") in edit.content.decode()


def test_a_requirement_without_its_quiz_is_refused(client, editor, ladder):
    from certificates.models import LevelRequirement

    requirement = LevelRequirement(level=ladder.primary, kind="quiz")
    with pytest.raises(Exception, match="needs one"):
        requirement.full_clean()
    requirement = LevelRequirement(level=ladder.primary, kind="contacts", quiz=ladder.quiz)
    with pytest.raises(Exception, match="Leave this empty"):
        requirement.full_clean()


def test_a_prerequisite_must_come_first(ladder):
    ladder.primary.prerequisite = ladder.trainer
    with pytest.raises(Exception, match="must come before"):
        ladder.primary.full_clean()
    assert CertificationLevel.objects.get(pk=ladder.primary.pk).prerequisite is None


def test_certificate_design_settings_open_in_the_admin(client, editor):
    response = client.get(
        reverse("wagtailsettings:edit", args=["certificates", "certificatesettings"]),
        follow=True,
    )
    assert response.status_code == 200
    assert zh("Certificate design") in response.content.decode()
