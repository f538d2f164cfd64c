"""Issue 38, part 4: the plan of 1 July 2025 in fixtures/ takes the legacy three-level reference data to
the 92-commune province: no gap, every old agency closed with a successor in force, an old commune's
code resolving to its successor, and the tree in force the one of fixtures/units/thai-nguyen-2025.json."""

import datetime as dt
import json

import pytest
from django.conf import settings
from django.core.management import call_command

from demo.plan_2025 import build
from government.models import AdministrativeUnit, Agency, UnitLevel
from government.selectors import current_unit_code
from procedures.models import Procedure
from reorganisation.plans import read_plan
from reorganisation.selectors import impact
from reorganisation.services import apply
from tests.factories import UserFactory, local

PLAN = settings.BASE_DIR / "fixtures" / "reorganisation" / "thai-nguyen-2025-07-01.json"


def test_the_committed_plan_is_what_the_generator_makes_now():
    assert json.loads(PLAN.read_text(encoding="utf-8")) == build()


@pytest.fixture
def legacy(db):
    call_command("load_reference_data", stdout=open("/dev/null", "w"))


def test_the_plan_takes_the_legacy_tree_to_the_92_communes(legacy, time_machine):
    time_machine.move_to(local(2026, 12, 7, 9, 0))
    plan = read_plan(PLAN)
    found = impact(plan)
    assert found.gaps == [] and ("1.001193", "2025-07-01") in [(c, str(d)) for c, d in found.catalog.new_versions]
    apply(plan, UserFactory(username="quantri.thu", is_superuser=True))

    in_force = AdministrativeUnit.objects.filter(valid_until__isnull=True)
    assert in_force.filter(level=UnitLevel.DISTRICT).count() == 0
    communes = in_force.filter(level=UnitLevel.COMMUNE)
    expected = json.loads((settings.BASE_DIR / "fixtures/units/thai-nguyen-2025.json").read_text(encoding="utf-8"))
    assert {(u.code, u.name, u.parent.code) for u in communes.select_related("parent")} == {
        (u["code"], u["name"], u["parent"]) for u in expected if u["level"] == "commune"
    }
    codes_in_force = {u.code for u in communes}
    merged = AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE, valid_until__isnull=False)
    assert merged.count() == 172 - 55 and not merged.filter(successor__valid_until__isnull=False).exists()
    assert all(current_unit_code(unit.code) == unit.successor.code for unit in merged.select_related("successor"))
    # Phường Cam Giá and Phường Gia Sàng were divided: each goes whole to the ward the official table names first
    assert {current_unit_code("05461"), current_unit_code("05467")} <= codes_in_force
    assert AdministrativeUnit.objects.filter(level=UnitLevel.DISTRICT, valid_until__isnull=False).count() == 9
    ended = Agency.objects.filter(valid_until__isnull=False)
    assert ended.count() == 366 and not ended.filter(successor__isnull=True).exists()
    assert not ended.filter(successor__valid_until__isnull=False).exists()
    labour = Agency.objects.get(electronic_code="000.00.05.H99")
    assert labour.successor.name == "Sở Nội vụ tỉnh Thái Nguyên"
    # receipts from the change on follow the catalogue's versions of 1 July 2025
    birth = Procedure.objects.get(national_code="1.001193")
    assert birth.version_in_force.effective_from == dt.date(2025, 7, 1)
