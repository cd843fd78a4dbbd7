"""Benchmark the Open Badges credentials. Everything it creates is rolled back.

    python manage.py benchmark_credentials --issues 30 --certificates 100000

Measured side by side in one run: issuing a certificate with its signed credential against the
same issuance without it (the credential's share, goal < 50 ms), and the revocation status list
of 100,000 certificates (5 % revoked) served through the whole Django stack, cold (signed afresh
after a revocation) and kept, against the bare /healthz view in the same client (goal < 100 ms).
"""

import statistics
import time
import uuid
from unittest import mock

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import Client
from django.utils import timezone

from certificates.models import (
    Certificate,
    CertificateStatus,
    CertificationLevel,
    Credential,
)
from certificates.readiness import ladder
from certificates.services import certificate_issue, credentials_revoke
from certificates.services import issuance as issuance_module
from courses.levels import Level
from lms.accounts.models import User


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time credential signing and the status list (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--issues", type=int, default=30)
        parser.add_argument("--certificates", type=int, default=100_000)

    def handle(self, *args, issues, certificates, **options):
        try:
            with transaction.atomic():
                level = self.level()
                self.issuance(level, issues)
                self.status_list(level, certificates)
                raise Rollback
        except Rollback:
            self.stdout.write("(all benchmark data rolled back)")

    def level(self):
        level = next(iter(ladder()), None)
        if level is None:
            CertificationLevel.objects.create(slug=Level.PRIMARY, order=1, name="初级陪伴妈妈")
            level = next(iter(ladder()))
        return level

    def issuance(self, level, issues):
        def run(count):
            times = []
            for _ in range(count):
                learner = User.objects.create(username=f"bench-{uuid.uuid4().hex[:12]}")
                start = time.perf_counter()
                certificate_issue(learner=learner, level=level)
                times.append((time.perf_counter() - start) * 1000)
            return times

        run(3)  # warm-up: the first signature loads the contexts
        with_credential, without = [], []
        for _ in range(3):  # alternating, so both meet the same machine
            with_credential += run(issues // 3 or 1)
            with mock.patch.object(
                issuance_module, "credential_issue", lambda **kwargs: (None, False)
            ):
                without += run(issues // 3 or 1)
        a, b = statistics.median(with_credential), statistics.median(without)
        self.stdout.write(
            f"certificate issuance, median of {len(without)}: {b:.1f} ms without the credential, "
            f"{a:.1f} ms with it: the credential adds {a - b:.1f} ms (goal < 50 ms), "
            f"ratio {a / b:.2f}×"
        )

    def status_list(self, level, count):
        holder = User.objects.create(username=f"bench-{uuid.uuid4().hex[:12]}")
        key = Credential.objects.first().key
        today = timezone.localdate()
        made = Certificate.objects.bulk_create(
            Certificate(
                learner=holder,
                level=level,
                serial=f"B-{uuid.uuid4().hex[:20]}",
                status=CertificateStatus.EXPIRED,
                holder_name="bench",
                issued_on=today,
            )
            for _ in range(count)
        )
        Credential.objects.bulk_create(
            Credential(certificate=certificate, key=key, document={}) for certificate in made
        )
        revoked = list(Credential.objects.order_by("pk").values_list("pk", flat=True)[::20])
        Credential.objects.filter(pk__in=revoked[:-1]).update(revoked_at=timezone.now())
        client = Client(SERVER_NAME="127.0.0.1")
        bare, cold, kept = [], [], []
        for _round in range(5):
            bare.append(_timed(client, "/healthz"))
            # A revocation makes the next request sign the list afresh.
            credentials_revoke(certificate=Credential.objects.get(pk=revoked[-1]).certificate)
            Credential.objects.filter(pk=revoked[-1]).update(revoked_at=None)
            cold.append(_timed(client, "/credentials/status/0"))
            kept.append(_timed(client, "/credentials/status/0"))
        total = Credential.objects.count()
        bare, cold, kept = map(statistics.median, (bare, cold, kept))
        self.stdout.write(
            f"status list of {total:,} credentials ({len(revoked):,} revoked), medians of 5: "
            f"bare view {bare:.1f} ms, list signed afresh {cold:.1f} ms ({cold / bare:.1f}× the "
            f"bare view; goal < 100 ms), list kept {kept:.1f} ms ({kept / bare:.1f}×)"
        )


def _timed(client, path):
    start = time.perf_counter()
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return (time.perf_counter() - start) * 1000
