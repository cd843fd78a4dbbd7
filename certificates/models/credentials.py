"""Open Badges 3.0 credentials: the signed form of a certificate that anyone can check without
trusting this site, and the public keys they are signed with."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IssuerKey(models.Model):
    """A public key the academy has signed credentials with. Recorded the first time a key
    signs, and never deleted: after the signing key is rotated the old one stays published in
    the issuer's DID document, so the credentials it signed still verify."""

    key_id = models.CharField(_("key id"), max_length=64, unique=True)
    public_key_multibase = models.CharField(_("public key (Multikey)"), max_length=100, unique=True)
    first_used_at = models.DateTimeField(_("first used"), default=timezone.now)

    class Meta:
        verbose_name = _("credential signing key")
        verbose_name_plural = _("credential signing keys")
        ordering = ["-first_used_at", "-pk"]

    def __str__(self):
        return self.key_id


class Credential(models.Model):
    """The signed Open Badges credential of a certificate. Its row number is its bit in the
    revocation status list (list pk // size, bit pk % size), so no counter is needed. A
    certificate has one current credential; re-issuing revokes the old one (its bit is set)."""

    certificate = models.ForeignKey(
        "Certificate",
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="credentials",
    )
    uid = models.UUIDField(_("public id"), unique=True, default=uuid.uuid4, editable=False)
    key = models.ForeignKey(
        IssuerKey, verbose_name=_("signed with"), on_delete=models.PROTECT, related_name="+"
    )
    document = models.JSONField(_("signed credential"), default=dict)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    # Set when the certificate is revoked or this credential is replaced by a new one.
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("Open Badges credential")
        verbose_name_plural = _("Open Badges credentials")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate"],
                condition=Q(revoked_at__isnull=True),
                name="one_current_credential_per_certificate",
            )
        ]
        indexes = [
            models.Index(
                fields=["id"], condition=Q(revoked_at__isnull=False), name="revoked_credentials"
            )
        ]

    def __str__(self):
        return str(self.uid)
