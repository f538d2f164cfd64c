"""PostgreSQL: keep the tsvectors in generated columns, so that neither matching nor ranking nor
the officers' "newest first" scan recomputes them row by row."""

from django.db import migrations

POSTGRESQL = [
    "DROP INDEX IF EXISTS search_dossier_name_fts",
    "ALTER TABLE procedures_dossier ADD COLUMN applicant_name_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', coalesce(applicant_name_folded, ''))) STORED",
    "CREATE INDEX search_dossier_name_tsv ON procedures_dossier USING gin (applicant_name_tsv)",
    "ALTER TABLE procedures_procedure ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', coalesce(search_name, '')), 'A') || "
    "setweight(to_tsvector('simple', coalesce(search_body, '')), 'B')) STORED",
    "CREATE INDEX search_procedure_vector ON procedures_procedure USING gin (search_vector)",
]
POSTGRESQL_REVERSE = [
    "ALTER TABLE procedures_procedure DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE procedures_dossier DROP COLUMN IF EXISTS applicant_name_tsv",
    "CREATE INDEX search_dossier_name_fts ON procedures_dossier USING gin (to_tsvector('simple', applicant_name_folded))",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_database_indexes")]

    operations = [migrations.RunPython(_run(POSTGRESQL), _run(POSTGRESQL_REVERSE))]
