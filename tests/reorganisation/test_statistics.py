"""Issue 38, part 3: statistics across the change. A period that spans a reorganisation reads by the
units of the time or by today's units (old agencies rolled into their successors); both views add up
to the same total, the new unit's months before and after the change compare like with like, the
dossiers behind a rolled-up count are those of the old agencies, and the exports say which view."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from government.models import Agency
from reorganisation.plans import read_plan
from reorganisation.services import apply
from reporting import selectors as reads
from tests.factories import local, walk_in
from tests.portal.backoffice.test_dashboard import history  # noqa: F401  (a fixture: November's dossiers)
from tests.reorganisation.test_dry_run import plan_for

pytestmark = pytest.mark.django_db

SPAN = reads.Period(dt.date(2026, 11, 1), dt.date(2026, 12, 1))
NEW_CODE = "000.09.21.H98"


@pytest.fixture
def spanning(history, time_machine):  # noqa: F811
    """November at the old communes; the plan takes effect on 1 December; a walk-in at the new commune
    on 2 December."""
    world = history
    time_machine.move_to(local(2026, 12, 1, 0, 5))
    apply(read_plan(plan_for(world, effective_at="2026-12-01T00:00:00+07:00")), world.monitor)
    new = Agency.objects.get(electronic_code=NEW_CODE)
    time_machine.move_to(local(2026, 12, 2, 9, 0))
    officer = type(world.xa2_motcua).objects.get(pk=world.xa2_motcua.pk)  # their role moved with the plan
    walk_in(world.simple, new, officer, at=local(2026, 12, 2, 9, 0), applicant_name="Trần Thị D")
    return world, new


def by_unit(scope):
    return {f.key: f.received for f in reads.breakdowns(scope, SPAN)[1]["unit"]}


def test_both_views_of_a_spanning_period_add_up(spanning):
    world, new = spanning
    recorded = reads.scope_for(world.monitor, "", reads.AS_RECORDED)
    current = reads.scope_for(world.monitor, "", reads.CURRENT)
    total = reads.totals(recorded, SPAN).received
    assert total == 6  # five in November at the old communes, one in December at the new one
    assert reads.breakdowns(recorded, SPAN)[0].received == reads.breakdowns(current, SPAN)[0].received == total
    as_recorded, today = by_unit(recorded), by_unit(current)
    assert sum(as_recorded.values()) == sum(today.values()) == total
    assert as_recorded["911"] == 5 and as_recorded["91199"] == 1  # the closed district keeps its work
    assert "911" not in today and today["91199"] == 6  # rolled into the commune that carries it now
    agencies = {f.key: f.received for f in reads.breakdowns(current, SPAN)[1]["agency"]}
    assert agencies == {str(new.pk): 6}


def test_the_new_units_months_before_and_after_compare_like_with_like(spanning):
    world, _new = spanning
    today = reads.scope_for(world.monitor, "91199", reads.CURRENT)
    recorded = reads.scope_for(world.monitor, "91199", reads.AS_RECORDED)
    assert [f.received for f in reads.trend_by_month(today, SPAN)] == [5, 1]
    assert [f.received for f in reads.trend_by_month(recorded, SPAN)] == [0, 1]
    before, after = reads.trend_by_month(today, SPAN)
    assert before.on_time_rate is not None  # November's timeliness counts for the new commune


def test_the_dossiers_behind_a_rolled_up_count_are_the_old_agencies(spanning):
    world, new = spanning
    scope = reads.scope_for(world.monitor, "", reads.CURRENT)
    start, end = local(2026, 11, 1, 0, 0), local(2027, 1, 1, 0, 0)
    listed = reads.dossiers_behind(scope, start, end, "received", by="agency", key=str(new.pk))
    assert listed.count() == 6
    assert {d.receiving_agency_id for d in listed} == {world.commune_agency.pk, world.other_commune_agency.pk, new.pk}
    recorded = reads.scope_for(world.monitor, "", reads.AS_RECORDED)
    assert reads.dossiers_behind(recorded, start, end, "received", by="agency", key=str(new.pk)).count() == 1


def test_the_page_and_its_exports_say_which_view(spanning, staff_client):
    monitor = staff_client("monitor")
    query = {"tu": "2026-11", "den": "2026-12"}
    page = monitor.get("/can-bo/bao-cao/", {**query, "don-vi-theo": "khi-phat-sinh"})
    assert page.status_code == 200
    assert 'value="khi-phat-sinh" selected' in page.content.decode()
    export = monitor.get("/can-bo/bao-cao/", {**query, "xuat": "xlsx"})
    assert "hien-nay" in export["Content-Disposition"]
    about = load_workbook(io.BytesIO(export.content))["Thông tin báo cáo"]
    assert [row[1].value for row in about.iter_rows(min_row=2)][-1] == str(reads.UNIT_VIEWS[reads.CURRENT])
    hostile = monitor.get("/can-bo/bao-cao/", {**query, "don-vi-theo": "<script>"})
    assert hostile.status_code == 400 and "<script>" not in hostile.content.decode()
