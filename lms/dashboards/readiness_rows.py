"""Each cohort member's readiness for her cohorts' target levels, kept in a table
(LearnerReadiness) so that the overview of a province reads one row per member instead of
counting every member's progress again.

A row says what the readiness engine (certificates.readiness.held_or_ready_bulk) answered,
and it is used only while all of this holds:
- its `day` is today (certificates expire, requirements count up to a day);
- its `ladder_version` is the current one: raised in the transaction of every change to a
  level, a requirement or a page (freshness.ladder_changed), so that a row counted before it
  is not used after its commit;
- nothing of hers changed since: her progress is counted again in the background task that
  follows its commit (learner_progress_settled), and so are her certificates, sign-offs,
  approvals and memberships (a task of their own); only then are her cohorts' cached numbers
  dropped, so that the overview counts them from the new row.
A row that fails any of these, or is missing, is not trusted: the overview asks the engine
for those learners (slower, still exact). Rows are written only by counts that began after
the change they follow; an older count never overwrites a newer one (`counted_at`). The
nightly warm-up counts every member for the new day before staff arrive.
"""

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from certificates.readiness import held_or_ready_bulk

from .models import LadderVersion, LearnerReadiness

BATCH = 5000


def ladder_version() -> int:
    row = LadderVersion.objects.filter(pk=1).values_list("number", flat=True).first()
    return row or 0


def ladder_version_raise():
    """In the transaction of a change to the ladder or the pages."""
    if not LadderVersion.objects.filter(pk=1).update(number=F("number") + 1):
        LadderVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def _clock():
    """The database's clock now (not the transaction's start): when a count begins. (SQLite,
    the embedded default, runs in one process: its clock is this one.)"""
    if connection.vendor != "postgresql":
        return timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("SELECT clock_timestamp()")
        return cursor.fetchone()[0]


def stored_ready(learner_ids, level, *, today, version) -> tuple[set, set]:
    """(who holds or is ready for `level`, who has a row to tell) among `learner_ids` (a
    queryset of ids or a list), from the rows that may be trusted. One query."""
    ready, known = set(), set()
    for learner_id, is_ready in LearnerReadiness.objects.filter(
        learner_id__in=learner_ids, level=level, day=today, ladder_version=version
    ).values_list("learner_id", "ready"):
        known.add(learner_id)
        if is_ready:
            ready.add(learner_id)
    return ready, known


def _store(rows_by_level, *, today, version, counted_at):
    """Write {level: (ids counted, ids ready)}; a row counted later than this stays."""
    rows = [
        (learner_id, level.pk, learner_id in ready, today, version, counted_at)
        for level, (ids, ready) in rows_by_level.items()
        for learner_id in ids
    ]
    for start in range(0, len(rows), BATCH):
        _upsert_newer(rows[start : start + BATCH])


def _upsert_newer(rows):
    """INSERT … ON CONFLICT DO UPDATE … WHERE the stored row was counted earlier: Django's
    bulk_create(update_conflicts=True) cannot say the WHERE, so the statement is written
    here (one per batch, the values as parameters)."""
    if not rows:
        return
    table = LearnerReadiness._meta.db_table
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    sql = (
        f'INSERT INTO "{table}" (learner_id, level_id, ready, day, ladder_version, counted_at) '
        f"VALUES {values} ON CONFLICT (learner_id, level_id) DO UPDATE SET "
        "ready = EXCLUDED.ready, day = EXCLUDED.day, "
        "ladder_version = EXCLUDED.ladder_version, counted_at = EXCLUDED.counted_at "
        f'WHERE "{table}".counted_at <= EXCLUDED.counted_at'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])


def readiness_rows_refresh(learner_ids, *, today=None) -> int:
    """Count these learners again for the target levels of the cohorts they are active
    members of (in the background, after the commit of what changed). Returns how many rows
    it wrote."""
    learner_ids = sorted(set(learner_ids))
    if not learner_ids:
        return 0
    from lms.programme.models import CohortMembership, MembershipStatus

    from .selectors.common import levels_by_slug

    today = today or timezone.localdate()
    counted_at = _clock()
    version = ladder_version()
    levels = levels_by_slug()
    wanted = {}
    memberships = CohortMembership.objects.filter(
        learner_id__in=learner_ids, status=MembershipStatus.ACTIVE
    ).values_list("learner_id", "cohort__level")
    for learner_id, slug in memberships:
        if slug in levels:
            wanted.setdefault(levels[slug], set()).add(learner_id)
    rows = {
        level: (ids, held_or_ready_bulk(sorted(ids), level, today=today))
        for level, ids in wanted.items()
    }
    with transaction.atomic():
        _store(rows, today=today, version=version, counted_at=counted_at)
    return sum(len(ids) for ids, _ready in rows.values())


def readiness_rows_refresh_all(*, today=None) -> int:
    """Count every active member of a cohort for its target level (nightly, for the new day;
    the numbers stay exact without it, only slower). Returns how many rows it wrote."""
    from lms.programme.models import Cohort

    from .selectors.common import active_members, levels_by_slug

    today = today or timezone.localdate()
    counted_at = _clock()
    version = ladder_version()
    levels = levels_by_slug()
    cohorts = Cohort.objects.all()
    written = 0
    for slug in set(cohorts.values_list("level", flat=True)):
        level = levels.get(slug)
        if level is None:
            continue
        members = active_members(cohorts.filter(level=slug)).values_list("learner_id", flat=True)
        ids = set(members)
        ready = held_or_ready_bulk(members, level, today=today)
        with transaction.atomic():
            _store({level: (ids, ready)}, today=today, version=version, counted_at=counted_at)
        written += len(ids)
    return written
