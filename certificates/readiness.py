"""The readiness engine: the one place that decides whether a learner meets a level's
requirements, and what she still needs.

Two ways in, with the same answers (a test compares them over random data):
- `readiness_for(learner, level)`: one learner, requirement by requirement, with what is
  missing in words (the learner's page, her mentor's, sign-off, issuance);
- `readiness_bulk(learner_ids, level)`: a cohort or a province, set-based: one grouped query
  per requirement of the level, whatever the number of learners (dashboards).

Each kind of requirement is evaluated by its unit (certificates/requirements/), and the
answer for one learner is a `Readiness` (readiness_result.py, re-exported here); this module
loads the ladder, applies the rules around the requirements (certificates held, lapsed or
revoked, the approval queue, a fresh sign-off to recertify) and puts the answers together.
"""

from django.utils import timezone

from assessments.models import PracticalTask, Quiz, Rubric
from courses.models import CoursePage
from lms.core.caching import memoized
from lms.core.translation import default_locale

from .models import (
    ApprovalRequest,
    ApprovalStatus,
    Certificate,
    CertificateStatus,
    CertificationLevel,
    LevelRequirement,
    RequirementKind,
    current_certificates_q,
)
from .readiness_result import Readiness, _has_kind, _implicit
from .requirements import UNITS, Check

# --- The ladder ---------------------------------------------------------------------------


def ladder() -> list[CertificationLevel]:
    """The levels in the default language, in order, each with `.reqs` (its requirements, with
    their course, quiz, task and rubric in the default language). Kept in each process until a
    level, a requirement or a page changes (certificates/receivers.py); three queries when
    loaded. The levels are shared: read them, never change them."""
    return list(memoized(("ladder",), depends_on=LADDER_DEPENDS_ON, compute=_load_ladder))


# What the ladder's contents come from: its own rows, and the pages and snippets it names.
LADDER_DEPENDS_ON = ("ladder", "pages", "locales")


def _load_ladder():
    levels = list(
        CertificationLevel.objects.filter(locale=default_locale()).order_by("order", "pk")
    )
    requirements = list(
        LevelRequirement.objects.filter(level__in=levels).order_by("level_id", "sort_order", "pk")
    )
    _canonicalise_targets(requirements)
    by_level = {level.pk: level for level in levels}
    for level in levels:
        level.reqs = []
    for requirement in requirements:
        requirement.level = by_level[requirement.level_id]
        by_level[requirement.level_id].reqs.append(requirement)
    for level in levels:
        # The prerequisite always counts, whether or not editors listed it as a requirement.
        if level.prerequisite_id and not _has_kind(level.reqs, RequirementKind.PREREQUISITE):
            level.reqs.insert(0, _implicit(level, RequirementKind.PREREQUISITE))
        level.prerequisite = by_level.get(level.prerequisite_id, level.prerequisite)
    return levels


def level_in_ladder(level) -> CertificationLevel:
    """The default-language level, loaded as `ladder()` loads it."""
    key = getattr(level, "translation_key", None)
    for candidate in ladder():
        if candidate.pk == getattr(level, "pk", level) or candidate.translation_key == key:
            return candidate
    raise CertificationLevel.DoesNotExist


def _canonicalise_targets(requirements):
    """Editors may pick the English quiz or course: progress is recorded against the
    default-language one, so count against that. One query per kind of target at most."""
    default = default_locale()
    for attr, model in (("course", CoursePage), ("quiz", Quiz), ("task", PracticalTask)):
        ids = {getattr(r, f"{attr}_id") for r in requirements if getattr(r, f"{attr}_id")}
        if not ids:
            continue
        objects = model.objects.filter(pk__in=ids)
        if attr == "course":
            objects = objects.select_related(None)
        picked = {o.pk: o for o in objects}
        foreign = {o.translation_key for o in picked.values() if o.locale_id != default.pk}
        originals = (
            {
                o.translation_key: o
                for o in model.objects.filter(translation_key__in=foreign, locale=default)
            }
            if foreign
            else {}
        )
        for r in requirements:
            target = picked.get(getattr(r, f"{attr}_id"))
            if target is not None:
                target = originals.get(target.translation_key, target)
                setattr(r, attr, target)
    rubric_ids = {r.rubric_id for r in requirements if r.rubric_id}
    if rubric_ids:
        rubrics = Rubric.objects.in_bulk(rubric_ids)
        for r in requirements:
            if r.rubric_id:
                r.rubric = rubrics[r.rubric_id]


# --- One learner ---------------------------------------------------------------------------


def readiness_for(learner, level, *, today=None) -> Readiness:
    """Where one learner stands on one level (pass a level from `ladder()`, or any version
    of it). A few queries per requirement."""
    today = today or timezone.localdate()
    if not hasattr(level, "reqs"):
        level = level_in_ladder(level)
    learner_id = getattr(learner, "pk", learner)
    readiness = Readiness(learner_id=learner_id, level=level)
    readiness.take_certificates(
        list(
            Certificate.objects.filter(learner_id=learner_id, level=level).order_by(
                "-issued_at", "-pk"
            )
        ),
        today,
    )
    approvals = list(
        ApprovalRequest.objects.filter(learner_id=learner_id, level=level)
        .order_by("-requested_at", "-pk")
        .values_list("status", flat=True)
    )
    readiness.take_approval(
        approvals[0] if approvals else None, ApprovalStatus.PENDING in approvals
    )
    for requirement in readiness.requirements():
        unit = UNITS[requirement.kind]
        readiness.checks.append(unit.evaluate(learner_id, requirement, level, today))
    return readiness


# --- Many learners --------------------------------------------------------------------------


def readiness_bulk(learner_ids, level, *, today=None) -> dict[int, Readiness]:
    """Readiness of many learners on one level: {learner_id: Readiness}. `learner_ids` is a
    list or, better for thousands, a queryset of ids (it becomes a subquery). Queries: three
    for the ladder, two for certificates and approvals, and one per requirement (two for a
    course), whatever the number of learners."""
    today = today or timezone.localdate()
    if not hasattr(level, "reqs"):
        level = level_in_ladder(level)
    ids = list(learner_ids)
    learners = learner_ids if hasattr(learner_ids, "query") else ids
    result = {pk: Readiness(learner_id=pk, level=level) for pk in ids}

    certificates = {}
    for certificate in Certificate.objects.filter(learner_id__in=learners, level=level).order_by(
        "learner_id", "-issued_at", "-pk"
    ):
        certificates.setdefault(certificate.learner_id, []).append(certificate)
    approvals = {}
    for learner_id, status in (
        ApprovalRequest.objects.filter(learner_id__in=learners, level=level)
        .order_by("learner_id", "-requested_at", "-pk")
        .values_list("learner_id", "status")
    ):
        approvals.setdefault(learner_id, []).append(status)
    for pk, readiness in result.items():
        readiness.take_certificates(certificates.get(pk, []), today)
        statuses = approvals.get(pk, [])
        readiness.take_approval(
            statuses[0] if statuses else None, ApprovalStatus.PENDING in statuses
        )

    # A fresh sign-off is asked of some learners only (recertifying, after a decline): its
    # answers come from the same query as the level's own sign-off requirement.
    fresh = None
    if not _has_kind(level.reqs, RequirementKind.SIGN_OFF):
        fresh = _implicit(level, RequirementKind.SIGN_OFF)
    for requirement in [*level.reqs, *([fresh] if fresh else [])]:
        unit = UNITS[requirement.kind]
        found, default = unit.evaluate_bulk(learners, requirement, level, today)
        for pk, readiness in result.items():
            if requirement is fresh and not readiness.needs_fresh_sign_off:
                continue
            readiness.checks.append(Check(requirement, unit=unit, **found.get(pk, default)))
    return result


def held_or_ready_bulk(learner_ids, level, *, today=None) -> set[int]:
    """The learners among these who hold the level now or meet everything it asks: who
    readiness_bulk says `is_held_or_ready`, worked out as sets from the same units' answers
    without a Readiness for each (a province's overview asks it of 45,000 learners). The
    same queries as readiness_bulk."""
    today = today or timezone.localdate()
    if not hasattr(level, "reqs"):
        level = level_in_ladder(level)
    ids = set(learner_ids)
    learners = learner_ids if hasattr(learner_ids, "query") else list(ids)
    held, lapsed, seen = set(), set(), set()
    # Newest first, as take_certificates reads them: held if any is current; else her latest
    # lapsed unless it was revoked.
    for learner_id, status, expires_on in (
        Certificate.objects.filter(learner_id__in=learners, level=level)
        .order_by("learner_id", "-issued_at", "-pk")
        .values_list("learner_id", "status", "expires_on")
    ):
        if status == CertificateStatus.VALID and (expires_on is None or expires_on >= today):
            held.add(learner_id)
        if learner_id not in seen:
            seen.add(learner_id)
            if status != CertificateStatus.REVOKED:
                lapsed.add(learner_id)
    lapsed -= held
    declined, seen = set(), set()
    for learner_id, status in (
        ApprovalRequest.objects.filter(learner_id__in=learners, level=level)
        .order_by("learner_id", "-requested_at", "-pk")
        .values_list("learner_id", "status")
    ):
        if learner_id not in seen:
            seen.add(learner_id)
            if status == ApprovalStatus.DECLINED:
                declined.add(learner_id)
    fresh_needed = (lapsed | declined) & ids

    def met(requirement):
        return UNITS[requirement.kind].met_bulk(learners, requirement, level, today, ids)

    # She is ready with at least one check, every one met: the level's requirements, and a
    # fresh sign-off when she needs one and the level does not ask for a sign-off anyway.
    ready = set(ids) if level.reqs else set(fresh_needed)
    for requirement in level.reqs:
        ready &= met(requirement)
    if not _has_kind(level.reqs, RequirementKind.SIGN_OFF) and fresh_needed:
        ready -= fresh_needed - met(_implicit(level, RequirementKind.SIGN_OFF))
    return held | ready


def held_levels_bulk(learner_ids, *, today=None) -> dict[int, set]:
    """{learner_id: ids of the levels she holds now}. One query."""
    today = today or timezone.localdate()
    held = {}
    for learner_id, level_id in (
        Certificate.objects.filter(current_certificates_q(today), learner_id__in=learner_ids)
        .order_by()
        .values_list("learner_id", "level_id")
    ):
        held.setdefault(learner_id, set()).add(level_id)
    return held


def held_level_ids(learner, *, today=None) -> set:
    return held_levels_bulk([getattr(learner, "pk", learner)], today=today).get(
        getattr(learner, "pk", learner), set()
    )


def next_level(levels, held_ids):
    """The first level of the ladder she does not hold now."""
    return next((level for level in levels if level.pk not in held_ids), None)


def observation_rubric(session):
    """The rubric a co-facilitation of this session is rated on: the one the co-facilitation
    requirement of the session's level names (else of any level that names one), so that the
    rating counts toward that requirement. None when the ladder names none."""
    candidates = [
        (level.slug != session.level, requirement.rubric_id)
        for level in ladder()
        for requirement in level.reqs
        if requirement.rubric_id
    ]
    if not candidates:
        return None
    return Rubric.objects.filter(pk=min(candidates)[1]).first()


def holds_mentoring_level(learner, *, today=None) -> bool:
    """She holds, now, a certificate of a level that allows mentoring. One query."""
    return Certificate.objects.filter(
        current_certificates_q(today),
        learner_id=getattr(learner, "pk", learner),
        level__grants_mentoring=True,
    ).exists()


def holds_current(learner, level_id, *, today=None) -> bool:
    return Certificate.objects.filter(
        current_certificates_q(today), learner_id=getattr(learner, "pk", learner), level_id=level_id
    ).exists()
