from django.core.management.base import BaseCommand

from payments.services import record_fee_history


class Command(BaseCommand):
    help = ("Record the fee as paid when filed for received dossiers that have a fee and no payment "
            "(dossiers written in bulk: the demo's synthetic year, an import). Idempotent.")

    def handle(self, *args, **options):
        self.stdout.write(f"{record_fee_history()} fee payments recorded")
