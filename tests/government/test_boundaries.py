"""The shared base stands alone: documents and meetings will build on it without the procedure domain
(decision 0018)."""

from tests.boundaries import foreign_imports


def test_government_imports_none_of_the_systems_built_on_it():
    assert foreign_imports("government") == set()
    assert any(": procedures" in found for found in foreign_imports("portal"))  # the check does see imports


def test_the_moved_models_keep_their_tables():
    from government.models import AdministrativeUnit, Agency, CalendarException, Desk, StaffRole

    tables = {model._meta.db_table for model in (AdministrativeUnit, Agency, CalendarException, Desk, StaffRole)}
    assert tables == {
        "procedures_administrativeunit",
        "procedures_agency",
        "procedures_calendarexception",
        "procedures_desk",
        "procedures_staffrole",
    }
