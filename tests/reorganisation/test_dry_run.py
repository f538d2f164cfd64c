"""Issue 38, part 1: a plan as data, checked against the live database before anything moves. A plan
with a gap is refused with each gap named; a complete plan lists every open dossier with its successor
and the working time it keeps."""

import json

import pytest
from django.core.management import call_command

from reorganisation.plans import PlanError, read_plan
from reorganisation.selectors import impact
from tests.factories import at_the_district, received

pytestmark = pytest.mark.django_db


def plan_for(world, **changes):
    """The district ends (two levels from 1 July 2025); its two communes merge into a new one; the
    district committee's work goes to the new commune's committee, created by the plan."""
    plan = {
        "reference": "Nghị quyết 9999/NQ-UBTVQH15 (thử nghiệm)",
        "effective_at": "2025-07-01T00:00:00+07:00",
        "units": [
            {"code": "911", "close": True},
            {
                "code": "91199",
                "from": ["91101", "91102"],
                "name": "Xã Thử Mới",
                "short_name": "Thử Mới",
                "unit_type": "Xã",
                "level": "commune",
                "parent": "91",
            },
        ],
        "new_agencies": [
            {
                "unit": "91199",
                "kind": "committee",
                "sector": "",
                "name": "Ủy ban nhân dân xã Thử Mới",
                "electronic_code": "000.09.21.H98",
            }
        ],
        "agencies": [
            {"from": world.district_agency.electronic_code, "to": "000.09.21.H98"},
            {"from": world.commune_agency.electronic_code, "to": "000.09.21.H98"},
            {"from": world.other_commune_agency.electronic_code, "to": "000.09.21.H98"},
        ],
    }
    plan.update(changes)
    return plan


def test_a_complete_plan_lists_each_open_dossier_with_its_successor_and_time_left(world):
    at_district = at_the_district(world, days_ago=2)
    at_commune = received(world)
    found = impact(read_plan(plan_for(world)))
    assert found.gaps == []
    moves = {move.dossier.pk: move for row in found.agencies for move in row.moves}
    assert set(moves) >= {at_district.pk, at_commune.pk}
    assert moves[at_district.pk].successor.name == "Ủy ban nhân dân xã Thử Mới"
    assert moves[at_commune.pk].time_left  # the working time it keeps across the move
    district = next(row for row in found.agencies if row.agency == world.district_agency)
    assert {role.user.username for role in district.staff} == {"huyen.motcua", "huyen.chuyenvien", "huyen.lanhdao"}


def test_a_plan_with_gaps_is_refused_with_each_gap_named(world):
    at_district = at_the_district(world, days_ago=2)
    plan = plan_for(
        world,
        agencies=[
            # the district's work divided by field, with nothing for the field of its open dossier
            {"from": world.district_agency.electronic_code, "to": {"by_field": {"khong-co": "000.09.21.H98"}}},
            {"from": world.commune_agency.electronic_code, "to": "000.77.21.H98"},  # neither existing nor created
        ],
    )
    gaps = impact(read_plan(plan)).gaps
    text = "\n".join(gaps)
    assert at_district.code in text and "phương án không chỉ cơ quan nào nhận" in text  # the dossier
    assert "Cán bộ huyen.motcua" in text  # staff with no general successor
    assert "000.77.21.H98" in text  # a successor that does not exist
    assert world.other_commune_agency.name in text and "chưa có cơ quan kế thừa" in text  # an agency left out


def test_a_malformed_plan_names_every_mistake_at_once():
    with pytest.raises(PlanError) as raised:
        read_plan({"effective_at": "1/7/2025", "units": [{"from": ["1"]}], "agencies": [{"from": "X"}]})
    problems = "\n".join(raised.value.problems)
    assert "reference" in problems and "effective_at" in problems
    assert "thiếu mã đơn vị" in problems and "Cơ quan X: thiếu cơ quan kế thừa" in problems


def test_the_dry_run_command_prints_the_impact_and_fails_on_a_gap(world, tmp_path, capsys):
    received(world)
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(plan_for(world)), encoding="utf-8")
    bad.write_text(json.dumps(plan_for(world, agencies=[])), encoding="utf-8")
    call_command("plan_reorganisation", str(good))
    out = capsys.readouterr().out
    assert "Không có chỗ thiếu" in out and "Ủy ban nhân dân xã Thử Mới" in out
    with pytest.raises(SystemExit) as stopped:
        call_command("plan_reorganisation", str(bad))
    assert stopped.value.code == 1
    assert "chưa có cơ quan kế thừa" in capsys.readouterr().out


def test_nothing_is_written_by_a_dry_run(world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    received(world)
    with CaptureQueriesContext(connection) as captured:
        impact(read_plan(plan_for(world)))
    assert not [q for q in captured.captured_queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]


def test_hostile_plans_are_refused_with_a_message_not_a_crash(world):
    hostile = [
        ({"effective_at": "2025-02-30T00:00:00+07:00"}, "effective_at"),
        ({"reference": "x" * 500}, "200"),
        ({"new_agencies": [{"unit": "91199", "electronic_code": "000.09.21.H98"}]}, "kind, name"),
        (
            {"new_agencies": [{"unit": "91199", "kind": "galaxy", "name": "X", "electronic_code": "abc"}]},
            "không hợp lệ",
        ),
        ({"units": [{"code": "91199", "from": ["91101"], "name": "X", "level": "galaxy"}]}, "cấp (level)"),
    ]
    for change, said in hostile:
        with pytest.raises(PlanError) as raised:
            read_plan(plan_for(world, **change))
        assert said in "\n".join(raised.value.problems)


def test_a_new_agency_in_an_unknown_unit_is_a_gap(world):
    agencies = [{"unit": "00000", "kind": "committee", "name": "Ủy ban X", "electronic_code": "000.09.21.H98"}]
    assert any("đơn vị 00000 không có" in gap for gap in impact(read_plan(plan_for(world, new_agencies=agencies))).gaps)
