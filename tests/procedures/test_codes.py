import re

import pytest
from django.db import connection, transaction

from procedures.services import next_dossier_code
from tests.concurrency import at_once
from tests.factories import AgencyFactory, local

CODE_SHAPE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$")


def issue(agency, moment):
    with transaction.atomic():
        return next_dossier_code(agency, moment)


def test_codes_follow_the_circular_and_count_per_agency_and_day(db):
    a, b = AgencyFactory(electronic_code="000.30.25.H98"), AgencyFactory(electronic_code="000.31.25.H98")
    day = local(2026, 11, 24, 9, 0)
    assert [issue(a, day) for _ in range(3)] == [
        "000.30.25.H98-261124-0001",
        "000.30.25.H98-261124-0002",
        "000.30.25.H98-261124-0003",
    ]
    assert issue(b, day) == "000.31.25.H98-261124-0001"
    assert issue(a, local(2026, 11, 25, 9, 0)) == "000.30.25.H98-261125-0001"
    assert CODE_SHAPE.match(issue(a, day))


def test_the_date_is_vietnam_local_date(db):
    agency = AgencyFactory(electronic_code="000.30.25.H98")
    # 23:30 UTC on 24/11 is 06:30 on 25/11 in Vietnam.
    import datetime as dt

    assert issue(agency, dt.datetime(2026, 11, 24, 23, 30, tzinfo=dt.UTC)).endswith("-261125-0001")


def test_a_number_is_never_issued_twice_even_after_a_rollback(db):
    agency = AgencyFactory(electronic_code="000.30.25.H98")
    day = local(2026, 11, 24, 9, 0)
    first = issue(agency, day)
    with pytest.raises(RuntimeError), transaction.atomic():
        next_dossier_code(agency, day)
        raise RuntimeError("dossier save failed")
    # The rolled-back number was never committed to a dossier, so it is free; the committed one is not.
    assert issue(agency, day) != first


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_must_run_inside_a_transaction():
    agency = AgencyFactory(electronic_code="000.30.25.H98")
    with pytest.raises(RuntimeError):
        next_dossier_code(agency, local(2026, 11, 24, 9, 0))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_threads_at_once_get_twenty_distinct_consecutive_codes():
    if connection.vendor != "postgresql":
        pytest.skip(
            "concurrency of the code sequence is proven on PostgreSQL (run with DATABASE_URL); "
            "SQLite serialises all writers anyway"
        )
    agency = AgencyFactory(electronic_code="000.30.25.H98")
    day = local(2026, 11, 24, 9, 0)
    codes, errors = at_once(20, lambda: issue(agency, day))
    assert errors == []
    assert sorted(codes) == [f"000.30.25.H98-261124-{n:04d}" for n in range(1, 21)]


def test_the_shape_is_a_setting(db, settings):
    from django.core.exceptions import ImproperlyConfigured

    agency = AgencyFactory(electronic_code="000.00.21.H98")
    settings.DOSSIER_CODE_FORMAT = "{agency}.{day:%Y%m%d}.{sequence:05d}"
    with transaction.atomic():
        assert next_dossier_code(agency, local(2026, 11, 24, 9, 0)) == "000.00.21.H98.20261124.00001"
    for broken in ("{agency}-{day:%y%m%d}", "{agency}-{nonsense}-{sequence}", "{agency}" * 6 + "{sequence}"):
        settings.DOSSIER_CODE_FORMAT = broken
        with pytest.raises(ImproperlyConfigured), transaction.atomic():
            next_dossier_code(agency, local(2026, 11, 24, 9, 0))


def test_a_broken_shape_fails_the_system_check(settings):
    from procedures.checks import dossier_code_format

    assert dossier_code_format(None) == []
    settings.DOSSIER_CODE_FORMAT = "{agency}"
    assert [error.id for error in dossier_code_format(None)] == ["procedures.E001"]


def test_an_online_dossier_is_dated_by_the_day_the_system_received_it(world):
    """docs/decisions/0006: submitted at 23:50 on 24/11, accepted by the officer on 25/11 → 241124."""
    from procedures import services

    draft = services.create_draft(
        world.simple, world.commune_agency, world.citizen, at=local(2026, 11, 24, 23, 0), applicant_phone="0912345678"
    )
    services.submit(draft, world.citizen, at=local(2026, 11, 24, 23, 50))
    code = draft.code
    assert code.split("-")[1] == "261124"
    services.receive(draft, world.xa_motcua, at=local(2026, 11, 25, 8, 0))
    draft.refresh_from_db()
    assert draft.code == code and draft.received_at == local(2026, 11, 25, 8, 0)
