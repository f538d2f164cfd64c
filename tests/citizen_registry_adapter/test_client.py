"""The behaviour common to every registry, on the in-process one."""

import pytest

from citizen_registry_adapter.compare import FieldStatus
from citizen_registry_adapter.errors import CitizenNotFound, InvalidPersonalId, RegistryUnavailable
from citizen_registry_adapter.memory import InMemoryRegistry
from citizen_registry_adapter.synthetic import population

AN = "019090001234"


@pytest.fixture
def registry():
    return InMemoryRegistry(population().values())


def test_lookup_returns_the_typed_record(registry):
    record = registry.lookup(AN, "H19.01-261126-0001")
    assert record.full_name == "Nguyễn Văn An"
    assert record.spouse.full_name == "Trần Thị Bình"


@pytest.mark.parametrize("number", ["0190900012", "003090001234", "019490001234"])
def test_an_invalid_id_is_refused_before_any_call(registry, number):
    with pytest.raises(InvalidPersonalId):
        registry.lookup(number, "x")
    assert registry.calls == 0


def test_an_id_that_contradicts_the_declared_birth_date_is_refused_before_any_call(registry):
    with pytest.raises(InvalidPersonalId, match="năm sinh 1990"):
        registry.verify({"personal_id": AN, "date_of_birth": "12/05/1991"}, "x")
    assert registry.calls == 0


def test_verify_reports_each_field_with_both_values(registry):
    verification = registry.verify(
        {
            "personal_id": AN,
            "full_name": "NGUYỄN   VĂN AN",
            "date_of_birth": "1990-05-12",
            "sex": "nam",
            "ethnicity": "Tày",
            "temporary_residence": "Số 1 Hoàng Văn Thụ",
        },
        "H19.01-261126-0001",
    )
    statuses = {result.field: result.status for result in verification.results}
    assert statuses == {
        "full_name": FieldStatus.MATCH,
        "date_of_birth": FieldStatus.MATCH,
        "sex": FieldStatus.MATCH,
        "ethnicity": FieldStatus.MISMATCH,
        "temporary_residence": FieldStatus.MISSING,
    }
    mismatch = next(result for result in verification.problems if result.field == "ethnicity")
    assert (mismatch.declared, mismatch.registered) == ("Tày", "Kinh")
    assert not verification.matches


def test_not_found_and_unavailable_are_distinct_errors(registry):
    with pytest.raises(CitizenNotFound):
        registry.lookup("019090001235", "x")
    registry.failure = RegistryUnavailable(reason="test")
    with pytest.raises(RegistryUnavailable) as caught:
        registry.lookup(AN, "x")
    assert "vẫn được tiếp nhận" in str(caught.value.message)


def test_every_lookup_is_logged_masked_without_registry_data(registry, lookup_log):
    registry.lookup(AN, "H19.01-261126-0001", actor="xa.motcua")
    with pytest.raises(CitizenNotFound):
        registry.lookup("019090001235", "H19.01-261126-0002", actor="xa.motcua")
    with pytest.raises(InvalidPersonalId):
        registry.lookup("12345", "H19.01-261126-0003", actor="xa.motcua")
    assert len(lookup_log) == 3
    first, second, third = lookup_log
    assert "actor=xa.motcua purpose=H19.01-261126-0001 id=019******234 outcome=ok" in first
    assert "id=019******235 outcome=not_found" in second
    assert "id=***** outcome=invalid_id" in third
    text = "\n".join(lookup_log)
    assert AN not in text and "Nguyễn" not in text and "Hương Sơn" not in text
