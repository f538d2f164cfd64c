from django.core.management.base import BaseCommand

from documents.services.exchange import sync


class Command(BaseCommand):
    help = "Send issued documents the interconnection axis has not taken yet, and read the recipients' statuses."

    def handle(self, **options):
        sent, changed = sync()
        self.stdout.write(f"Đã gửi {sent} văn bản lên trục; {changed} tình trạng được cập nhật.")
