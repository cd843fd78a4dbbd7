"""Wagtail hooks (wagtail.hooks.register / get_hooks) through which an upper app adds a rule
or a panel to a lower app's page, by name. Each upper app registers in its `wagtail_hooks.py`;
grep a name to find every implementation.

Rules (return None/empty when they have nothing to say):
- LEVEL_LOCK `fn(learner, level_slugs) -> {level_slug: reason}`: the levels she may not take
  up yet (their courses and sessions), and why; for many levels at once, in a fixed number of
  queries. Certificates: the prerequisite certificate.
- LESSON_COMPLETION_GATE `fn(learner, lesson) -> list[str]`: why a lesson cannot be marked
  complete yet. Assessments: a quiz in it not yet passed.
- LEARNER_VISIBILITY `fn(user) -> Q | None`: a Q over User for further learners whose learning
  `user` may see. Mentoring: a mentor sees her current mentees.
- OFFLINE_ACTIONS `fn() -> {kind: handler}`: what a learner may do offline besides marking a
  lesson done; `handler(*, learner, payload, files, at) -> courses.offline.sync.Outcome`, run in
  its own transaction (`at`: when she did it); a ValidationError refuses the action with its
  message. Assessments: an untimed quiz answered, a practical task written.
- OFFLINE_PAGE_EXTRAS `fn(request, page) -> list[(url, stamp)]`: further pages a saved lesson
  or module links to that the phone should keep with it, and a stamp that changes when they
  change. Assessments: its untimed quizzes and practical tasks.

Panels, `fn(request, learner) -> str` (rendered, escaped HTML, or ''):
- LEARNER_HOME_PANELS: the learner's own /learn/ page.
- PERSON_PROGRESS_PANELS: a person's progress page, seen by her mentor and staff.
- MENTEE_DETAIL_PANELS: the mentor's page about one mentee.
"""

from django.utils.safestring import mark_safe
from wagtail import hooks

LEVEL_LOCK = "companion_level_lock"
LESSON_COMPLETION_GATE = "companion_lesson_completion_gate"
LEARNER_VISIBILITY = "companion_learner_visibility"
LEARNER_HOME_PANELS = "companion_learner_home_panels"
PERSON_PROGRESS_PANELS = "companion_person_progress_panels"
MENTEE_DETAIL_PANELS = "companion_mentee_detail_panels"
OFFLINE_ACTIONS = "companion_offline_actions"
OFFLINE_PAGE_EXTRAS = "companion_offline_page_extras"


def level_locks(learner, levels) -> dict:
    """{level: reason} for the locked ones among `levels` (the first rule's reason wins)."""
    levels = set(levels)
    locks = {}
    if not levels:
        return locks
    for rule in hooks.get_hooks(LEVEL_LOCK):
        for level, reason in rule(learner, levels).items():
            if reason and level in levels:
                locks.setdefault(level, reason)
    return locks


def level_locked_reason(learner, level: str):
    """Why `learner` may not take up `level` yet, or None."""
    return level_locks(learner, [level]).get(level)


def lesson_completion_gates(learner, lesson) -> list:
    rules = hooks.get_hooks(LESSON_COMPLETION_GATE)
    return [reason for rule in rules for reason in rule(learner, lesson)]


def learner_visibility_rules(user) -> list:
    """The Q objects the upper apps add to "whose learning may `user` see"."""
    return [q for rule in hooks.get_hooks(LEARNER_VISIBILITY) if (q := rule(user)) is not None]


def panels(place: str, request, learner) -> list:
    rendered = (panel(request, learner) for panel in hooks.get_hooks(place))
    return [mark_safe(html) for html in rendered if html]


def offline_action_handlers() -> dict:
    handlers = {}
    for provider in hooks.get_hooks(OFFLINE_ACTIONS):
        handlers.update(provider())
    return handlers


def offline_page_extras(request, page) -> list:
    return [extra for rule in hooks.get_hooks(OFFLINE_PAGE_EXTRAS) for extra in rule(request, page)]
