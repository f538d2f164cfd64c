"""PostgreSQL: the agencies that may see each dossier, as an indexed array kept by triggers.

An officer's search asks for "matches this name AND visible to my agency"; with both sides in GIN
indexes PostgreSQL intersects two bitmaps instead of scanning a year of dossiers. The array holds
the receiving and current agencies and every agency on the route (the same rule as
procedures.queues.visible_dossiers, which other databases use as it is).
"""

from django.db import migrations

POSTGRESQL = [
    "ALTER TABLE procedures_dossier ADD COLUMN visible_to integer[] NOT NULL DEFAULT '{}'",
    """CREATE FUNCTION search_dossier_visible_to() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.visible_to := ARRAY(SELECT DISTINCT unnest(NEW.visible_to || NEW.receiving_agency_id::integer
                                                       || NEW.current_agency_id::integer));
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER search_dossier_visible_to BEFORE INSERT OR UPDATE OF receiving_agency_id, current_agency_id "
    "ON procedures_dossier FOR EACH ROW EXECUTE FUNCTION search_dossier_visible_to()",
    """CREATE FUNCTION search_step_visible_to() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE procedures_dossier SET visible_to = ARRAY(SELECT DISTINCT unnest(visible_to || NEW.agency_id::integer))
        WHERE id = NEW.dossier_id AND NOT (visible_to @> ARRAY[NEW.agency_id::integer]);
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER search_step_visible_to AFTER INSERT OR UPDATE OF agency_id ON procedures_dossierstep "
    "FOR EACH ROW EXECUTE FUNCTION search_step_visible_to()",
    """UPDATE procedures_dossier d SET visible_to = ARRAY(
        SELECT DISTINCT a FROM unnest(ARRAY[d.receiving_agency_id::integer, d.current_agency_id::integer]
            || COALESCE((SELECT array_agg(s.agency_id::integer) FROM procedures_dossierstep s WHERE s.dossier_id = d.id),
                        '{}')) AS a)""",
    "CREATE INDEX search_dossier_visible_to ON procedures_dossier USING gin (visible_to)",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS search_step_visible_to ON procedures_dossierstep",
    "DROP FUNCTION IF EXISTS search_step_visible_to()",
    "DROP TRIGGER IF EXISTS search_dossier_visible_to ON procedures_dossier",
    "DROP FUNCTION IF EXISTS search_dossier_visible_to()",
    "ALTER TABLE procedures_dossier DROP COLUMN IF EXISTS visible_to",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_stored_vectors"), ("procedures", "0007_received_at_index")]

    operations = [migrations.RunPython(_run(POSTGRESQL), _run(POSTGRESQL_REVERSE))]
