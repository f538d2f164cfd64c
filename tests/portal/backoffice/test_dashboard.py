"""The dashboard's figures equal naive counts over the dossiers they summarise."""

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from procedures import services
from procedures.models import Dossier, DossierEvent, Outcome, SatisfactionRating, Timeliness
from procedures.services import filing
from reporting import selectors as reads
from tests.factories import RECEIVED_AT, local, online, received, walk_in
from tests.uploads import pdf

pytestmark = pytest.mark.django_db

PERIOD = reads.Period(dt.date(2026, 11, 1), dt.date(2026, 11, 1))


@pytest.fixture
def history(world, time_machine):
    """A small month: returned early and late, withdrawn, refused, a counter filing, a supplement, a rating.
    The refusal and the ratings are stamped with the clock, so the clock stands in the month too."""
    time_machine.move_to(local(2026, 11, 30, 10, 0))

    def finish(dossier, returned_at):
        services.start_processing(dossier, world.xa_chuyenvien, at=RECEIVED_AT)
        services.propose(dossier, world.xa_chuyenvien, outcome=Outcome.RESULT, at=RECEIVED_AT)
        services.approve(dossier, world.xa_lanhdao, at=RECEIVED_AT, files=[("kq.pdf", b"%PDF-1.4")])
        return services.return_result(dossier, world.xa_motcua, at=returned_at)

    early = finish(received(world, procedure=world.simple), RECEIVED_AT + dt.timedelta(hours=2))
    late = finish(received(world, procedure=world.simple), local(2026, 11, 30, 9, 0))
    filing.rate(early, world.citizen, score=4)
    filing.rate(late, world.citizen, score=2)
    services.withdraw(received(world), world.citizen, reason="Nộp nhầm", at=RECEIVED_AT + dt.timedelta(hours=1))
    services.reject(online(world, citizen=world.other_citizen), world.xa_motcua, reason="Sai thẩm quyền")
    asked = received(world)
    services.start_processing(asked, world.xa_chuyenvien, at=RECEIVED_AT)
    services.request_supplement(asked, world.xa_chuyenvien, missing_items=["Bản sao"], at=RECEIVED_AT)
    walk_in(world.simple, world.other_commune_agency, world.xa2_motcua, applicant_name="Lê Văn C", scans=[pdf()])
    return world


def naive(agencies=None):
    """The same figures counted straight from the dossiers and their log."""
    dossiers = Dossier.objects.all() if agencies is None else Dossier.objects.filter(receiving_agency__in=agencies)
    received = dossiers.filter(received_at__isnull=False)
    returned = dossiers.filter(returned_at__isnull=False)
    events = DossierEvent.objects.filter(dossier__in=dossiers)
    ratings = SatisfactionRating.objects.filter(dossier__in=dossiers)
    return {
        "received": received.count(),
        "received_online": received.filter(channel="online").count(),
        "received_counter": received.filter(channel="counter").count(),
        "resolved_early": returned.filter(timeliness=Timeliness.EARLY).count(),
        "resolved_on_time": returned.filter(timeliness=Timeliness.ON_TIME).count(),
        "resolved_late": returned.filter(timeliness=Timeliness.LATE).count(),
        "withdrawn": events.filter(action="withdraw").count(),
        "rejected": events.filter(action="reject").count(),
        "supplements": events.filter(action="request_supplement").count(),
        "rating_count": ratings.count(),
        "rating_sum": sum(r.score for r in ratings),
        "digitised": received.filter(channel="online").count()
        + received.filter(channel="counter", documents__isnull=False)
        .exclude(components__unscanned_reason__gt="")
        .distinct()
        .count(),
    }


def test_the_month_equals_a_direct_count(history):
    scope = reads.Scope(None, None)
    total = reads.totals(scope, PERIOD)
    expected = naive()
    assert {name: getattr(total, name) for name in expected} == expected
    assert expected["received"] == 5 and expected["resolved_early"] == expected["resolved_late"] == 1
    assert total.as_view(reads.RECEIVING).on_time_rate == 0.5 and total.satisfaction == 3
    # By responsible agency: both steps were early, but the desk returned one result late.
    assert (total.done_early, total.done_late, total.on_time_rate) == (2, 1, 2 / 3)
    by_agency = {f.label: f.received for f in reads.breakdown(scope, PERIOD, "agency")}
    assert by_agency == {history.commune_agency.name: 4, history.other_commune_agency.name: 1}
    district = reads.Scope(history.district, frozenset([history.commune_agency.pk]))
    assert reads.totals(district, PERIOD).received == naive([history.commune_agency])["received"]


def test_breakdowns_add_up_to_the_total(history):
    scope = reads.scope_for(history.monitor)
    total = reads.totals(scope, PERIOD)
    for by in ("level", "unit", "agency", "procedure", "field"):
        parts = reads.breakdown(scope, PERIOD, by)
        assert sum(part.received for part in parts) == total.received, by
        assert sum(part.resolved for part in parts) == total.resolved, by
    assert [f.label for f in reads.breakdown(scope, PERIOD, "unit")] == [history.district.name]
    assert sum(f.received for f in reads.trend_by_month(scope, PERIOD)) == total.received
    december = reads.Period(dt.date(2026, 12, 1), dt.date(2026, 12, 1))
    assert reads.carried_over(scope, december) == 5 - 3  # 5 received, 2 returned and 1 withdrawn


def test_who_sees_what(staff_client, history):
    monitor, leader, officer = staff_client("monitor"), staff_client("xa_lanhdao"), staff_client("xa_motcua")
    page = monitor.get("/can-bo/bao-cao/", {"tu": "2026-11", "den": "2026-11"})
    assert page.status_code == 200 and page.context["total"].received == 5
    assert "<svg" in page.content.decode()
    own = leader.get("/can-bo/bao-cao/", {"tu": "2026-11", "den": "2026-11"})
    assert own.context["total"].received == 4  # the leader's commune only
    assert leader.get("/can-bo/bao-cao/", {"don-vi": history.district.code}).status_code == 403
    assert officer.get("/can-bo/bao-cao/").status_code == 403
    drilled = monitor.get("/can-bo/bao-cao/", {"tu": "2026-11", "den": "2026-11", "don-vi": history.district.code})
    assert sorted(f.received for f in drilled.context["unit_figures"]) == [1, 4]  # the district's two communes


def test_every_table_exports_to_csv_and_excel(staff_client, history):
    monitor = staff_client("monitor")
    csv = monitor.get("/can-bo/bao-cao/", {"tu": "2026-11", "den": "2026-11", "xuat": "csv", "bang": "agency"})
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Tên,Tiếp nhận") and len(lines) == 3
    workbook = load_workbook(
        io.BytesIO(monitor.get("/can-bo/bao-cao/", {"tu": "2026-11", "den": "2026-11", "xuat": "xlsx"}).content)
    )
    assert "Theo cơ quan" in workbook.sheetnames and workbook["Tổng hợp"]["B2"].value == 5
    assert monitor.get("/can-bo/bao-cao/", {"xuat": "csv", "bang": "khong-co"}).status_code == 404


def test_the_month_rollups_equal_the_month_rows(history):
    """Every count written to a (month, agency, procedure) row also reaches the agency's and the
    procedure's month roll-up, and a rebuild from the month rows gives the same figures."""
    from django.db import connection
    from django.db.models import Sum

    from procedures.models import COUNTERS, AgencyMonthlyStat, MonthlyStat, ProcedureMonthlyStat
    from procedures.stats import rebuild_rollups

    def sums(model, key):
        rows = model.objects.values("month", key).annotate(**{name: Sum(name) for name in COUNTERS})
        return {(row["month"], row[key]): {name: row[name] for name in COUNTERS} for row in rows}

    live = sums(AgencyMonthlyStat, "agency_id"), sums(ProcedureMonthlyStat, "procedure_id")
    assert live == (sums(MonthlyStat, "agency_id"), sums(MonthlyStat, "procedure_id"))
    assert live[0] and live[1]
    with connection.cursor() as cursor:
        rebuild_rollups(cursor)
    assert (sums(AgencyMonthlyStat, "agency_id"), sums(ProcedureMonthlyStat, "procedure_id")) == live


def test_a_narrower_scope_counts_procedures_from_the_month_rows(history):
    """The per-procedure roll-up is province-wide: a district's breakdown by procedure must not use it."""
    commune = reads.Scope(history.commune, frozenset([history.commune_agency.pk]))
    by_procedure = reads.breakdown(commune, PERIOD, "procedure")
    assert sum(f.received for f in by_procedure) == naive([history.commune_agency])["received"] == 4
    province = reads.breakdown(reads.Scope(None, None), PERIOD, "procedure")
    assert sum(f.received for f in province) == 5


def test_a_long_table_opens_on_a_page_of_its_own(staff_client, history, monkeypatch):
    from portal.backoffice.views import dashboard as page

    monkeypatch.setattr(page, "LONG_TABLE", 1)  # the agency table has two rows here
    monitor = staff_client("monitor")
    month = {"tu": "2026-11", "den": "2026-11"}
    dashboard = monitor.get("/can-bo/bao-cao/", month)
    html = dashboard.content.decode()
    assert dashboard.status_code == 200 and "Xem cả bảng (2 dòng)" in html and "bang=agency" in html
    assert history.other_commune_agency.name not in html.split("Theo cơ quan", 1)[1].split("</details>", 1)[0]
    table = monitor.get("/can-bo/bao-cao/", {**month, "bang": "agency"})
    body = table.content.decode()
    assert table.status_code == 200 and history.commune_agency.name in body
    assert history.other_commune_agency.name in body and "Về trang theo dõi" in body
    # Still downloadable, and nothing but a known table opens on its own.
    assert len(monitor.get("/can-bo/bao-cao/", {**month, "xuat": "csv", "bang": "agency"}).content.splitlines()) == 3
    for hostile in ("khong-co", "can-chu-y", "<script>"):
        assert monitor.get("/can-bo/bao-cao/", {**month, "bang": hostile}).status_code == 404
    leader = staff_client("xa_lanhdao")  # a leader's own table shows their scope only
    own = leader.get("/can-bo/bao-cao/", {**month, "bang": "agency"}).content.decode()
    assert history.commune_agency.name in own and history.other_commune_agency.name not in own


def test_names_are_escaped_in_the_cells_built_in_python(staff_client, history):
    """The tables and the urgent list are written in Python, not by the template: a hostile agency
    or procedure name must still come out as text."""
    hostile = '<script>alert("x")</script>'
    history.commune_agency.name = hostile
    history.commune_agency.save()
    history.simple.name = hostile
    history.simple.save()
    html = staff_client("monitor").get("/can-bo/bao-cao/", {"tu": "2026-11", "den": "2026-11"}).content.decode()
    assert hostile not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 2  # agency and procedure rows


def test_every_chart_has_a_visible_title_and_scrolls_on_a_phone_rather_than_shrinking(staff_client, history):
    """Issue 35, item 12: the second trend chart had no title; labels shrank to about 6 px at 390 px."""
    page = staff_client("monitor").get("/can-bo/bao-cao/", {"tu": "2026-11", "den": "2026-11"}).content.decode()
    assert (
        "Theo tháng: tiếp nhận, giải quyết và trễ hạn</h3>" in page and "Theo tuần: tiếp nhận và trễ hạn</h3>" in page
    )
    assert page.count('<div class="chart"') == page.count("<svg")
    css = (Path(__file__).resolve().parents[3] / "portal/home/static/portal/site.css").read_text()
    assert ".chart svg { min-width: 560px; }" in css
