import importlib

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Tìm kiếm")

    def ready(self):
        from . import signals  # noqa: F401

        post_migrate.connect(restore_sqlite_triggers, sender=self)


def restore_sqlite_triggers(using="default", **kwargs):
    """SQLite rebuilds a table for most column changes and drops its triggers with it; put back the
    ones that keep the FTS5 tables in step (search/migrations/0001), whatever migration ran."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search_%%_fts'")
        if not cursor.fetchall():
            return  # search's own migration has not run (yet)
        statements = importlib.import_module("search.migrations.0001_database_indexes").SQLITE
        for statement in statements:
            if statement.startswith("CREATE TRIGGER "):
                cursor.execute(statement.replace("CREATE TRIGGER ", "CREATE TRIGGER IF NOT EXISTS ", 1))
