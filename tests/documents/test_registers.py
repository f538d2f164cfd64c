"""Register numbers (Decree 30/2020/NĐ-CP): per agency, per register, per year; consecutive under
concurrency; a rolled-back record gives its number back; a committed one is never given again."""

import pytest
from django.db import connection, transaction

from documents.models import Direction, DocumentType
from documents.services import take_number
from tests.concurrency import at_once
from tests.factories import AgencyFactory, local

pytestmark = pytest.mark.django_db


def take(agency, direction=Direction.OUTGOING, at=None):
    with transaction.atomic():
        return take_number(agency, direction, at or local(2026, 11, 24, 9, 0))


def test_each_register_counts_on_its_own():
    ubnd, so = AgencyFactory(), AgencyFactory()
    assert [take(ubnd).number for _ in range(3)] == [1, 2, 3]
    assert take(ubnd, Direction.INCOMING).number == 1  # the incoming register is another book
    assert take(so).number == 1  # and so is another agency's
    assert take(ubnd).number == 4


def test_numbers_start_again_on_the_first_of_january_in_vietnam():
    agency = AgencyFactory()
    assert take(agency, at=local(2026, 12, 31, 23, 59)).number == 1
    assert take(agency, at=local(2026, 12, 31, 23, 59)).number == 2
    # 17:30 UTC on 31 December is already 00:30 on 1 January in Vietnam.
    new_year = take(agency, at=local(2027, 1, 1, 0, 30))
    assert (new_year.year, new_year.number) == (2027, 1)
    assert take(agency, at=local(2026, 12, 31, 8, 0)).number == 3  # a late entry of the old year


def test_outgoing_numbers_are_written_from_01_and_incoming_as_counted():
    agency = AgencyFactory()
    assert str(take(agency)) == "01"
    assert str(take(agency, Direction.INCOMING)) == "1"
    for _ in range(8):
        take(agency)
    assert str(take(agency)) == "10"


def test_a_rolled_back_record_gives_its_number_back_and_a_committed_one_is_never_reused():
    agency = AgencyFactory()
    assert take(agency).number == 1
    with pytest.raises(RuntimeError), transaction.atomic():
        take_number(agency, Direction.OUTGOING, local(2026, 11, 24, 9, 0))
        raise RuntimeError("the document could not be saved")
    assert take(agency).number == 2  # consecutive: the register has no hole


def test_an_unknown_register_is_refused():
    agency = AgencyFactory()
    with pytest.raises(ValueError), transaction.atomic():
        take_number(agency, "secret")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_clerks_at_once_get_fifty_consecutive_distinct_numbers():
    if connection.vendor != "postgresql":
        pytest.skip(
            "concurrency of the registers is proven on PostgreSQL (run with DATABASE_URL); "
            "SQLite serialises all writers anyway"
        )
    agency = AgencyFactory()
    numbers, errors = at_once(50, lambda: take(agency).number)
    assert errors == []
    assert sorted(numbers) == list(range(1, 51))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_taking_a_number_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        take_number(AgencyFactory(), Direction.INCOMING)


def test_the_decree_types_are_data_with_their_abbreviations():
    abbreviations = dict(DocumentType.objects.values_list("name", "abbreviation"))
    assert abbreviations["Quyết định"] == "QĐ" and abbreviations["Tờ trình"] == "TTr"
    assert abbreviations["Giấy mời"] == "GM" and abbreviations["Công văn"] == ""
    assert len(abbreviations) == 28
