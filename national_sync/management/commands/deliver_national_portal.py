import time

from django.core.management.base import BaseCommand

from national_sync.services import deliver_due


class Command(BaseCommand):
    help = ("Send the national portal's due status messages (what Celery beat does every minute in "
            "production); with --every, keep doing it: `make run` has no beat.")

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, metavar="SECONDS",
                            help="repeat after this many seconds until stopped (default: once)")

    def handle(self, *args, every, **options):
        while True:
            sent, tried = deliver_due()
            if sent or tried or not every:
                self.stdout.write(f"national portal: {sent} status messages sent ({tried} dossiers tried)")
            if not every:
                return
            time.sleep(every)
