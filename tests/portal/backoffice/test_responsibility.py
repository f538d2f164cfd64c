"""Issue 12, defects 7–9: lateness charged to the step's agency, counts that open their dossiers,
and the dashboard's details. Each tried through the pages."""

import datetime as dt
import re
from html import unescape

import pytest
from django.utils import timezone

from procedures import services
from procedures.models import Outcome, Timeliness
from reporting import selectors as reads
from tests.factories import AgencyFactory, ProcedureFactory, at_the_district

pytestmark = pytest.mark.django_db


@pytest.fixture
def charged(world):
    """An inter-level dossier: the commune's step early, the district's step late, returned late."""
    dossier = at_the_district(world)
    services.propose(dossier, world.huyen_chuyenvien, outcome=Outcome.RESULT)
    services.approve(dossier, world.huyen_lanhdao)
    return services.return_result(dossier, world.xa_motcua)


def month_query(**extra):
    month = timezone.localdate().strftime("%Y-%m")
    first = (timezone.localdate() - dt.timedelta(days=31)).strftime("%Y-%m")
    return {"tu": first, "den": month, **extra}


def by_agency(response):
    return {f.label: f for f in response.context["tables"][3]["figures"]}


def test_the_late_step_is_charged_to_the_district_not_the_receiving_commune(staff_client, world, charged):
    steps = list(charged.steps.order_by("index"))
    assert [s.timeliness for s in steps] == [Timeliness.EARLY, Timeliness.LATE]
    monitor = staff_client("monitor")
    responsible = by_agency(monitor.get("/can-bo/bao-cao/", month_query()))
    assert responsible[world.commune_agency.name].on_time_rate == 1
    assert responsible[world.district_agency.name].on_time_rate == 0
    receiving = by_agency(monitor.get("/can-bo/bao-cao/", month_query(theo="noi-tiep-nhan")))
    assert receiving[world.commune_agency.name].on_time_rate == 0  # the old view, still one click away
    assert world.district_agency.name not in receiving
    page = monitor.get("/can-bo/bao-cao/", month_query())
    progress = next(s for s in page.context["scores"] if s.points == 20)
    assert progress.value == 10  # one step of two on time: 20 × 1/2, by responsible agency


def test_a_step_that_starts_late_gets_its_own_days(world):
    """The commune overran; the district, handed the dossier late, still has its three days."""
    start = timezone.now() - dt.timedelta(days=30)
    dossier = services.create_draft(world.inter_level, world.commune_agency, world.citizen, at=start)
    services.submit(dossier, world.citizen, at=start)
    services.receive(dossier, world.xa_motcua, at=start)
    services.start_processing(dossier, world.xa_chuyenvien, at=start)
    transferred = timezone.now() - dt.timedelta(hours=1)
    services.transfer(dossier, world.xa_chuyenvien, at=transferred)
    commune, district = dossier.steps.order_by("index")
    assert commune.timeliness == Timeliness.LATE
    assert district.due_at > transferred + dt.timedelta(days=2)  # three working days from the hand-over
    assert dossier.due_at < timezone.now()  # the citizen's due time did not move


def test_every_count_links_to_its_dossiers_with_scope_and_period_kept(staff_client, world, charged):
    monitor = staff_client("monitor")
    page = monitor.get("/can-bo/bao-cao/", month_query())
    html = page.content.decode()
    links = [unescape(href) for href in re.findall(r'href="(/can-bo/bao-cao/ho-so/\?[^"]+)"', html)]
    late_at_district = next(
        link
        for link in links
        if "chi-so=done_late" in link and "nhom=agency" in link and f"khoa={world.district_agency.pk}" in link
    )
    assert "tu=" in late_at_district and "den=" in late_at_district and "theo=co-quan-xu-ly" in late_at_district
    listed = monitor.get(late_at_district)
    assert [d.code for d in listed.context["page_obj"]] == [charged.code]
    assert world.district_agency.name in listed.content.decode()
    # The same count for the commune is empty: its step was early.
    commune_late = late_at_district.replace(f"khoa={world.district_agency.pk}", f"khoa={world.commune_agency.pk}")
    assert list(monitor.get(commune_late).context["page_obj"]) == []
    # By receiving desk the dossier is the commune's.
    receiving = monitor.get(commune_late.replace("theo=co-quan-xu-ly", "theo=noi-tiep-nhan"))
    assert [d.code for d in receiving.context["page_obj"]] == [charged.code]
    # A leader of another commune cannot open it through a link, whatever it says.
    other = staff_client("xa2_lanhdao").get(late_at_district)
    assert other.status_code == 403 and charged.code not in other.content.decode()
    own_scope = late_at_district.replace(
        f"don-vi={world.province.code}", f"don-vi={world.other_commune_agency.unit.code}"
    )
    assert list(staff_client("xa2_lanhdao").get(own_scope).context["page_obj"]) == []
    assert monitor.get("/can-bo/bao-cao/ho-so/", {"chi-so": "everything"}).status_code == 400


def test_officer_search_filters_by_timeliness(staff_client, world, charged):
    monitor = staff_client("monitor")
    assert [d.code for d in monitor.get("/can-bo/tim-kiem/", {"timeliness": "late"}).context["results"]] == [
        charged.code
    ]
    assert monitor.get("/can-bo/tim-kiem/", {"timeliness": "early"}).context["results"] == []
    assert monitor.get("/can-bo/tim-kiem/", {"received_to": "9999-12-31"}).status_code == 200  # refused, no 500


def test_the_provinces_own_agencies_are_shown_apart_from_its_districts(staff_client, world, charged):
    justice_procedure = ProcedureFactory(
        name="Cấp phiếu lý lịch tư pháp", route=[("province", "department", "justice", 3)]
    )
    officer = world.justice
    from tests.factories import staff

    desk, specialist, leader = (
        staff(role, officer, username=f"so.{role}") for role in ("one_stop_officer", "specialist", "leader")
    )
    start = timezone.now() - dt.timedelta(hours=2)
    dossier = services.create_draft(justice_procedure, officer, world.citizen, at=start)
    services.submit(dossier, world.citizen, at=start)
    services.receive(dossier, desk, at=start)
    services.start_processing(dossier, specialist, at=start)
    services.propose(dossier, specialist, outcome=Outcome.RESULT)
    services.approve(dossier, leader)
    services.return_result(dossier, desk)
    page = staff_client("monitor").get("/can-bo/bao-cao/", month_query())
    units = page.context["unit_figures"]
    own = [f for f in units if f.own]
    assert [f.label for f in own] == [f"Các cơ quan cấp tỉnh ({world.province.name})"]
    assert units[0].own  # listed first, apart
    html = page.content.decode()
    assert "tính riêng, không xếp hạng cùng các đơn vị cấp dưới" in html


def test_dashboard_details_explained_and_formatted(staff_client, world, charged):
    monitor = staff_client("monitor")
    page = monitor.get("/can-bo/bao-cao/", month_query())
    html = page.content.decode()
    assert "Chưa có cơ quan nào đủ số hồ sơ để xếp hạng" in html  # one dossier: nobody reaches 20
    assert "<th></th>" not in html  # the scores table's last header says what it holds
    assert "Ghi chú</th>" in html
    csv = monitor.get("/can-bo/bao-cao/", month_query(xuat="csv", bang="agency")).content.decode("utf-8-sig")
    header, *rows = csv.splitlines()
    assert "Tỉ lệ đúng hạn (%)" in header
    assert any(",100.0," in row or ",0.0," in row for row in rows)  # CSV: a dot, for any spreadsheet's import
    assert "100,0%" in html or "100%" in html or "100,0" in html  # the page: a decimal comma
    assert monitor.get("/can-bo/bao-cao/", {"tu": "0000-01", "den": "9999-12"}).status_code == 400
    assert monitor.get("/can-bo/bao-cao/", {"tu": "2015-01", "den": "2026-11"}).status_code == 400  # > 60 months


def test_scope_of_a_leader_is_kept_in_the_lists(staff_client, world, charged):
    AgencyFactory(
        unit=world.province, name="Sở Tài chính", electronic_code="000.00.02.H98", kind="department", sector="finance"
    )
    leader = staff_client("huyen_lanhdao")
    page = leader.get("/can-bo/bao-cao/", month_query())
    assert page.status_code == 200
    total = page.context["total"]
    assert (total.done_late, total.done) == (1, 2)  # the district's subtree: its late step, the commune's early one
    assert reads.VIEWS[page.context["view"]]


@pytest.mark.parametrize(
    "params",
    [
        {"chi-so": "done_late", "nhom": "agency", "khoa": "9" * 20},
        {"chi-so": "done_late", "nhom": "unit", "khoa": "<script>"},
        {"chi-so": "received", "tuan": "2026-02-31"},
        {"chi-so": "received", "tu": "0000-01", "den": "9999-12"},
        {"chi-so": "received", "page": "9" * 5000},
        {"chi-so": "received", "don-vi": "x" * 5000},
        {"chi-so": "received", "theo": "everything"},
    ],
)
def test_the_dossier_list_answers_hostile_links_without_error(staff_client, world, charged, params):
    response = staff_client("monitor").get("/can-bo/bao-cao/ho-so/", params)
    assert response.status_code in (200, 400, 403)
    if response.status_code == 200:
        assert charged.code not in response.content.decode()
