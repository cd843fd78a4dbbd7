"""The certification ladder and what people earn on it. Split by subject; the public names
are here."""

from ..requirements import RequirementKind
from .credentials import Credential, IssuerKey
from .design import CertificateSettings
from .ladder import CertificationLevel, Issuance, LevelRequirement
from .records import (
    ApprovalRequest,
    ApprovalStatus,
    Certificate,
    CertificateStatus,
    FacilitationObservation,
    SignOff,
    _new_verification_code,  # noqa: F401 - the migrations name it by this module
    certificate_pdf_path,
    current_certificates_q,
    open_sign_offs_q,
)

__all__ = [
    "ApprovalRequest",
    "ApprovalStatus",
    "Certificate",
    "CertificateSettings",
    "CertificateStatus",
    "CertificationLevel",
    "Credential",
    "FacilitationObservation",
    "Issuance",
    "IssuerKey",
    "LevelRequirement",
    "RequirementKind",
    "SignOff",
    "certificate_pdf_path",
    "current_certificates_q",
    "open_sign_offs_q",
]
