"""What a credential says, built with openbadgeslib's Open Badges 3.0 model: the issuer (a
did:web of the site's public address, whose DID document lists the signing keys), the
achievement of the level (names, description and criteria in Chinese and English), her
salted-hash identifier, the dates, and her bit in the revocation list."""

import secrets
from datetime import datetime, time
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openbadgeslib.ob3 import (
    Achievement,
    IdentityObject,
    Issuer,
    OpenBadgeCredential,
    status_entry,
)

from lms.core.links import public_url
from lms.core.translation import localized

from ..models import CertificateSettings, IssuerKey
from ..requirements import unit_for

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]
# Bits per status list: the W3C minimum, so a list's population hides in a large crowd.
STATUS_LIST_SIZE = 131072


def issuer_did() -> str:
    """did:web of the public address: https://host[:port] resolves at /.well-known/did.json."""
    parts = urlsplit(settings.PUBLIC_BASE_URL)
    segments = [quote(parts.netloc, safe="")]
    segments += [quote(s, safe="") for s in parts.path.split("/") if s]
    return "did:web:" + ":".join(segments)


def verification_method(key: IssuerKey) -> str:
    return f"{issuer_did()}#{key.key_id}"


def did_document() -> dict:
    """The issuer's controller document: every key it has signed with, as Multikey verification
    methods, each allowed to assert credentials."""
    did = issuer_did()
    methods = [
        {
            "id": verification_method(key),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.public_key_multibase,
        }
        for key in IssuerKey.objects.order_by("-first_used_at", "-pk")
    ]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def issuer_profile() -> Issuer:
    design = CertificateSettings.load()
    return Issuer(
        id=issuer_did(),
        name=_both(design.programme_name, design.programme_name_en),
        url=public_url("/"),
    )


def achievement_url(level) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return public_url(reverse("credentials:achievement", args=[level.slug]))


def achievement(level) -> Achievement:
    """The level as an achievement: the same for every holder, in both languages."""
    texts = {}
    for language in ("zh-hans", "en"):  # the credential carries both, whoever reads it
        with translation.override(language):
            named = localized(level, language)
            criteria = "\n".join(
                f"- {unit_for(requirement.kind).heading(requirement)}"
                for requirement in getattr(level, "reqs", None) or level.requirements.all()
            )
            texts[language] = {
                "name": named.name,
                "description": named.description
                or _("A certificate of the companion mothers' training ladder."),
                "criteria": _("Requirements met:") + "\n" + criteria,
            }
    zh, en = texts["zh-hans"], texts["en"]
    return Achievement(
        id=achievement_url(level),
        name=_both(zh["name"], en["name"]),
        description=zh["description"] + "\n\n" + en["description"],
        criteria_narrative=zh["criteria"] + "\n\n" + en["criteria"],
        achievement_type="Certificate",
    )


def status_list_number(index: int) -> int:
    return index // STATUS_LIST_SIZE


def status_list_url(number: int) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return public_url(reverse("credentials:status_list", args=[number]))


def credential_model(credential, level) -> OpenBadgeCredential:
    """The unsigned credential of a Credential row (its pk is its status bit)."""
    certificate = credential.certificate
    learner = certificate.learner
    identifier = learner.phone or learner.email or f"user:{learner.pk}"
    identity_type = (
        "phoneNumber" if learner.phone else "emailAddress" if learner.email else "accountId"
    )
    index = credential.pk
    until = None
    if certificate.expires_on:  # valid through its last day, in the programme's time zone
        until = timezone.make_aware(datetime.combine(certificate.expires_on, time.max))
    return OpenBadgeCredential(
        issuer=issuer_profile(),
        recipient_id=None,
        achievement=achievement(level),
        id=f"urn:uuid:{credential.uid}",
        name=_both(certificate.design.get("level_name"), certificate.design.get("level_name_en")),
        issuance_date=certificate.issued_at.replace(microsecond=0),
        expiration_date=until.replace(microsecond=0) if until else None,
        identifiers=[
            IdentityObject.create(
                str(identifier), salt=secrets.token_hex(8), identity_type=identity_type
            )
        ],
        credential_status=[
            status_entry(
                status_list_url(status_list_number(index)),
                "revocation",
                index % STATUS_LIST_SIZE,
            )
        ],
    )


def _both(chinese, english) -> str:
    chinese, english = (chinese or "").strip(), (english or "").strip()
    if not english or english == chinese:
        return chinese or english
    return f"{chinese} · {english}" if chinese else english
