from django.core.management.base import BaseCommand

from procedures.services.versions import bring_into_force


class Command(BaseCommand):
    help = "Bring procedure versions whose effective day has come into force (Celery beat runs it hourly)."

    def handle(self, **options):
        applied = bring_into_force()
        for version in applied:
            self.stdout.write(f"áp dụng: {version}")
        self.stdout.write(f"{len(applied)} phiên bản được đưa vào áp dụng.")
