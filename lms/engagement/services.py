"""The mentor's weekly digest: who among her mentees needs her, by the engagement rule."""

from functools import partial

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from lms.accounts.models import User
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify_in_language

from .models import EngagementSettings
from .selectors import caseload, filtered


def mentor_digests_send(*, today=None) -> int:
    """Every week: each eligible mentor with mentees who need her gets one digest. Once per
    mentor per ISO week, however often it runs. Returns how many digests were new."""
    today = today or timezone.localdate()
    year, week, _day = today.isocalendar()
    config = EngagementSettings.load()
    sent = 0
    mentors = User.objects.filter(
        mentor_profile__is_eligible=True, mentee_assignments__ended_at__isnull=True
    ).distinct()
    for mentor in mentors:
        rows = filtered(caseload(mentor, config=config, today=today, with_progress=False), "any")
        if not rows:
            continue
        _notification, created = notify_in_language(
            recipient=mentor,
            kind=NotificationKind.MENTOR_DIGEST,
            dedupe_key=f"mentor_digest:{year}-W{week:02d}",
            title=partial(_digest_title, len(rows)),
            # Called in her language: the reasons' labels are made then.
            body=partial(_digest_body, rows),
            url=lambda: reverse("engagement:caseload") + "?flag=any",
        )
        sent += created
    return sent


def _digest_title(count):
    return ngettext(
        "%(count)s mentee needs you this week", "%(count)s mentees need you this week", count
    ) % {"count": count}


def _digest_body(rows):
    return "\n".join(f"· {row.learner}: {row.flag_text}" for row in rows[:20])
