"""Enqueueing work that must follow a write.

A service names the task it wants by its dotted path instead of importing the tasks module
(which imports the service: the task is a thin wrapper around it), so that services and tasks
never import each other."""

from django.utils.module_loading import import_string


def enqueue_on_commit(task_path: str, *args, **kwargs):
    """Send the Celery task at `task_path` ("app.tasks.name") with these arguments once the
    current transaction commits (nothing is sent if it rolls back). Without a broker the task
    runs in-process right after the commit."""
    import_string(task_path).delay_on_commit(*args, **kwargs)
