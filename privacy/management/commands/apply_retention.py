from django.core.management.base import BaseCommand

from privacy import retention


class Command(BaseCommand):
    help = (
        "Apply the retention rules: stale drafts with their files, old registry look-up records, counter scans "
        "never filed, and documents of closed dossiers past their procedure's archive period. "
        "--dry-run only reports what would go."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what is due; change nothing.")
        parser.add_argument(
            "--rule",
            action="append",
            choices=[rule.name for rule in retention.RULES],
            help="Only this rule (may be repeated).",
        )

    def handle(self, dry_run, rule, **options):
        counts = retention.apply(dry_run=dry_run, only=rule, progress=self._progress)
        title = "Sẽ xóa (chạy thử, chưa thay đổi gì):" if dry_run else "Đã xóa:"
        self.stdout.write(title)
        for item in retention.RULES:
            if item.name in counts:
                self.stdout.write(f"  {item.name:<8} {counts[item.name]:>8}  {item.label}")

    def _progress(self, rule, done, total):
        """One line per rule on stderr, redrawn as items go (the summary stays clean on stdout)."""
        width = 30
        filled = width * done // total
        self.stderr.write(
            f"\r{rule.name:<8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
            ending="\n" if done == total else "",
        )
