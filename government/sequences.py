"""Gap-free numbers per key (a desk's day for dossier codes, an agency's year for document
registers): one upsert statement, so that concurrent callers serialise on the row lock (PostgreSQL)
or the write lock (SQLite ≥ 3.35) and each gets its own number."""

from django.db import connection, transaction


def next_value(model, key, value_column="last_value"):
    """The next number of `model`'s row for `key` ({column: value}), creating the row at 1.

    Must run inside the transaction that records what the number is for: a rolled-back record gives
    its number back, so the register stays consecutive, and a committed number is never issued again.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_value must be called inside transaction.atomic()")
    table, columns = model._meta.db_table, list(key)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}, {value_column}) VALUES ({', '.join(['%s'] * len(columns))}, 1) "
        f"ON CONFLICT ({', '.join(columns)}) DO UPDATE SET {value_column} = {table}.{value_column} + 1 "
        f"RETURNING {value_column}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(key.values()))
        (value,) = cursor.fetchone()
    return value
