from django.core.management.base import BaseCommand
from tqdm import tqdm

from national_sync.services import record_history


class Command(BaseCommand):
    help = (
        "Write the national portal's status messages for past events that have none (dossiers "
        "written in bulk: the demo's synthetic year, an import). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending",
            action="store_true",
            help="queue them to be sent (default: recorded as sent at the event's time)",
        )

    def handle(self, *args, pending, **options):
        written = record_history(
            delivered=not pending, progress=lambda items: tqdm(items, desc="events", unit="", disable=None)
        )
        state = "queued" if pending else "recorded as sent"
        self.stdout.write(f"{written} status messages {state}")
