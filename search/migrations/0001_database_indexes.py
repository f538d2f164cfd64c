"""Full-text indexes for the database backend, each in the database's own way.

PostgreSQL: a GIN index over the dossiers' folded names (procedures are few and read whole).
SQLite: FTS5 tables over the folded columns, kept in step with the rows by triggers.
"""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_procedure_fts USING fts5(search_name, search_body, "
    "content='procedures_procedure', content_rowid='id')",
    "CREATE TRIGGER search_procedure_ai AFTER INSERT ON procedures_procedure BEGIN "
    "INSERT INTO search_procedure_fts(rowid, search_name, search_body) VALUES (new.id, new.search_name, new.search_body); END",
    "CREATE TRIGGER search_procedure_ad AFTER DELETE ON procedures_procedure BEGIN "
    "INSERT INTO search_procedure_fts(search_procedure_fts, rowid, search_name, search_body) "
    "VALUES ('delete', old.id, old.search_name, old.search_body); END",
    "CREATE TRIGGER search_procedure_au AFTER UPDATE ON procedures_procedure BEGIN "
    "INSERT INTO search_procedure_fts(search_procedure_fts, rowid, search_name, search_body) "
    "VALUES ('delete', old.id, old.search_name, old.search_body); "
    "INSERT INTO search_procedure_fts(rowid, search_name, search_body) VALUES (new.id, new.search_name, new.search_body); END",
    "INSERT INTO search_procedure_fts(search_procedure_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE search_dossier_fts USING fts5(applicant_name_folded, "
    "content='procedures_dossier', content_rowid='id')",
    "CREATE TRIGGER search_dossier_ai AFTER INSERT ON procedures_dossier BEGIN "
    "INSERT INTO search_dossier_fts(rowid, applicant_name_folded) VALUES (new.id, new.applicant_name_folded); END",
    "CREATE TRIGGER search_dossier_ad AFTER DELETE ON procedures_dossier BEGIN "
    "INSERT INTO search_dossier_fts(search_dossier_fts, rowid, applicant_name_folded) "
    "VALUES ('delete', old.id, old.applicant_name_folded); END",
    "CREATE TRIGGER search_dossier_au AFTER UPDATE OF applicant_name_folded ON procedures_dossier BEGIN "
    "INSERT INTO search_dossier_fts(search_dossier_fts, rowid, applicant_name_folded) "
    "VALUES ('delete', old.id, old.applicant_name_folded); "
    "INSERT INTO search_dossier_fts(rowid, applicant_name_folded) VALUES (new.id, new.applicant_name_folded); END",
    "INSERT INTO search_dossier_fts(search_dossier_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_procedure_ai", "DROP TRIGGER IF EXISTS search_procedure_ad",
    "DROP TRIGGER IF EXISTS search_procedure_au", "DROP TABLE IF EXISTS search_procedure_fts",
    "DROP TRIGGER IF EXISTS search_dossier_ai", "DROP TRIGGER IF EXISTS search_dossier_ad",
    "DROP TRIGGER IF EXISTS search_dossier_au", "DROP TABLE IF EXISTS search_dossier_fts",
]
POSTGRESQL = [
    "CREATE INDEX search_dossier_name_fts ON procedures_dossier "
    "USING gin (to_tsvector('simple', applicant_name_folded))",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS search_dossier_name_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("procedures", "0006_search_folded_columns")]

    operations = [
        migrations.RunPython(_run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
                             _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE})),
    ]
