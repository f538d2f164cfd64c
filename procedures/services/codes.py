import datetime as dt

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
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


def code_format():
    """DOSSIER_CODE_FORMAT, checked. Circular 01/2018/TT-VPCP art. 19 gives the default shape; Circular
    03/2025/TT-VPCP also defines codes, so the shape stays a setting until its text is checked."""
    shape = settings.DOSSIER_CODE_FORMAT
    try:
        sample = shape.format(agency="000.00.00.H00", day=dt.date(2026, 1, 2), sequence=1)
    except (KeyError, IndexError, ValueError) as error:
        raise ImproperlyConfigured(f"DOSSIER_CODE_FORMAT {shape!r}: {error}") from None
    if "{sequence" not in shape or "{agency" not in shape or len(sample) > 40:
        raise ImproperlyConfigured("DOSSIER_CODE_FORMAT needs {agency} and {sequence} and at most 40 characters")
    return shape


def next_dossier_code(agency, moment):
    """The next code of `agency` for the day of `moment`, in the shape of DOSSIER_CODE_FORMAT
    (by default `<agency electronic code>-<yymmdd>-<sequence>`, Circular 01/2018/TT-VPCP art. 19).

    Must run inside the transaction that saves the dossier: a rolled-back dossier gives its number
    back, but a number once committed is never issued again.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_dossier_code must be called inside transaction.atomic()")
    day = moment.astimezone(LOCAL_TZ).date()
    with connection.cursor() as cursor:
        cursor.execute(_NEXT_VALUE_SQL, [agency.pk, day])
        (value,) = cursor.fetchone()
    return code_format().format(agency=agency.electronic_code, day=day, sequence=value)
