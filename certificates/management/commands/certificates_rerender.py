from django.core.management.base import BaseCommand
from django.db import transaction

from certificates.models import Certificate
from lms.core.links import public_url
from lms.core.tasks import enqueue_each_on_commit

TASK = "certificates.tasks.certificate_render_pdf_task"


class Command(BaseCommand):
    help = (
        "Draw again the PDFs whose QR code does not point at the site's public address "
        "(PUBLIC_BASE_URL) any more, on the workers. Run it after changing the address; "
        "running it twice draws nothing twice."
    )

    def handle(self, *args, **options):
        prefix = public_url("/")
        stale = (
            Certificate.objects.exclude(pdf="")
            .exclude(pdf_link__startswith=prefix)
            .values_list("pk", flat=True)
        )
        ids = list(stale)
        with transaction.atomic():
            enqueue_each_on_commit(TASK, [(pk, True) for pk in ids])
        self.stdout.write(f"{len(ids)} certificate PDFs to draw again with {prefix}")
