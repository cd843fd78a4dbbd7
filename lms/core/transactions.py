"""Where a write stands: in a transaction of the site's own, or in a test's.

Django's TestCase (and pytest-django's `db`) wraps each test in a transaction that never
commits, and marks its blocks (`_from_testcase`, as Django's own durable check reads it). What
defers work to a commit reads these, so that a test sees what autocommit would do."""


def in_own_transaction(connection) -> bool:
    """Inside a transaction the site opened (not only a test's wrapping one)."""
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def in_test_transaction(connection) -> bool:
    """Inside a test's wrapping transaction, which never commits."""
    return any(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)
