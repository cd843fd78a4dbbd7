from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from certificates.credentials.keys import write_private_key


class Command(BaseCommand):
    help = (
        "Make a new Ed25519 key for signing Open Badges credentials, in a file only its owner "
        "reads (default: OPEN_BADGES_SIGNING_KEY_FILE). Never overwrites a key: to rotate, "
        "make one at a new path and point OPEN_BADGES_SIGNING_KEY_FILE at it; the old public "
        "key stays published, so credentials signed with it still verify."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(settings.OPEN_BADGES_SIGNING_KEY_FILE))

    def handle(self, *args, out, **options):
        try:
            write_private_key(Path(out))
        except FileExistsError:
            raise CommandError(f"{out} exists: a signing key is never overwritten.") from None
        self.stdout.write(f"New signing key written to {out}")
