from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from payments.services import record_fee_history
from procedures.services.synthetic_year import ACCOUNT


class Command(BaseCommand):
    help = (
        "Record the fee as paid when filed for the dossiers an account wrote in bulk (the demo's "
        "synthetic year, an import) that have a fee and no payment. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--received-by",
            default=ACCOUNT,
            metavar="USERNAME",
            help=f"the account the bulk dossiers were received by (default: {ACCOUNT}, the synthetic year)",
        )

    def handle(self, *args, received_by, **options):
        account = get_user_model().objects.filter(username=received_by).first()
        if account is None:
            if received_by == ACCOUNT:
                self.stdout.write("no synthetic year: no fee payments to record")
                return
            raise CommandError(f"no account {received_by!r}")
        self.stdout.write(f"{record_fee_history(account)} fee payments recorded")
