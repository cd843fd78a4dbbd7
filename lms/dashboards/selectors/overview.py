"""The readiness overview: per cohort, the funnel of levels held, who is ready for the
target level now, and the forecast for the target date. The numbers are cached per cohort
(see ../freshness.py); who is ready is read from the rows kept per member
(../readiness_rows.py)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from certificates.models import (
    Certificate,
    CertificateStatus,
)
from certificates.readiness import held_levels_bulk, held_or_ready_bulk, ladder
from lms.core.translation import localized_many
from lms.programme.models import Cohort

from .. import freshness
from ..models import DashboardSettings
from ..readiness_rows import ladder_version, readiness_rows_refresh_all, stored_ready
from .common import active_members


def forecast_percent(*, ready, active, recent, window_days, days_left) -> int:
    """Ready now plus the recent pace (`recent` certificates over `window_days`) carried on
    linearly for `days_left` days, as a percent of the active members, at most 100."""
    if not active:
        return 0
    expected = ready
    if window_days > 0 and days_left > 0:
        expected += recent / window_days * days_left
    return min(100, round(100 * expected / active))


@dataclass
class CohortReadiness:
    cohort: object
    level: object  # the target level, or None when the ladder has no level of that slug
    level_name: str = ""  # in the reader's language
    active: int = 0
    ready: int = 0
    recent: int = 0  # target-level certificates issued to members within the window
    window_days: int = 0
    days_left: int = 0
    funnel: list = field(default_factory=list)  # [(label, count, percent of active)]

    @property
    def ready_percent(self):
        return round(100 * self.ready / self.active) if self.active else 0

    @property
    def forecast(self):
        return forecast_percent(
            ready=self.ready,
            active=self.active,
            recent=self.recent,
            window_days=self.window_days,
            days_left=self.days_left,
        )

    @property
    def per_week(self):
        return round(7 * self.recent / self.window_days, 1) if self.window_days else 0


def readiness_overview(cohorts, *, today=None, weeks=None, cached=True) -> list[CohortReadiness]:
    """Per cohort: the funnel of highest levels held by its active members, how many are
    ready for the target level now, and the forecast for the target date.

    Each cohort's numbers come from the cache when nothing of it changed (see freshness.py);
    the others are counted together. Queries: the ladder (three), the level names in the
    reader's language, and for the stale cohorts: members, held levels, recent certificates,
    and one held_or_ready_bulk per target level among them."""
    today = today or timezone.localdate()
    weeks = weeks or DashboardSettings.load().forecast_weeks
    cohorts = list(cohorts)
    ordered = ladder()
    if cached:
        keys = freshness.overview_keys(cohorts, today=today, weeks=weeks)
        numbers = freshness.cached_numbers(keys)
        stale = [c for c in cohorts if c.pk not in numbers]
        if stale:
            fresh = _overview_numbers(stale, ordered, today=today, weeks=weeks)
            freshness.store_numbers(keys, fresh)
            numbers.update(fresh)
    else:
        numbers = _overview_numbers(cohorts, ordered, today=today, weeks=weeks, stored=False)
    names = {pk: level.name for pk, level in localized_many(ordered).items()}
    levels = {level.slug: level for level in ordered}
    rows = []
    for cohort in cohorts:
        counted = numbers[cohort.pk]
        level = levels.get(cohort.level)
        row = CohortReadiness(
            cohort=cohort,
            level=level,
            level_name=names[level.pk] if level else cohort.get_level_display(),
            active=counted["active"],
            ready=counted["ready"],
            recent=counted["recent"],
            window_days=counted["window_days"],
            days_left=counted["days_left"],
        )
        for target in [None, *ordered]:
            count = counted["highest"].get(target.pk if target else None, 0)
            label = pgettext("certificate held", "none yet") if target is None else names[target.pk]
            percent = round(100 * count / row.active) if row.active else 0
            row.funnel.append((label, count, percent))
        rows.append(row)
    return rows


def overview_warm(today=None) -> int:
    """Count every member's readiness for the day (readiness_rows.py), then the overview of
    every cohort not past its target date into the cache, so that the first visitor of the
    day does not wait (run nightly after midnight). Returns how many cohorts were counted."""
    today = today or timezone.localdate()
    readiness_rows_refresh_all(today=today)
    cohorts = Cohort.objects.filter(target_date__gte=today).order_by("pk")
    rows = readiness_overview(cohorts, today=today)
    return len(rows)


def _overview_numbers(cohorts, ordered, *, today, weeks, stored=True) -> dict:
    """{cohort id: the overview's numbers}, plain data for the cache. `stored`: who is ready
    from the readiness rows kept for today (readiness_rows.py); otherwise all counted now."""
    version = ladder_version() if stored else None
    levels = {level.slug: level for level in ordered}
    cohort_ids = [c.pk for c in cohorts]
    members = {}
    # Unordered: the model's ordering (by her name) would join and sort every member.
    pairs = active_members(cohort_ids).order_by().values_list("cohort_id", "learner_id")
    for cohort_id, learner_id in pairs:
        members.setdefault(cohort_id, []).append(learner_id)
    member_ids = active_members(cohort_ids).values_list("learner_id", flat=True)
    held = held_levels_bulk(member_ids, today=today)
    # Her highest level held: the last of the ladder's order among hers.
    rank = {level.pk: number for number, level in enumerate(ordered)}
    top_held = {
        pk: max(level_ids, key=lambda level_id: rank.get(level_id, -1))
        for pk, level_ids in held.items()
        if any(level_id in rank for level_id in level_ids)
    }

    ready_by_level = {}
    for slug in {c.level for c in cohorts}:
        level = levels.get(slug)
        if level is None:
            continue
        ids = active_members([c.pk for c in cohorts if c.level == slug]).values_list(
            "learner_id", flat=True
        )
        if not stored:
            ready_by_level[slug] = held_or_ready_bulk(ids, level, today=today)
            continue
        # From the rows kept for today's ladder (readiness_rows.py); the engine is asked
        # only about the members without one.
        wanted = {pk for c in cohorts if c.level == slug for pk in members.get(c.pk, ())}
        ready, known = stored_ready(ids, level, today=today, version=version)
        if missing := wanted - known:
            asked = ids if len(missing) > len(wanted) // 2 else sorted(missing)
            ready |= held_or_ready_bulk(asked, level, today=today) & missing
        ready_by_level[slug] = ready

    window_start = today - datetime.timedelta(weeks=weeks)
    issued = {}
    # The pace: certificates issued in the window and not revoked since (an expired one was
    # still earned then).
    for learner_id, level_id, issued_on in (
        Certificate.objects.filter(
            learner_id__in=member_ids,
            level__in=[levels[slug] for slug in ready_by_level],
            issued_on__gt=window_start,
            issued_on__lte=today,
        )
        .exclude(status=CertificateStatus.REVOKED)
        .order_by()
        .values_list("learner_id", "level_id", "issued_on")
    ):
        issued.setdefault((learner_id, level_id), []).append(issued_on)

    numbers = {}
    for cohort in cohorts:
        level = levels.get(cohort.level)
        ids = members.get(cohort.pk, [])
        highest = {}
        for pk in ids:
            top = top_held.get(pk)
            highest[top] = highest.get(top, 0) + 1
        counted = {
            "active": len(ids),
            "highest": highest,
            "ready": 0,
            "recent": 0,
            "window_days": 0,
            "days_left": 0,
        }
        if level is not None:
            since = max(window_start, cohort.start_date)
            counted["ready"] = len(ready_by_level[cohort.level] & set(ids))
            counted["window_days"] = max((today - since).days, 0)
            counted["days_left"] = max((cohort.target_date - today).days, 0)
            counted["recent"] = sum(
                1
                for pk in ids
                if (pk, level.pk) in issued
                for day in issued[(pk, level.pk)]
                if day > since
            )
        numbers[cohort.pk] = counted
    return numbers


def overview_table(rows):
    """(headers, rows) of the readiness overview, as shown beside the charts and exported."""
    funnel_labels = [label for label, _count, _percent in rows[0].funnel] if rows else []
    headers = [
        _("Cohort"),
        _("Region"),
        _("Target level"),
        _("Target date"),
        _("Active learners"),
        *[_("Highest held: %(level)s") % {"level": label} for label in funnel_labels],
        _("Ready now"),
        _("Ready now (%)"),
        _("Certificates per week"),
        _("Forecast at target date (%)"),
    ]
    table = [
        [
            row.cohort.name,
            str(row.cohort.region),
            row.level_name,
            row.cohort.target_date.isoformat(),
            row.active,
            *[count for _label, count, _percent in row.funnel],
            row.ready,
            row.ready_percent,
            row.per_week,
            row.forecast,
        ]
        for row in rows
    ]
    return headers, table
