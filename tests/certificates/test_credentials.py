"""Every certificate is also an Open Badges 3.0 credential that a verifier elsewhere accepts:
checked with an independent verifier (tests/certificates/independent_verifier.py), which is
first proven on the W3C eddsa-rdfc-2022 test vector."""

import copy
import datetime
import hashlib
import json
import re
import zlib
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from certificates.credentials.keys import new_private_key_pem
from certificates.models import Credential, IssuerKey
from certificates.services import (
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
    credential_reissue,
)
from tests.certificates.independent_verifier import Failed, Verifier, public_key
from tests.factories import UserFactory, make_ladder, staff_user

pytestmark = pytest.mark.django_db
VECTORS = Path(__file__).parent / "fixtures" / "vc_di_eddsa"


@pytest.fixture
def verifier(client):
    """The independent verifier, reaching the site through the test client."""

    def fetch(url):
        path = url.split("://", 1)[1].split("/", 1)[1]
        response = client.get("/" + path)
        assert response.status_code == 200, url
        return response.content

    return Verifier(fetch)


@pytest.fixture
def issued(learner, ladder):
    certificate, _created = certificate_issue(learner=learner, level=ladder.primary)
    return certificate


def current(certificate) -> Credential:
    return certificate.credentials.get(revoked_at__isnull=True)


def test_the_independent_verifier_accepts_the_w3c_test_vector_and_refuses_it_changed():
    vector = json.loads((VECTORS / "signed-credential.json").read_text())
    key = public_key(json.loads((VECTORS / "key-pair.json").read_text())["publicKeyMultibase"])
    Verifier().verify_proof(vector, key)
    changed = copy.deepcopy(vector)
    changed["credentialSubject"]["alumniOf"] = "Another School"
    with pytest.raises(Failed, match="signature"):
        Verifier().verify_proof(changed, key)


def test_a_certificate_comes_with_a_credential_any_verifier_accepts(issued, learner, verifier):
    document = current(issued).document
    assert verifier.verify(document) == {
        "signature": True,
        "not_yet_valid": False,
        "expired": False,
        "revoked": False,
    }
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["@context"][:2] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert document["issuer"]["id"] == "did:web:testserver"
    achievement = document["credentialSubject"]["achievement"]
    assert "初级陪伴妈妈" in achievement["name"]
    assert achievement["achievementType"] == "Certificate"
    assert "Complete a course" in achievement["criteria"]["narrative"]
    assert "学完一门课程" in achievement["criteria"]["narrative"]  # the same, in Chinese
    issued_utc = issued.issued_at.astimezone(datetime.UTC)
    assert document["validFrom"] == f"{issued_utc:%Y-%m-%dT%H:%M:%S}Z"
    assert "validUntil" not in document  # this level never expires
    # Her phone number and name are not in it: a salted hash of the number identifies her.
    text = json.dumps(document, ensure_ascii=False)
    assert learner.phone not in text and learner.display_name not in text
    (identifier,) = document["credentialSubject"]["identifier"]
    assert identifier["hashed"] is True and identifier["identityType"] == "phoneNumber"
    digest = hashlib.sha256((learner.phone + identifier["salt"]).encode()).hexdigest()
    assert identifier["identityHash"] == f"sha256${digest}"


def test_names_and_description_are_in_chinese_and_english(learner, ladder, verifier):
    english_locale, _ = Locale.objects.get_or_create(language_code="en")
    english = ladder.primary.copy_for_translation(english_locale)
    english.name = "Primary companion mother"
    english.save()
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    achievement = current(certificate).document["credentialSubject"]["achievement"]
    assert achievement["name"] == "初级陪伴妈妈 · Primary companion mother"
    assert "A certificate of the companion mothers' training ladder." in achievement["description"]
    assert verifier.verify(current(certificate).document)["signature"]


def test_one_changed_field_fails_the_signature(issued, verifier):
    document = copy.deepcopy(current(issued).document)
    document["validUntil"] = "2099-12-31T23:59:59Z"
    with pytest.raises(Failed, match="signature"):
        verifier.verify(document)


def test_a_revoked_certificate_reports_revoked_at_once(issued, province, verifier, client):
    credential = current(issued)
    assert verifier.verify(credential.document)["revoked"] is False  # the list is now cached
    certificate_revoke(certificate=issued, actor=staff_user(province), reason="错误签发")
    assert verifier.verify(credential.document)["revoked"] is True
    response = client.get(reverse("credentials:status_list", args=[0]))
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Content-Type"] == "application/vc"


def test_an_expired_credential_reports_expired(learner, site_pages, verifier, client):
    _home, index = site_pages
    ladder = make_ladder(index, validity_months=12)
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    document = current(certificate).document
    assert document["validUntil"]
    assert verifier.verify(document)["expired"] is False
    later = timezone.now() + datetime.timedelta(days=400)
    assert verifier.verify(document, now=later)["expired"] is True
    with time_machine.travel(later):
        assert "Expired on" in _check(client, json.dumps(document))


def _check(client, content, name="credential.json", language="en"):
    with translation.override(language):
        url = reverse("certificates:check_credential")
        data = content if isinstance(content, bytes) else content.encode()
        response = client.post(url, {"file": SimpleUploadedFile(name, data)})
    assert response.status_code in (200, 400)
    return response.content.decode()


def test_reissue_revokes_the_old_credential_and_signs_a_new_one(issued, province, verifier):
    old = current(issued)
    new_certificate = certificate_reissue(
        certificate=issued, actor=staff_user(province), reason="名字改正"
    )
    assert verifier.verify(old.document)["revoked"] is True
    assert verifier.verify(current(new_certificate).document)["revoked"] is False
    first = current(new_certificate)
    again = credential_reissue(certificate=new_certificate)  # e.g. after a key rotation
    assert current(new_certificate) == again != first
    assert verifier.verify(first.document)["revoked"] is True
    assert verifier.verify(again.document)["revoked"] is False


def test_credentials_signed_before_a_key_rotation_still_verify(issued, learner, ladder, verifier):
    before = current(issued).document
    with override_settings(OPEN_BADGES_SIGNING_KEY=new_private_key_pem().decode()):
        other = UserFactory()
        certificate, _ = certificate_issue(learner=other, level=ladder.primary)
        after = current(certificate).document
        assert verifier.verify(after)["signature"]
        assert verifier.verify(before)["signature"]
    assert IssuerKey.objects.count() == 2
    assert before["proof"]["verificationMethod"] != after["proof"]["verificationMethod"]


def test_the_issuer_profile_lists_its_keys_as_multikeys_under_assertion_method(issued, client):
    response = client.get("/.well-known/did.json")
    did = response.json()
    assert did["id"] == "did:web:testserver"
    assert did["@context"] == [
        "https://www.w3.org/ns/did/v1",
        "https://w3id.org/security/multikey/v1",
    ]
    (method,) = did["verificationMethod"]
    assert method["type"] == "Multikey" and method["publicKeyMultibase"].startswith("z6Mk")
    assert did["assertionMethod"] == [method["id"]]
    assert Verifier().undefined_terms(did) == []
    assert Verifier().undefined_terms(current(issued).document) == []
    # A term no context defines is caught (what JSON-LD safe mode refuses).
    assert Verifier().undefined_terms({**did, "assertionMethods": []}) == ["assertionMethods"]


def test_her_downloads_the_json_and_the_badge_with_the_credential_baked_in(issued, learner, client):
    client.force_login(learner)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert "Credential (.json)" in page and "Badge picture (.png)" in page
    response = client.get(reverse("certificates:credential", args=[issued.pk]))
    assert response["Content-Type"] == "application/vc"
    assert json.loads(response.content) == current(issued).document
    png = client.get(reverse("certificates:badge", args=[issued.pk])).content
    assert json.loads(_itxt(png, b"openbadgecredential")) == current(issued).document


def _itxt(png: bytes, keyword: bytes) -> str:
    """The text of a PNG iTXt chunk, read by hand (PNG spec 11.3.4.5)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at = 8
    while at < len(png):
        length = int.from_bytes(png[at : at + 4], "big")
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        at += 12 + length
        if kind == b"iTXt" and data.split(b"\0", 1)[0] == keyword:
            rest = data[len(keyword) + 1 :]
            compressed, text = rest[0], rest[2:].split(b"\0", 2)[2]
            return (zlib.decompress(text) if compressed else text).decode()
    raise AssertionError("no iTXt chunk")


def test_nobody_else_downloads_her_credential(issued, client, province):
    url = reverse("certificates:credential", args=[issued.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory(home_region=province))
    assert client.get(url).status_code == 404
    assert client.get(reverse("certificates:badge", args=[issued.pk])).status_code == 404


def test_the_check_page_links_the_credential(issued, client):
    page = client.get(reverse("certificates:verify", args=[issued.verification_code]))
    uid = current(issued).uid
    assert f'<link rel="alternate" type="application/vc" href="/credentials/{uid}.json">' in (
        page.content.decode()
    )
    assert json.loads(client.get(f"/credentials/{uid}.json").content) == current(issued).document


@pytest.mark.parametrize(
    ("language", "genuine", "signature"),
    [("en", "Genuine and valid", "nothing was changed"), ("zh-hans", "真实有效", "未被改动")],
)
def test_anyone_uploads_a_credential_and_reads_the_answer_in_her_language(
    issued, client, language, genuine, signature
):
    page = _check(client, json.dumps(current(issued).document), language=language)
    assert genuine in page and signature in page


def test_the_badge_picture_checks_too(issued, learner, client):
    client.force_login(learner)
    png = client.get(reverse("certificates:badge", args=[issued.pk])).content
    client.logout()
    response = client.post(
        reverse("certificates:check_credential"),
        {"file": SimpleUploadedFile("badge.png", png, content_type="image/png")},
    )
    assert "Genuine and valid" in response.content.decode()


def test_a_changed_or_revoked_or_foreign_credential_is_said_so(issued, client, province):
    document = copy.deepcopy(current(issued).document)
    document["credentialSubject"]["achievement"]["name"] = "高级"
    assert "the file was changed after it was issued" in _check(client, json.dumps(document))
    foreign = {**current(issued).document, "issuer": {"id": "did:web:elsewhere.example"}}
    assert "Not issued by this academy" in _check(client, json.dumps(foreign))
    original = json.dumps(current(issued).document)
    certificate_revoke(certificate=issued, actor=staff_user(province), reason="x")
    page = _check(client, original)
    assert "Revoked: this certificate is no longer valid." in page and "Not valid" in page


def test_a_credential_with_strange_contents_is_refused_in_words_not_an_error(issued, client):
    document = copy.deepcopy(current(issued).document)
    document["@context"] = [*document["@context"], "https://example.org/unknown-context"]
    assert "the file was changed after it was issued" in _check(client, json.dumps(document))
    document = copy.deepcopy(current(issued).document)
    document["credentialStatus"] = "nonsense"
    assert "the file was changed after it was issued" in _check(client, json.dumps(document))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "This file is not a credential."),
        ('{"a": 1}', "This file has no signed credential in it."),
        (b"\x89PNG\r\n\x1a\nbroken", "This picture has no credential baked into it."),
    ],
)
def test_a_file_that_is_no_credential_gets_a_clear_message(client, content, message):
    page = _check(client, content)
    assert message in page


def test_the_command_issues_credentials_to_certificates_that_have_none(issued, verifier):
    Credential.objects.all().delete()
    call_command("credentials_issue", verbosity=0)
    assert verifier.verify(current(issued).document)["signature"]
    call_command("credentials_issue", verbosity=0)  # again: nothing twice
    assert issued.credentials.count() == 1


def test_staff_see_the_credentials_of_a_certificate_in_the_admin(issued, client, province):
    staff = staff_user(province)
    first = current(issued)
    credential_reissue(certificate=issued)
    client.force_login(staff)
    page = client.get(reverse("certificates_admin:detail", args=[issued.pk])).content.decode()
    assert f"/credentials/{first.uid}.json" in page
    assert f"/credentials/{current(issued).uid}.json" in page
    # The admin speaks her language (Chinese unless she chose English).
    assert re.search(r"revoked on \d{4}-\d\d-\d\d|已于 \d{4}-\d\d-\d\d \S+ 撤销", page)
