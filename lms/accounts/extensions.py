"""Hooks that the lower apps call and the upper apps fill, so that a rule kept in an upper
layer (the certification ladder) reaches the pages and services below without an import
cycle. Each upper app registers in its AppConfig.ready()."""

from django.utils.safestring import mark_safe

_progress_listeners = []
_level_gates = []
_cohort_listeners = []
_person_panels: dict[str, list] = {}


def register_progress_listener(listener):
    """`listener(learner_ids)` is told that something counting toward a certificate changed
    for these learners (a lesson, a quiz, a task, attendance, a contact, a sign-off). It is
    called inside the writer's transaction and should defer its work with delay_on_commit."""
    if listener not in _progress_listeners:
        _progress_listeners.append(listener)


def progress_changed(learner_ids):
    learner_ids = sorted({int(pk) for pk in learner_ids if pk})
    if not learner_ids:
        return
    for listener in _progress_listeners:
        listener(learner_ids)


def register_cohort_listener(listener):
    """`listener(cohort_ids)` is told that the members of these cohorts changed in bulk
    (an import), where no model signal fires. Called inside the writer's transaction."""
    if listener not in _cohort_listeners:
        _cohort_listeners.append(listener)


def cohorts_changed(cohort_ids):
    cohort_ids = sorted({int(pk) for pk in cohort_ids if pk})
    if not cohort_ids:
        return
    for listener in _cohort_listeners:
        listener(cohort_ids)


_bulk_mentor_assigner = []


def register_bulk_mentor_assigner(assigner):
    """`assigner(pairs, actor, reason)` gives each learner her mentor, for [(learner_id,
    mentor_id), …], in a fixed number of queries (the mentoring app fills it; the learner
    import calls it). It runs inside the caller's transaction, raises ValidationError /
    PermissionDenied and returns the new assignments. There is one: registering again
    replaces it."""
    _bulk_mentor_assigner[:] = [assigner]


def assign_mentors_bulk(pairs, actor=None, reason="") -> list:
    pairs = list(pairs)
    if not pairs:
        return []
    if not _bulk_mentor_assigner:
        raise RuntimeError("No bulk mentor assigner is registered (is lms.mentoring installed?)")
    return _bulk_mentor_assigner[0](pairs, actor, reason)


_mentor_lookup = []


def register_mentor_lookup(lookup):
    """`lookup(learner_ids, phones, actor)` returns (the learners among `learner_ids` who have
    a current mentor, {phone: (user id, free places)} of the eligible mentors of the actor's
    regions with these mobile numbers), in a fixed number of queries (the mentoring app fills
    it; the learner import's checks call it). There is one: registering again replaces it."""
    _mentor_lookup[:] = [lookup]


def mentor_lookup(learner_ids, phones, actor) -> tuple[set, dict]:
    if not _mentor_lookup:
        raise RuntimeError("No mentor lookup is registered (is lms.mentoring installed?)")
    return _mentor_lookup[0](list(learner_ids), list(phones), actor)


def register_level_gate(gate):
    """`gate(learner, level_slug)` returns why the learner may not take up a level yet (its
    courses and training sessions), or None."""
    if gate not in _level_gates:
        _level_gates.append(gate)


def level_locked_reason(learner, level: str):
    for gate in _level_gates:
        reason = gate(learner, level)
        if reason:
            return reason
    return None


def level_locks(learner, levels) -> dict:
    """{level: reason} for the locked ones among `levels`."""
    locks = {}
    for level in set(levels):
        reason = level_locked_reason(learner, level)
        if reason:
            locks[level] = reason
    return locks


# Places a panel can be shown: the learner's own /learn/ page, a person's progress page
# (seen by her mentor and staff), and the mentor's page about one mentee.
LEARNER_HOME = "learner_home"
PERSON_PROGRESS = "person_progress"
MENTEE_DETAIL = "mentee_detail"


def register_person_panel(place: str, panel):
    """`panel(request, learner)` returns HTML (already rendered and escaped) or ''."""
    panels = _person_panels.setdefault(place, [])
    if panel not in panels:
        panels.append(panel)


def person_panels(place: str, request, learner) -> list:
    rendered = (panel(request, learner) for panel in _person_panels.get(place, []))
    return [mark_safe(html) for html in rendered if html]
