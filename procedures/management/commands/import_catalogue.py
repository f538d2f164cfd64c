"""Import procedures and their versions from a national-catalogue export (docs/catalogue-import.md)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from procedures.catalog_files import read
from procedures.services.catalog import apply_import, plan_import


class Command(BaseCommand):
    help = (
        "Import procedures and versions from a catalogue file (.json or .xlsx). With --dry-run, print what "
        "would change and write nothing. Running it again with the same file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="show the difference, write nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar (logs, CI)")

    def handle(self, path, dry_run, no_progress, **options):
        try:
            catalogue = read(path)
        except (OSError, ValueError, ValidationError) as error:
            raise CommandError(f"Không đọc được {path}: {_message(error)}") from None
        if dry_run:
            plan = plan_import(catalogue)
        else:
            with tqdm(
                total=len(catalogue.procedures), unit="thủ tục", disable=no_progress or None, file=self.stderr._out
            ) as bar:
                plan = apply_import(catalogue, progress=lambda code: bar.update(1))
        self._report(plan, catalogue, dry_run)
        if plan.refused:
            raise CommandError(f"{len(plan.refused)} mục bị từ chối (xem trên).")

    def _report(self, plan, catalogue, dry_run):
        out = self.stdout.write
        out(
            ("Chạy thử — không ghi gì. " if dry_run else "") + f"Tệp có {len(catalogue.procedures)} thủ tục, "
            f"{catalogue.version_count} phiên bản hợp lệ."
        )
        for code in plan.new_fields:
            out(f"+ lĩnh vực {code}: {catalogue.fields[code]}")
        for code in plan.new_kinds:
            out(f"+ loại giấy tờ {code}: {catalogue.document_kinds[code]['name']}")
        for code in plan.new_procedures:
            out(f"+ thủ tục {code} {catalogue.procedures[code]['name']}")
        for code, old, new in plan.renamed:
            out(f"~ thủ tục {code}: “{old}” → “{new}”")
        for code, day in plan.new_versions:
            out(f"+ phiên bản {code} từ {day:%d/%m/%Y}")
        for code, day, changes in plan.changed_versions:
            out(f"~ phiên bản {code} từ {day:%d/%m/%Y}:")
            for change in changes:
                out(f"    {change.label}: {change.before} → {change.after}")
        out(f"= {plan.unchanged} phiên bản không đổi.")
        for refusal in plan.refused:
            self.stderr.write(f"✗ {refusal}")


def _message(error):
    return "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
