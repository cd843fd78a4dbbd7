"""Reads for certificate pages: the checklist in words with links, the learner's
certificates, the verification page."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import get_language

from lms.core.caching import cached, learner_generation, memoized, valid_until
from lms.core.dates import end_of_today
from lms.core.translation import localized, localized_many

from .models import Certificate, Credential
from .readiness import LADDER_DEPENDS_ON, held_level_ids, ladder, next_level, readiness_for
from .requirements import ChecklistItem


def describe(check, *, learner_id=None, for_learner=True) -> ChecklistItem:
    """One requirement in words a mother understands, with where to go to close the gap."""
    return check.unit.describe(check, learner_id=learner_id, for_learner=for_learner)


@dataclass
class LevelChecklist:
    readiness: object
    level_name: str
    items: list

    @property
    def percent(self):
        return self.readiness.percent


def checklist(learner, level, *, for_learner=True) -> LevelChecklist:
    readiness = readiness_for(learner, level)
    return LevelChecklist(
        readiness=readiness,
        level_name=localized(readiness.level).name,
        items=[
            describe(c, learner_id=learner.pk, for_learner=for_learner) for c in readiness.checks
        ],
    )


def _kept_for(learner, name, compute, *key):
    """`compute()` about one learner, kept in memory until something of hers or the ladder
    changes, or the day does (certificates expire)."""
    valid_until(end_of_today())
    return memoized(
        (name, learner.pk, get_language(), timezone.localdate().isoformat(), *key),
        depends_on=(learner_generation(learner.pk), *LADDER_DEPENDS_ON),
        compute=compute,
    )


def next_level_checklist(learner, *, for_learner=True):
    """Her next level (the first she does not hold now) as a checklist, or None when she
    holds them all or no ladder is set up. Kept in memory between her changes."""
    return _kept_for(
        learner,
        "next-level-checklist",
        lambda: _next_level_checklist(learner, for_learner=for_learner),
        for_learner,
    )


def _next_level_checklist(learner, *, for_learner):
    levels = ladder()
    level = next_level(levels, held_level_ids(learner))
    if level is None:
        return None
    return checklist(learner, level, for_learner=for_learner)


def level_name(level) -> str:
    """The level's name in the reader's language."""
    return localized(level).name


def learner_certificates(learner):
    """Her certificates, newest first, with the level in her language. Three queries at
    most, whatever their number (none while kept in memory)."""
    return list(_kept_for(learner, "certificates", lambda: _learner_certificates(learner)))


def _learner_certificates(learner):
    certificates = list(
        Certificate.objects.filter(learner=learner)
        .select_related("level")
        .annotate(credential_uid=_current_credential_uid())
        .order_by("-issued_at", "-pk")
    )
    names = {pk: level.name for pk, level in localized_many(c.level for c in certificates).items()}
    for certificate in certificates:
        certificate.level_display = names[certificate.level_id]
    return certificates


def verification(code: str):
    """The certificate a public verification code opens, or None: kept in memory until its
    holder's records change (a revocation, a reissue) or the ladder does."""
    holder_id = cached(
        ("certificate-holder", code),
        depends_on=("certificate-codes",),
        compute=lambda: (
            Certificate.objects.filter(verification_code=code)
            .values_list("learner_id", flat=True)
            .first()
        ),
    )
    if holder_id is None:
        return None
    return memoized(
        ("verification", code),
        depends_on=(learner_generation(holder_id), "ladder"),
        compute=lambda: (
            Certificate.objects.filter(verification_code=code)
            .select_related("level")
            .annotate(credential_uid=_current_credential_uid())
            .only(
                "serial",
                "status",
                "holder_name",
                "issued_on",
                "expires_on",
                "revoked_at",
                "level__name",
                "level__translation_key",
                "level__locale_id",
                "design",
            )
            .first()
        ),
    )


def _current_credential_uid():
    return Subquery(
        Credential.objects.filter(certificate=OuterRef("pk"), revoked_at__isnull=True).values(
            "uid"
        )[:1]
    )
