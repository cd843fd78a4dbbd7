"""Faults a real worker meets on purpose, loaded only by a worker the tests start with
TEST_WORKER_FAULT set (lms/settings/test.py); never imported by the platform.

- kill-while-issuing: the worker process kills itself (SIGKILL, as the kernel's OOM killer or
  a lost machine would) the first time a certificate row is written, before its transaction
  commits. The file named by TEST_WORKER_FAULT_MARK records that it happened once."""

import os
import signal
from pathlib import Path

from django.db.models.signals import post_save

from certificates.models import Certificate

FAULT = os.environ.get("TEST_WORKER_FAULT", "")
MARK = Path(os.environ.get("TEST_WORKER_FAULT_MARK", "/nonexistent"))


def _die_while_issuing(sender, instance, created, **kwargs):
    if created and not MARK.exists():
        MARK.write_text("killed while issuing")
        os.kill(os.getpid(), signal.SIGKILL)


if FAULT == "kill-while-issuing":
    post_save.connect(_die_while_issuing, sender=Certificate, dispatch_uid="test-fault")
