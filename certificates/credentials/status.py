"""The signed revocation lists (W3C Bitstring Status List): bit n of list k is the credential
with row number k × size + n, set once it is revoked. A list is signed with the current key
and kept in the cache until a revocation bumps it; verifiers (and any proxy) may keep it for
OPEN_BADGES_STATUS_LIST_MAX_AGE seconds, so a revocation reaches them within a minute."""

import json
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from openbadgeslib.ob3 import add_data_integrity_proof, build_status_list_credential

from lms.core.caching import cached

from ..models import Credential
from .documents import STATUS_LIST_SIZE, issuer_did, status_list_url, verification_method
from .keys import signing_key

STATUS_GENERATION = "credential-status"
# A list says how long it may be trusted, so a stale copy replayed later is refused.
LIST_VALIDITY = timedelta(days=1)
CACHED_FOR = 60 * 60  # seconds: well within LIST_VALIDITY


def revoked_bits(number: int) -> list[int]:
    """The set bits of list `number`: one indexed query, however many credentials exist."""
    start = number * STATUS_LIST_SIZE
    rows = Credential.objects.filter(
        revoked_at__isnull=False, pk__gte=start, pk__lt=start + STATUS_LIST_SIZE
    ).values_list("pk", flat=True)
    return [pk - start for pk in rows]


def status_list_json(number: int) -> bytes:
    """The signed list as served (bytes), from the cache when nothing was revoked since."""
    return cached(
        ("status-list", number, settings.PUBLIC_BASE_URL),
        depends_on=(STATUS_GENERATION,),
        compute=lambda: _signed_list(number),
        timeout=CACHED_FOR,
    )


def _signed_list(number: int) -> bytes:
    now = timezone.now().replace(microsecond=0)
    unsigned = build_status_list_credential(
        issuer_did(),
        status_list_url(number),
        "revocation",
        revoked_bits(number),
        size_bits=STATUS_LIST_SIZE,
        issued=now,
        valid_until=now + LIST_VALIDITY,
        ttl=settings.OPEN_BADGES_STATUS_LIST_MAX_AGE * 1000,
    )
    pem, key = signing_key()
    signed = add_data_integrity_proof(unsigned, pem, verification_method(key), created=now)
    return json.dumps(signed, ensure_ascii=False, separators=(",", ":")).encode()
