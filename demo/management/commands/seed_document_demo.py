import time

from django.core.management.base import BaseCommand

from demo.documents import seed
from government.models import Agency, Role


class Command(BaseCommand):
    help = "Fill the registers of the agencies that have a clerk with a few months of demo documents (once)."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=4)
        parser.add_argument("--incoming", type=int, default=24, help="incoming documents per agency")
        parser.add_argument("--outgoing", type=int, default=6, help="issued documents per agency")

    def handle(self, **options):
        started = time.monotonic()
        agencies = list(Agency.objects.filter(staff__role=Role.CLERK).distinct().order_by("pk"))
        counts = seed(
            agencies,
            months=options["months"],
            incoming_per_agency=options["incoming"],
            outgoing_per_agency=options["outgoing"],
        )
        self.stdout.write(
            f"Văn bản mẫu: {counts['incoming']} văn bản đến, {counts['outgoing']} văn bản đi đã ban "
            f"hành, {counts['received']} văn bản liên thông đã tiếp nhận, trong "
            f"{time.monotonic() - started:.0f} giây ({len(agencies)} cơ quan)."
        )
