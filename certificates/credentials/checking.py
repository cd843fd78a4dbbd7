"""Checking a credential file someone uploads on the public check page: is it ours, is the
signature right, is it within its dates, has it been revoked? Each answer in plain words.

The signature and the JSON-LD form are openbadgeslib's verifier, given the public key this
site published for the proof's verification method; the status is read from the same signed
list a verifier elsewhere would fetch."""

import json
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from openbadgeslib.ob3 import (
    OB3LdpVerifier,
    OB3VerificationError,
    decode_encoded_list,
    resolve_did,
    set_indices,
)

from ..models import IssuerKey
from .badge import unbaked
from .documents import issuer_did, status_list_url
from .status import status_list_json

MAX_UPLOAD = 1024 * 1024


class Unreadable(Exception):
    """Not a credential file: said to the person in her language."""


@dataclass
class Finding:
    ok: bool
    title: str
    text: str


def credential_from_upload(data: bytes) -> dict:
    if len(data) > MAX_UPLOAD:
        raise Unreadable(_("This file is too large to be a credential (at most 1 MB)."))
    if data.startswith(b"\x89PNG"):
        try:
            text = unbaked(data)
        except Exception:  # noqa: BLE001 - any damage to the image means the same to her
            text = None
        if not text:
            raise Unreadable(_("This picture has no credential baked into it."))
        data = text.encode()
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Unreadable(
            _("This file is not a credential. Choose the .json file or the badge picture.")
        ) from None
    if not isinstance(document, dict) or "proof" not in document:
        raise Unreadable(_("This file has no signed credential in it."))
    return document


def credential_check(document: dict) -> list[Finding]:
    """Four findings (issuer, signature, dates, status); the later ones only when the
    earlier ones allow them to be known."""
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    proof = document.get("proof") if isinstance(document.get("proof"), dict) else {}
    method = str(proof.get("verificationMethod", ""))
    did, _sep, key_id = method.partition("#")
    key = None
    if issuer_id == issuer_did() and did == issuer_id:
        key = IssuerKey.objects.filter(key_id=key_id).first()
    if key is None:
        return [
            Finding(
                False,
                _("Issuer"),
                _("Not issued by this academy: this page can only check its own credentials."),
            )
        ]
    findings = [Finding(True, _("Issuer"), _("Issued by this academy."))]
    try:
        OB3LdpVerifier(pubkey_pem=_pem(key)).verify(document)
    except OB3VerificationError as exc:
        # The library checks the dates after the signature and says so in these words: a
        # credential outside its dates was signed right, and the dates finding says the rest.
        if not str(exc).startswith(("Credential has expired", "Credential is not yet valid")):
            findings.append(
                Finding(
                    False,
                    _("Signature"),
                    _("The signature does not match: the file was changed after it was issued."),
                )
            )
            return findings
    findings.append(
        Finding(True, _("Signature"), _("The signature is right: nothing was changed."))
    )
    findings.append(_dates(document))
    findings.append(_status(document))
    return findings


def _dates(document) -> Finding:
    now = timezone.now()
    start = _parse(document.get("validFrom"))
    until = _parse(document.get("validUntil"))
    if start and start > now:
        return Finding(False, _("Dates"), _("Not valid yet: it starts on %(date)s.") % _on(start))
    if until and until < now:
        return Finding(False, _("Dates"), _("Expired on %(date)s.") % _on(until))
    if until:
        return Finding(True, _("Dates"), _("Valid until %(date)s.") % _on(until))
    return Finding(True, _("Dates"), _("Valid, with no end date."))


def _status(document) -> Finding:
    entry = document.get("credentialStatus")
    entry = entry[0] if isinstance(entry, list) and entry else entry
    try:
        index = int(entry["statusListIndex"])
        url = entry["statusListCredential"]
        number = int(url.rstrip("/").rsplit("/", 1)[-1])
        if status_list_url(number) != url:
            raise ValueError(url)
        listed = json.loads(status_list_json(number))
        revoked = index in set_indices(
            decode_encoded_list(listed["credentialSubject"]["encodedList"])
        )
    except (KeyError, TypeError, ValueError, IndexError, OB3VerificationError):
        return Finding(False, _("Status"), _("Its revocation status cannot be read."))
    if revoked:
        return Finding(False, _("Status"), _("Revoked: this certificate is no longer valid."))
    return Finding(True, _("Status"), _("Not revoked."))


def _pem(key) -> bytes:
    """The published Multikey as PEM (an Ed25519 Multikey is also its own did:key)."""
    return resolve_did("did:key:" + key.public_key_multibase)


def _parse(value):
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def _on(moment):
    return {"date": timezone.localtime(moment).date().isoformat()}
