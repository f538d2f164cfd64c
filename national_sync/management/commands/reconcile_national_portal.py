import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from national_portal_adapter.client import PortalError
from national_sync.reconciliation import reconcile


class Command(BaseCommand):
    help = "Compare what the National Public Service Portal holds with the local dossiers for a period."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (default: yesterday)")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: the first day)")
        parser.add_argument("--requeue", action="store_true", help="send again what the portal lacks")

    def handle(self, *args, start, end, requeue, **options):
        try:
            first = dt.date.fromisoformat(start) if start else timezone.localdate() - dt.timedelta(days=1)
            last = dt.date.fromisoformat(end) if end else first
        except ValueError:
            raise CommandError("dates are YYYY-MM-DD") from None
        since = timezone.make_aware(dt.datetime.combine(first, dt.time()))
        until = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time()))
        try:
            report = reconcile(
                since,
                until,
                requeue=requeue,
                progress=lambda items: tqdm(items, desc="dossiers", unit="", disable=None),
            )
        except PortalError as error:
            raise CommandError(f"the national portal did not answer: {error.reason}") from None
        for line in report.lines():
            self.stdout.write(line)
        if not report.clean and not requeue:
            self.stdout.write("run again with --requeue to send what is missing")
