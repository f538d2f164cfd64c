import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from procedures.models import Dossier
from search.backends import elastic_backend


class Command(BaseCommand):
    help = "Rebuild the search indexes: Elasticsearch behind fresh aliases, or the database's full-text tables."

    def handle(self, **options):
        if settings.ELASTICSEARCH_URL:
            total = Dossier.objects.exclude(state="draft").count()

            def progress(done):
                filled = int(30 * done / max(total, 1))
                sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,}".replace(",", "."))

            try:
                stamp = elastic_backend().reindex(progress=progress)
            except Exception as error:  # noqa: BLE001 - the command reports and exits non-zero
                raise CommandError(f"Elasticsearch: {error}") from error
            self.stdout.write(f"\nĐã lập chỉ mục mới ({stamp}) và chuyển bí danh sang.")
            return

        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                for table in ("search_procedure_fts", "search_dossier_fts"):
                    cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        self.stdout.write("Chỉ mục tìm kiếm trong cơ sở dữ liệu đã được dựng lại.")
