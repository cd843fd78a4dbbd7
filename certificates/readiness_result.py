"""What the readiness engine answers for one learner on one level (readiness.py puts it
together): her checks, the certificates she holds, lapsed or had revoked, the approval queue,
and what follows from them (ready, percent, what is missing, whether a sign-off is open)."""

from dataclasses import dataclass, field

from .models import (
    ApprovalStatus,
    Certificate,
    CertificateStatus,
    CertificationLevel,
    LevelRequirement,
    RequirementKind,
)


def _has_kind(requirements, kind):
    return any(r.kind == kind for r in requirements)


def _implicit(level, kind):
    """A requirement the rules add without a row: the prerequisite, or a fresh sign-off to
    recertify or after a decline."""
    requirement = LevelRequirement(level=level, kind=kind, count=1)
    requirement.level = level
    return requirement


@dataclass
class Readiness:
    learner_id: int
    level: CertificationLevel
    checks: list = field(default_factory=list)
    certificate: Certificate | None = None  # held now (valid, not expired)
    lapsed: Certificate | None = None  # her latest of this level, expired
    revoked: Certificate | None = None  # her latest of this level, revoked (staff decide)
    pending_approval: bool = False
    declined: bool = False  # staff declined her latest request for this level

    @property
    def is_held(self):
        return self.certificate is not None

    @property
    def is_ready(self):
        return bool(self.checks) and all(c.met for c in self.checks)

    @property
    def is_held_or_ready(self):
        """Counts as ready for the level: she holds it, or meets everything it asks."""
        return self.is_held or self.is_ready

    @property
    def needs_fresh_sign_off(self):
        """Recertifying, or asking again after a decline: her mentor signs her off anew, even
        where the level does not otherwise ask for it."""
        return self.lapsed is not None or self.declined

    @property
    def needs_recertification(self):
        return self.certificate is None and self.lapsed is not None

    @property
    def missing(self):
        return [c for c in self.checks if not c.met]

    @property
    def percent(self) -> int:
        if self.is_held:
            return 100
        if not self.checks:
            return 0
        return int(100 * sum(c.fraction for c in self.checks) / len(self.checks))

    @property
    def sign_off_open(self) -> bool:
        """Her mentor may sign her off now: the level asks for it, she has not got it, and
        every other requirement is met (the sign-off comes last)."""
        asked = [c for c in self.checks if c.kind == RequirementKind.SIGN_OFF]
        return (
            bool(asked)
            and not all(c.met for c in asked)
            and self.others_met(RequirementKind.SIGN_OFF)
            and not self.is_held
            and self.revoked is None
        )

    @property
    def missing_before_sign_off(self) -> list:
        return [c for c in self.missing if c.kind != RequirementKind.SIGN_OFF]

    @property
    def asks_sign_off(self) -> bool:
        return any(c.kind == RequirementKind.SIGN_OFF for c in self.checks)

    def others_met(self, kind) -> bool:
        """Every requirement other than those of `kind` is met (sign-off comes last)."""
        return all(c.met for c in self.checks if c.kind != kind)

    def key(self):
        return (
            self.learner_id,
            self.level.pk,
            getattr(self.certificate, "pk", None),
            getattr(self.lapsed, "pk", None),
            getattr(self.revoked, "pk", None),
            self.pending_approval,
            self.declined,
            [c.key() for c in self.checks],
        )

    def take_certificates(self, certificates, today):
        """Sort her certificates of this level (newest first) into held, lapsed, revoked."""
        for certificate in certificates:
            if certificate.is_current(today):
                self.certificate = certificate
                break
        latest = certificates[0] if certificates else None
        if self.certificate is None and latest is not None:
            if latest.status == CertificateStatus.REVOKED:
                self.revoked = latest
            else:
                self.lapsed = latest

    def take_approval(self, latest_status, any_pending):
        self.pending_approval = any_pending
        self.declined = latest_status == ApprovalStatus.DECLINED

    def requirements(self):
        """The level's requirements for her, with a fresh sign-off added when she needs one."""
        reqs = self.level.reqs
        if self.needs_fresh_sign_off and not _has_kind(reqs, RequirementKind.SIGN_OFF):
            reqs = [*reqs, _implicit(self.level, RequirementKind.SIGN_OFF)]
        return reqs
