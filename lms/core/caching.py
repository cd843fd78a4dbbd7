"""Data that many requests read and few writes change, kept in the cache framework and, for
the hottest, in each process's memory, with one rule for what makes it stale.

Each kind of data depends on named *generations* ("pages", "ladder", "locales", …): a token
in the shared cache. A write that changes such data calls `bump(name)`; the token is replaced
(after the commit, for a write in a transaction), so every process computes the data again on
its next read, whichever process made the change. Tokens are read once per request
(`RequestMemoMiddleware` keeps them for the request), so a page that uses cached data pays one
cache round trip for all of them.

When the cache is down, nothing is cached: every read computes afresh (slower, still right),
and the failure is logged once a minute.
"""

import contextvars
import logging
import uuid
from collections import OrderedDict

from django.core.cache import cache
from django.db import transaction

from .cache import warn_unreachable as _warn
from .transactions import in_own_transaction

logger = logging.getLogger(__name__)

MISSING = object()
_request_memo = contextvars.ContextVar("companion_request_memo", default=None)
# In a request's memo: the cache keys to read with its first tokens, then what they held.
_FIRST, _ALONG = object(), object()
# While a whole page is made to be kept (kept_responses.py): what it read.
_recording = contextvars.ContextVar("companion_recording", default=None)
_process_memo: OrderedDict = OrderedDict()
_PROCESS_MEMO_LIMIT = 5000  # entries; the least recently used go first
# Read together with the first token a request asks for: one round trip for the usual ones.
PREFETCHED = ("sites", "pages", "locales", "ladder", "restrictions", "mentors")


def _key(name):
    return f"gen:{name}"


def generations(*names) -> dict | None:
    """{name: token} for these generations (made when missing); None when the cache is down.
    Within a request each token is read once."""
    recording = _recording.get()
    if recording is not None:
        recording.names.update(names)
    memo = _request_memo.get()
    wanted = [name for name in names if memo is None or name not in memo]
    along = ()
    if wanted and memo is not None and _FIRST in memo:
        wanted = list(dict.fromkeys([*wanted, *PREFETCHED]))
        along = memo.pop(_FIRST)
    found = {}
    if wanted:
        try:
            stored = cache.get_many([*(_key(name) for name in wanted), *along])
            if along:
                memo[_ALONG] = {key: stored.get(key) for key in along}
            missing = {_key(n): uuid.uuid4().hex for n in wanted if _key(n) not in stored}
            if missing:
                cache.set_many(missing, timeout=None)
        except Exception as exc:  # noqa: BLE001 - any cache failure: no caching
            _warn(exc)
            if recording is not None:
                recording.untracked.append("the cache is down")
            return None
        found = {name: {**stored, **missing}[_key(name)] for name in wanted}
        if memo is not None:
            memo.update(found)
    tokens = {name: found[name] if name in found else memo[name] for name in names}
    bumped = _bumped_here()
    if bumped and not bumped.isdisjoint(names):
        # Changed by this transaction, still uncommitted: a token nothing was kept under.
        tokens.update({name: f"uncommitted-{uuid.uuid4().hex}" for name in bumped & set(names)})
    return tokens


def bump(*names):
    """Everything depending on these generations is stale everywhere. Outside a transaction:
    at once. Inside one: after its commit (a transaction's bumps go to the cache together),
    and meanwhile its own reads of them are computed afresh, never from or into the cache
    (other processes still read the committed rows, which the old tokens describe)."""
    recording = _recording.get()
    if recording is not None:  # a page that writes is not kept whole
        recording.untracked.append(f"a write ({', '.join(names)})")
    connection = transaction.get_connection()
    if not in_own_transaction(connection):
        _forget(names)
        return
    _forget_in_memo(names)
    if _bumped_here(connection) is None:
        connection.__dict__["generations_bumped"] = (set(), [])
    pending, callbacks = connection.__dict__["generations_bumped"]
    pending.update(names)

    def announce():
        if pending:
            taken = set(pending)
            pending.clear()
            _forget(taken)

    # One callback per call, each announcing everything pending: one rolled back with its
    # savepoint leaves the others to announce what the transaction bumped.
    callbacks.append(announce)
    transaction.on_commit(announce)


def _bumped_here(connection=None) -> set | None:
    """The generations the current transaction bumped, while its commit is still ahead. A
    block that ended inside a test's transaction (which never commits) has committed, as it
    were: what it bumped is announced now."""
    connection = connection or transaction.get_connection()
    entry = connection.__dict__.get("generations_bumped")
    if entry is None or not entry[0]:
        return None
    queued = {id(callback) for _sids, callback, *_rest in connection.run_on_commit}
    if not any(id(callback) in queued for callback in entry[1]):
        return None  # committed or rolled back: not this transaction's
    if not in_own_transaction(connection):
        entry[1][0]()
        return None
    return entry[0]


def _forget(names):
    try:
        cache.delete_many([_key(name) for name in names])
    except Exception as exc:  # noqa: BLE001
        _warn(exc)
    _forget_in_memo(names)


def _forget_in_memo(names):
    memo = _request_memo.get()
    if memo is not None:
        for name in names:
            memo.pop(name, None)


def _full_key(key, depends_on):
    bumped = _bumped_here()
    if bumped and not bumped.isdisjoint(depends_on):
        return None  # changed by this transaction: computed afresh
    tokens = generations(*depends_on)
    if tokens is None:
        return None
    return ":".join(["cached", *map(str, key), *(tokens[name] for name in depends_on)])


class Recording:
    """What a page read while it was made: the generations (so it can be kept until one is
    bumped), whether it read anything else from the database (then it is not kept), and how
    long what it shows stays true (`valid_until`)."""

    def __init__(self):
        self.names = set()
        self.untracked = []
        self.until = None
        self.computing = 0


def _computed(compute):
    """compute(), whose reads are covered by the generations its caller depends on."""
    recording = _recording.get()
    if recording is None:
        return compute()
    recording.computing += 1
    try:
        return compute()
    finally:
        recording.computing -= 1


def valid_until(moment: float):
    """What is being shown stops being true at `moment` (a Unix time): a day count that
    crosses a threshold, an hour that turns. A page kept whole is kept no longer."""
    recording = _recording.get()
    if recording is not None:
        recording.until = moment if recording.until is None else min(recording.until, moment)


def cached(key: tuple, *, depends_on: tuple, compute, timeout=60 * 60 * 6):
    """`compute()`, kept in the shared cache until one of `depends_on` is bumped (or
    `timeout` passes). Values must pickle."""
    full = _full_key(key, depends_on)
    if full is None:
        return compute()
    try:
        value = cache.get(full, MISSING)
    except Exception as exc:  # noqa: BLE001
        _warn(exc)
        return compute()
    if value is MISSING:
        value = _computed(compute)
        try:
            cache.set(full, value, timeout)
        except Exception as exc:  # noqa: BLE001
            _warn(exc)
    return value


def memoized(key: tuple, *, depends_on: tuple, compute):
    """`compute()`, kept in this process's memory until one of `depends_on` is bumped: for
    hot data read on most requests (the site, the locales, the ladder, a learner's progress
    while she moves through her pages). The value is shared by every request of the process:
    never change it."""
    full = _full_key(key, depends_on)
    if full is None:
        return compute()
    value = _process_memo.get(full, MISSING)
    if value is MISSING:
        value = _computed(compute)
        _process_memo[full] = value
        if len(_process_memo) > _PROCESS_MEMO_LIMIT:
            _process_memo.popitem(last=False)
    else:
        _process_memo.move_to_end(full)
    return value


def learner_generation(learner_id) -> str:
    """The generation of everything about one learner that her pages show (her progress,
    attempts, work, contacts, mentor, certificates): bumped by `learner_changed`."""
    return f"learner:{learner_id}"


def learner_changed(learner_ids):
    """Something a page shows about these learners changed (see lms/core/signals.py)."""
    names = [learner_generation(pk) for pk in {int(pk) for pk in learner_ids if pk}]
    if names:
        bump(*names)


def read_along(key):
    """The value of cache `key` as the request's first read of generation tokens found it
    (asked for together with them: one round trip; None if it was not in the cache), or
    MISSING if it was not read so (no tokens asked for yet, or the cache was down): the
    caller reads it itself then. For a key the request reads once, early: its login
    (lms/core/sessions.py)."""
    memo = _request_memo.get()
    along = memo.get(_ALONG) if memo else None
    return along.pop(key, MISSING) if along else MISSING


class RequestMemoMiddleware:
    """Generation tokens are read once per request, not once per use; the request's login
    is read in the same round trip (read_along)."""

    def __init__(self, get_response):
        from .sessions import cache_key_of  # the session store reads this module's memo

        self.get_response = get_response
        self.login_key = cache_key_of

    def __call__(self, request):
        key = self.login_key(request)
        token = _request_memo.set({_FIRST: (key,) if key else ()})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)
