"""The learner's offline support: an installable web app (manifest and service worker), courses
saved on her phone, and the actions she takes offline accepted once when she is back online.

Why this shape: a mother saves a course where she has signal and learns from it all week where
she has none. Her pages stay server-rendered; a service worker (Workbox, vendored at a pinned
version: assets.py) keeps the pages she saved and answers for them when the network is gone.
What she does offline (a lesson done, an untimed quiz answered, a practical task written) is
queued on the phone with an id the phone makes, and `sync.offline_action_accept` takes each id
once, in its own transaction, storing its outcome so that a replay gets the same answer and
creates nothing twice. Answer keys never leave the server: an offline quiz is scored when it
arrives. The quiz and task parts live in assessments (above this app) and plug in through the
hooks OFFLINE_ACTIONS and OFFLINE_PAGE_EXTRAS (lms/core/hooks.py).
"""
