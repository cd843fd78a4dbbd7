"""Reads for certificate pages: the checklist in words with links, the learner's
certificates, the verification page."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.selectors import localized, localized_many

from .models import Certificate, RequirementKind, SignOff, open_sign_offs_q
from .readiness import held_level_ids, ladder, next_level, readiness_for


@dataclass
class ChecklistItem:
    met: bool
    text: str
    detail: str
    url: str = ""
    link_text: str = ""


def describe(check, *, learner_id=None, for_learner=True) -> ChecklistItem:
    """One requirement in words a mother understands, with where to go to close the gap."""
    r, kind = check.requirement, check.kind
    if kind == RequirementKind.COURSE:
        course = r.course.localized
        return ChecklistItem(
            check.met,
            _("Complete the course “%(title)s”") % {"title": course.title},
            _("%(done)s of %(total)s lessons done") % {"done": check.have, "total": check.need},
            course.url or "",
            _("Go to the course"),
        )
    if kind == RequirementKind.QUIZ:
        quiz = localized(r.quiz)
        if check.have is None:
            detail = _("not tried yet — needs %(mark)s%%") % {"mark": check.need}
        else:
            detail = _("best score %(best)s%%, needs %(mark)s%%") % {
                "best": check.have,
                "mark": check.need,
            }
        return ChecklistItem(
            check.met,
            _("Pass the quiz “%(title)s”") % {"title": quiz.title},
            detail,
            reverse("assessments:quiz", args=[r.quiz.pk]),
            _("Open the quiz"),
        )
    if kind == RequirementKind.TASK:
        task = localized(r.task)
        detail = {
            "": _("not started"),
            "draft": _("draft saved, not handed in"),
            "submitted": _("handed in, waiting for the mentor's grade"),
            "needs_revision": _("the mentor asked for a revision"),
            "passed": _("passed"),
        }.get(check.state, check.state)
        return ChecklistItem(
            check.met,
            _("Pass the practical task “%(title)s”") % {"title": task.title},
            detail,
            reverse("assessments:task", args=[r.task.pk]),
            _("Open the task"),
        )
    if kind == RequirementKind.SESSIONS:
        return ChecklistItem(
            check.met,
            ngettext(
                "Attend %(count)s face-to-face training session of this level",
                "Attend %(count)s face-to-face training sessions of this level",
                check.need,
            )
            % {"count": check.need},
            _("%(have)s of %(need)s attended") % {"have": check.have, "need": check.need},
            _reverse_or_empty("programme:sessions"),
            _("Book a session"),
        )
    if kind == RequirementKind.CONTACTS:
        return ChecklistItem(
            check.met,
            ngettext(
                "Have %(count)s coaching contact with your mentor",
                "Have %(count)s coaching contacts with your mentor",
                check.need,
            )
            % {"count": check.need},
            _("%(have)s of %(need)s so far") % {"have": check.have, "need": check.need},
        )
    if kind == RequirementKind.CO_FACILITATE:
        return ChecklistItem(
            check.met,
            ngettext(
                "Co-facilitate %(count)s training session with a passing rating",
                "Co-facilitate %(count)s training sessions with a passing rating",
                check.need,
            )
            % {"count": check.need},
            _("%(have)s of %(need)s rated as passed") % {"have": check.have, "need": check.need},
            _reverse_or_empty("programme:sessions"),
            _("See training sessions"),
        )
    if kind == RequirementKind.SIGN_OFF:
        detail = _("signed off") if check.met else _("your mentor signs you off at the end")
        if check.met and learner_id:
            sign_off = (
                SignOff.objects.filter(open_sign_offs_q(), learner_id=learner_id, level=r.level)
                .select_related("mentor")
                .first()
            )
            if sign_off:
                detail = _("signed off by %(mentor)s on %(date)s") % {
                    "mentor": sign_off.mentor,
                    "date": timezone.localtime(sign_off.signed_at).date().isoformat(),
                }
        return ChecklistItem(check.met, _("Your mentor's sign-off"), detail)
    # prerequisite
    prerequisite = r.level.prerequisite
    name = localized(prerequisite).name if prerequisite else ""
    return ChecklistItem(
        check.met,
        _("Hold the “%(level)s” certificate") % {"level": name},
        _("held") if check.met else _("not yet held"),
        reverse("certificates:mine") if for_learner else "",
        _("My certificates") if for_learner else "",
    )


def _reverse_or_empty(name):
    from django.urls import NoReverseMatch

    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


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


def next_level_checklist(learner, *, for_learner=True):
    """Her next level (the first she does not hold now) as a checklist, or None when she
    holds them all or no ladder is set up."""
    levels = ladder()
    level = next_level(levels, held_level_ids(learner))
    if level is None:
        return None
    return checklist(learner, level, for_learner=for_learner)


def learner_certificates(learner):
    """Her certificates, newest first, with the level in her language. Three queries at
    most, whatever their number."""
    certificates = list(
        Certificate.objects.filter(learner=learner)
        .select_related("level")
        .order_by("-issued_at", "-pk")
    )
    names = {pk: level.name for pk, level in localized_many(c.level for c in certificates).items()}
    for certificate in certificates:
        certificate.level_display = names[certificate.level_id]
    return certificates


def verification(code: str):
    """The certificate a public verification code opens, or None."""
    return (
        Certificate.objects.filter(verification_code=code)
        .select_related("level")
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
    )
