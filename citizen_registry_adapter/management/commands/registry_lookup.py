"""Look a citizen up from the shell, and optionally check declared fields against the record."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from citizen_registry_adapter.compare import FieldStatus
from citizen_registry_adapter.errors import RegistryError
from citizen_registry_adapter.records import FIELD_LABELS
from citizen_registry_adapter.registry import get_registry

STATUS_LABELS = {
    FieldStatus.MATCH: _("khớp"),
    FieldStatus.MISMATCH: _("KHÔNG KHỚP"),
    FieldStatus.MISSING: _("CSDL không có"),
}


class Command(BaseCommand):
    help = _("Tra cứu một công dân trong CSDL quốc gia về dân cư và đối chiếu thông tin đã khai.")

    def add_arguments(self, parser):
        parser.add_argument("personal_id")
        parser.add_argument("--purpose", default="tra-cuu-thu-cong", help=_("mã hồ sơ hoặc mục đích tra cứu"))
        parser.add_argument(
            "--declare",
            nargs="*",
            default=[],
            metavar="FIELD=VALUE",
            help=_("thông tin đã khai, ví dụ full_name='Nguyễn Văn An' date_of_birth=12/05/1990"),
        )

    def handle(self, personal_id, purpose, declare, **options):
        declared = dict(item.split("=", 1) for item in declare if "=" in item)
        unknown = set(declared) - set(FIELD_LABELS)
        if unknown:
            raise CommandError(_("Không có trường: %s") % ", ".join(sorted(unknown)))
        registry = get_registry()
        try:
            if declared:
                verification = registry.verify({"personal_id": personal_id, **declared}, purpose, actor="shell")
                record = verification.record
            else:
                record, verification = registry.lookup(personal_id, purpose, actor="shell"), None
        except RegistryError as error:
            raise CommandError(str(error.message)) from None
        values = record.comparable()
        for field, label in FIELD_LABELS.items():
            if values.get(field):
                self.stdout.write(f"{label}: {values[field]}")
        if verification:
            self.stdout.write("")
            for result in verification.results:
                line = f"{FIELD_LABELS[result.field]}: {STATUS_LABELS[result.status]}"
                if result.status == FieldStatus.MISMATCH:
                    line += _(" (đã khai: %(declared)s; CSDL: %(registered)s)") % {
                        "declared": result.declared,
                        "registered": result.registered,
                    }
                self.stdout.write(line)
            self.stdout.write(_("Kết quả: khớp toàn bộ") if verification.matches else _("Kết quả: có sai lệch"))
