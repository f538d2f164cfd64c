"""Keeping the dashboard's monthly and weekly counts current, in the same transaction as the event."""

import datetime as dt

from django.db import connection

from government.calendar import LOCAL_TZ
from procedures.models import (
    COUNTERS,
    AgencyMonthlyStat,
    Channel,
    DossierState,
    MonthlyStat,
    ProcedureMonthlyStat,
    Timeliness,
    WeeklyStat,
)


def period_keys(moment):
    """(first day of the month, Monday of the week) of `moment` in Vietnam's time."""
    day = moment.astimezone(LOCAL_TZ).date()
    return day.replace(day=1), day - dt.timedelta(days=day.weekday())


def record(dossier, action, at):
    """Count what `action` on `dossier` at `at` means for the dashboard, if anything."""
    counts = _counts(dossier, action)
    if counts:
        bump(dossier.receiving_agency_id, dossier.procedure_id, at, counts)


def record_step(step, at):
    """A route step completed: its timeliness counts for the agency that held the dossier then."""
    bump(step.agency_id, step.dossier.procedure_id, at, {f"handled_{step.timeliness}": 1})


def record_rating(dossier, score, at):
    bump(dossier.receiving_agency_id, dossier.procedure_id, at, {"rating_count": 1, "rating_sum": score})


def _counts(dossier, action):
    if action == "receive":
        online = dossier.channel == Channel.ONLINE
        # At the counter: every document received was scanned (none recorded as kept on paper).
        digital = online or (
            dossier.documents.exists() and not dossier.components.exclude(unscanned_reason="").exists()
        )
        reused = dossier.documents.filter(stored_document__isnull=False).exists()
        return {
            "received": 1,
            "received_online" if online else "received_counter": 1,
            "digitised": int(digital),
            "reused": int(reused),
        }
    if action == "return_result":
        digital_result = dossier.events.filter(action="approve", files__isnull=False).exists()
        return {
            f"resolved_{dossier.timeliness}": 1,
            "closed": 1,
            "results_digital": int(digital_result),
            "not_qualified": int(dossier.state == DossierState.NOT_QUALIFIED),
            "handled_late": int(is_late_at_the_desk(dossier)),
        }
    if action == "withdraw":
        return {"withdrawn": 1, "closed": int(dossier.received_at is not None)}
    if action == "stop":
        return {"stopped": 1, "closed": 1}
    if action == "reject":
        return {"rejected": 1}
    if action == "request_supplement":
        return {"supplements": 1}
    return None


def is_late_at_the_desk(dossier):
    """Returned late although no route step was late: the desk held the result too long, and the
    lateness is the desk's (docs/decisions/0001-lateness-charged-to-the-step.md)."""
    return dossier.timeliness == Timeliness.LATE and not dossier.steps.filter(timeliness=Timeliness.LATE).exists()


def bump(agency_id, procedure_id, at, counts):
    """Add `counts` to the month and week rows and the month roll-ups, creating them if needed, in
    one statement each."""
    month, week = period_keys(at)
    values = [counts.get(name, 0) for name in COUNTERS]
    _upsert(
        MonthlyStat._meta.db_table, ["month", "agency_id", "procedure_id"], [month, agency_id, procedure_id], values
    )
    _upsert(AgencyMonthlyStat._meta.db_table, ["month", "agency_id"], [month, agency_id], values)
    _upsert(ProcedureMonthlyStat._meta.db_table, ["month", "procedure_id"], [month, procedure_id], values)
    _upsert(WeeklyStat._meta.db_table, ["week", "agency_id"], [week, agency_id], values)


def rebuild_rollups(cursor):
    """Fill the month roll-ups anew from the month rows: after a bulk load that wrote month rows
    only, and once when the roll-ups were introduced (migration 0018)."""
    sums = ", ".join(f"SUM({name})" for name in COUNTERS)
    columns = ", ".join(COUNTERS)
    source = MonthlyStat._meta.db_table
    for model, key in ((AgencyMonthlyStat, "agency_id"), (ProcedureMonthlyStat, "procedure_id")):
        table = model._meta.db_table
        cursor.execute(f"DELETE FROM {table}")
        cursor.execute(
            f"INSERT INTO {table} (month, {key}, {columns}) "
            f"SELECT month, {key}, {sums} FROM {source} GROUP BY month, {key}"
        )


def _upsert(table, key_columns, key_values, values):
    # ON CONFLICT … DO UPDATE adds atomically: two officers' actions at once never lose a count.
    columns = key_columns + list(COUNTERS)
    updates = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in COUNTERS)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(key_columns)}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, key_values + values)
