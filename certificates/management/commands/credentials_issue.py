from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef

from certificates.models import Certificate, CertificateStatus, Credential
from certificates.services import credential_issue, credential_reissue


class Command(BaseCommand):
    help = (
        "Sign an Open Badges credential for every certificate that has none (certificates "
        "issued before credentials existed). With --reissue, sign every current certificate's "
        "credential again and revoke the old ones (after a change of the site's address). "
        "Running it twice signs nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reissue", action="store_true")

    def handle(self, *args, reissue=False, **options):
        current = Credential.objects.filter(certificate=OuterRef("pk"), revoked_at__isnull=True)
        certificates = Certificate.objects.exclude(status=CertificateStatus.REVOKED)
        if not reissue:
            certificates = certificates.exclude(Exists(current))
        count = 0
        for certificate in certificates.order_by("pk").iterator(chunk_size=500):
            if reissue:
                credential_reissue(certificate=certificate)
            else:
                credential_issue(certificate=certificate)
            count += 1
        self.stdout.write(f"{count} credentials signed")
