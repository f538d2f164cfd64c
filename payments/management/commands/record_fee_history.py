from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from payments.services import record_fee_history
from procedures.models import Dossier


class Command(BaseCommand):
    help = (
        "Record the fee as paid when filed for the dossiers an account wrote in bulk (the demo's "
        "synthetic year, an import) that have a fee and no payment. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--received-by",
            required=True,
            metavar="USERNAME",
            help="the account the bulk dossiers were received by (the demo's synthetic year: du-lieu-mau)",
        )

    def handle(self, *args, received_by, **options):
        account = get_user_model().objects.filter(username=received_by).first()
        if account is None and not Dossier.objects.exists():  # DEMO_DOSSIERS=0 make run: no year, no fees
            self.stdout.write("0 fee payments recorded (no dossiers)")
            return
        if account is None:
            raise CommandError(f"no account {received_by!r}: nothing was written in bulk under it")
        self.stdout.write(f"{record_fee_history(account)} fee payments recorded")
