"""Every write on the ladder: sign-off, issuance (automatic or approved), revocation,
re-issue, expiry and reminders, observed co-facilitation, and the PDF. Split by subject; the
public names are here."""

from .credentials import credential_issue, credential_reissue, credentials_revoke
from .documents import certificate_pdf_bytes, certificate_render_pdf, verification_url
from .issuance import (
    approval_decide,
    approval_request_open,
    certificate_award_if_ready,
    certificate_issue,
    certificate_reissue,
    design_snapshot,
)
from .observations import observation_record
from .revocation import certificate_expiry_reminders_send, certificate_revoke, certificates_expire
from .sign_off import sign_off_create

__all__ = [
    "certificate_pdf_bytes",
    "approval_decide",
    "approval_request_open",
    "certificate_award_if_ready",
    "certificate_expiry_reminders_send",
    "certificate_issue",
    "certificate_reissue",
    "certificate_render_pdf",
    "certificate_revoke",
    "certificates_expire",
    "credential_issue",
    "credential_reissue",
    "credentials_revoke",
    "design_snapshot",
    "observation_record",
    "sign_off_create",
    "verification_url",
]
