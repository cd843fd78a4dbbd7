"""Open Badges 3.0 credentials: one signed with every certificate (in the transaction that
issues it, so no certificate is ever without one), revoked with the certificate, and
re-issued (the old one revoked) when the command asks. Signing is openbadgeslib's
(eddsa-rdfc-2022 Data Integrity proof); what the credential says is credentials/documents.py."""

from django.db import transaction
from django.utils import timezone
from openbadgeslib.ob3 import OB3LdpSigner

from lms.core.caching import bump, learner_changed

from ..credentials.documents import credential_model, verification_method
from ..credentials.keys import signing_key
from ..credentials.status import STATUS_GENERATION
from ..models import Certificate, CertificateStatus, Credential
from ..readiness import level_in_ladder


@transaction.atomic
def credential_issue(*, certificate) -> tuple[Credential, bool]:
    """Her certificate's current credential: (credential, created). Signs a new one only when
    there is none; a revoked certificate gets none."""
    certificate = Certificate.objects.select_for_update(of=("self",)).get(pk=certificate.pk)
    current = certificate.credentials.filter(revoked_at__isnull=True).first()
    if current is not None or certificate.status == CertificateStatus.REVOKED:
        return current, False
    pem, key = signing_key()
    # The row first: its number is her bit in the revocation list the credential names.
    credential = Credential.objects.create(certificate=certificate, key=key)
    unsigned = credential_model(credential, level_in_ladder(certificate.level))
    signer = OB3LdpSigner(pem, verification_method=verification_method(key))
    credential.document = signer.sign(unsigned, created=timezone.now())
    credential.save(update_fields=["document"])
    return credential, True


@transaction.atomic
def credential_reissue(*, certificate) -> Credential | None:
    """A new credential for the certificate (e.g. signed with a new key); the old one is
    revoked, so its bit is set in the list."""
    credentials_revoke(certificate=certificate)
    credential, _created = credential_issue(certificate=certificate)
    learner_changed([certificate.learner_id])  # her pages and the check page link the new one
    return credential


def credentials_revoke(*, certificate) -> int:
    """Revoke the certificate's credentials: their bits go up in the status list at once."""
    count = Credential.objects.filter(certificate=certificate, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if count:
        bump(STATUS_GENERATION)
    return count
