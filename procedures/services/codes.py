from django.db import connection, transaction

from procedures.models import DossierCodeSequence
from procedures.sla.calendar import LOCAL_TZ

_table = DossierCodeSequence._meta.db_table

# One statement, so that concurrent receipts serialise on the row lock (PostgreSQL) or the
# write lock (SQLite) and each gets its own number. Supported by PostgreSQL and SQLite ≥ 3.35.
_NEXT_VALUE_SQL = f"""
    INSERT INTO {_table} (agency_id, day, last_value) VALUES (%s, %s, 1)
    ON CONFLICT (agency_id, day) DO UPDATE SET last_value = {_table}.last_value + 1
    RETURNING last_value
"""


def next_dossier_code(agency, moment):
    """`<agency electronic code>-<yymmdd>-<sequence>` (Circular 01/2018/TT-VPCP art. 19).

    Must run inside the transaction that saves the dossier: a rolled-back dossier gives its number
    back, but a number once committed is never issued again.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_dossier_code must be called inside transaction.atomic()")
    day = moment.astimezone(LOCAL_TZ).date()
    with connection.cursor() as cursor:
        cursor.execute(_NEXT_VALUE_SQL, [agency.pk, day])
        (value,) = cursor.fetchone()
    return f"{agency.electronic_code}-{day:%y%m%d}-{value:04d}"
