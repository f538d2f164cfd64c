from django.core.management.base import BaseCommand, CommandError

from demo.synthetic_year import generate
from procedures.models import Dossier


class Command(BaseCommand):
    help = "Write a synthetic year of dossiers (default 1,000,000) over the real units and catalog, with their dashboard counts."

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--append", action="store_true", help="add to the dossiers already there")
        parser.add_argument("--if-empty", action="store_true", help="do nothing if there are dossiers (for make setup)")

    def handle(self, *args, dossiers, seed, append, if_empty, **options):
        if dossiers <= 0:  # DEMO_DOSSIERS=0 make run: no synthetic year
            self.stdout.write("Không tạo năm dữ liệu mẫu (--dossiers 0).")
            return
        if if_empty and Dossier.objects.exists():
            return
        if Dossier.objects.exists() and not append:
            raise CommandError(
                "Cơ sở dữ liệu đã có hồ sơ; dùng --append để thêm vào, hoặc dùng một cơ sở dữ liệu riêng."
            )
        result = generate(dossiers, seed=seed, out=self.stderr)
        n = lambda value: f"{value:,}".replace(",", ".")  # noqa: E731  (Vietnamese thousands separator)
        self.stdout.write(
            f"{n(result['dossiers'])} hồ sơ, {n(result['ratings'])} đánh giá, {n(result['monthly_rows'])} dòng số liệu "
            f"tháng, {n(result['weekly_rows'])} dòng số liệu tuần trong {result['seconds']:.0f} giây"
        )
