from django.core.management.base import BaseCommand

from demo.store import seed_store


class Command(BaseCommand):
    help = "congdan1's birth extract, issued online a month ago, in their store (Kho dữ liệu của tôi)."

    def handle(self, **options):
        written = seed_store()
        self.stdout.write(f"Kho dữ liệu: {written} kết quả mới." if written else "Kho dữ liệu: đã có, không đổi.")
