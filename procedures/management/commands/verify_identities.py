from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from procedures.models import IdentityStatus
from procedures.services.identity import verify_pending_identities


class Command(BaseCommand):
    help = _("Xác thực lại danh tính người nộp của các hồ sơ chưa xác thực được với CSDL quốc gia về dân cư.")

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None)

    def handle(self, *args, limit=None, **options):
        counts = verify_pending_identities(limit=limit)
        for status, count in counts.items():
            self.stdout.write(f"{IdentityStatus(status).label}: {count}")
