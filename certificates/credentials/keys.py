"""The academy's signing key for Open Badges credentials, and the public keys it publishes.

The private key comes from settings (PEM text, or a PEM file made on first use where
OPEN_BADGES_GENERATE_KEY allows it). Its public half is recorded as an IssuerKey the first time
it signs; the issuer's DID document lists every recorded key, so rotating the key keeps the
credentials signed with an older one verifiable."""

import contextlib
import functools
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from openbadgeslib.ob3 import multikey_from_pem

from ..models import IssuerKey


def new_private_key_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def write_private_key(path: Path) -> None:
    """A new key in a file only its owner reads; never over an existing one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(new_private_key_pem())


def private_key_pem() -> bytes:
    text = settings.OPEN_BADGES_SIGNING_KEY
    if text:
        return text.replace("\\n", "\n").encode()
    path = Path(settings.OPEN_BADGES_SIGNING_KEY_FILE)
    if not path.is_file():
        if not settings.OPEN_BADGES_GENERATE_KEY:
            raise ImproperlyConfigured(
                "No Open Badges signing key: set OPEN_BADGES_SIGNING_KEY or "
                "OPEN_BADGES_SIGNING_KEY_FILE."
            )
        with contextlib.suppress(FileExistsError):  # another process made it first
            write_private_key(path)
    return path.read_bytes()


@functools.lru_cache(maxsize=8)
def _public_parts(pem: bytes) -> tuple[str, str]:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("The Open Badges signing key must be an Ed25519 key.")
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    multikey = multikey_from_pem(public_pem)
    return f"key-{hashlib.sha256(multikey.encode()).hexdigest()[:12]}", multikey


def signing_key() -> tuple[bytes, IssuerKey]:
    """(private key PEM, its IssuerKey row), recording the row the first time."""
    pem = private_key_pem()
    key_id, multikey = _public_parts(pem)
    row = IssuerKey.objects.filter(public_key_multibase=multikey).first()
    if row is None:
        try:
            with transaction.atomic():
                row = IssuerKey.objects.create(key_id=key_id, public_key_multibase=multikey)
        except IntegrityError:  # recorded meanwhile by another process
            row = IssuerKey.objects.get(public_key_multibase=multikey)
    return pem, row
