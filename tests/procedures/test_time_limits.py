"""Kinds of time limit (issue 32 §1): working days, working hours, and "trong ngày" with a cut-off
hour. The boundaries are those of April 2026: Friday 24/4, then the weekend, then Monday 27/4, the
compensatory day off for the Hùng Kings' commemoration (Sunday 26/4), so the next working day is
Tuesday 28/4."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from government.calendar import WorkingCalendar
from procedures import services
from procedures.catalog_files import read_json
from procedures.models import Outcome, TimeLimitKind, Timeliness
from procedures.sla import classify, explain
from procedures.sla.time_limits import TimeLimit
from reporting import selectors as reads
from tests.factories import local

cal = WorkingCalendar()
SAME_DAY = TimeLimit(TimeLimitKind.SAME_DAY, days=Decimal(1), cutoff=dt.time(15, 0))


def test_the_compensatory_monday_is_a_day_off():
    assert not cal.is_working_day(dt.date(2026, 4, 27))


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (local(2026, 4, 24, 14, 59), local(2026, 4, 24, 17, 0)),  # before the cut-off: that Friday
        (local(2026, 4, 24, 15, 0), local(2026, 4, 24, 17, 0)),  # at 15:00 sharp, still that day
        (local(2026, 4, 24, 15, 1), local(2026, 4, 28, 17, 0)),  # after it: the next working day, Tuesday
        (local(2026, 4, 25, 9, 0), local(2026, 4, 28, 17, 0)),  # filed online on Saturday
        (local(2026, 4, 28, 6, 45), local(2026, 4, 28, 17, 0)),  # before opening time, before the cut-off
    ],
)
def test_same_day_due_times(received, due):
    assert SAME_DAY.due(cal, received)[1] == due


def test_the_old_reading_was_wrong_at_the_boundaries():
    """One working day counted in hours: Friday 15:00 → Tuesday 15:00; 08:00 → next morning 08:00."""
    one_day = TimeLimit(TimeLimitKind.WORKING_DAYS, days=Decimal(1))
    assert one_day.due(cal, local(2026, 4, 24, 15, 0))[1] == local(2026, 4, 28, 15, 0)
    assert SAME_DAY.due(cal, local(2026, 4, 24, 15, 0))[1] == local(2026, 4, 24, 17, 0)
    assert classify(local(2026, 4, 29, 7, 45), one_day.due(cal, local(2026, 4, 28, 8, 0))[1], cal) == Timeliness.ON_TIME
    assert classify(local(2026, 4, 29, 7, 45), SAME_DAY.due(cal, local(2026, 4, 28, 8, 0))[1], cal) == Timeliness.LATE


@pytest.mark.parametrize(
    ("returned", "expected"),
    [
        (local(2026, 4, 28, 16, 59), Timeliness.ON_TIME),
        (local(2026, 4, 28, 17, 0), Timeliness.ON_TIME),
        (local(2026, 4, 29, 7, 31), Timeliness.LATE),  # the next working day's opening
    ],
)
def test_same_day_timeliness(returned, expected):
    due = SAME_DAY.due(cal, local(2026, 4, 28, 8, 0))[1]
    assert classify(returned, due, cal) == expected


def test_working_hours_cross_the_long_weekend():
    four_hours = TimeLimit(TimeLimitKind.WORKING_HOURS, days=Decimal("0.5"), hours=Decimal(4))
    # Friday 15:00–17:00 is two hours; Tuesday 07:30 + 2 h.
    assert four_hours.due(cal, local(2026, 4, 24, 15, 0))[1] == local(2026, 4, 28, 9, 30)


def test_steps_share_a_same_day_limit():
    start, due = SAME_DAY.due(cal, local(2026, 4, 28, 7, 30))
    first, second = SAME_DAY.step_dues(cal, start, due, [Decimal("0.5"), Decimal("0.5")])
    assert second == due == local(2026, 4, 28, 17, 0)
    assert cal.working_seconds_between(start, first) == cal.working_seconds_between(first, due)


def test_words_for_each_kind():
    assert SAME_DAY.full_text == "Trong ngày; sau 15 giờ trả trong ngày làm việc tiếp theo"
    assert SAME_DAY.text == "Trong ngày"
    assert TimeLimit(TimeLimitKind.WORKING_HOURS, hours=Decimal(4)).text == "4 giờ làm việc"
    assert TimeLimit(TimeLimitKind.WORKING_DAYS, days=Decimal("1.5")).full_text == (
        "1,5 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ"
    )


def test_explanation_of_a_receipt_after_the_cut_off():
    text = explain(cal, local(2026, 4, 24, 15, 1), SAME_DAY).as_text()
    assert "thời hạn: Trong ngày; sau 15 giờ trả trong ngày làm việc tiếp theo" in text
    assert "Thứ Sáu 24/04/2026: không tính — nhận sau giờ chốt 15:00, tính từ ngày làm việc tiếp theo" in text
    assert "Thứ Hai 27/04/2026: không tính — Ngày Giỗ Tổ Hùng Vương (nghỉ bù)" in text
    assert "Thứ Ba 28/04/2026: tính 07:30–11:30, 13:30–17:00 (7,5 giờ)" in text
    assert text.endswith("Hạn giải quyết: 28/04/2026 17:00")


# --- through the lifecycle, on both unit trees -------------------------------------------------


def _same_day(procedure):
    procedure.time_limit_kind, procedure.cutoff_time = TimeLimitKind.SAME_DAY, dt.time(15, 0)
    procedure.save()
    return procedure


def _file_and_receive(t, at):
    draft = services.create_draft(
        t.simple, t.desk, t.citizen, at=at - dt.timedelta(hours=1), applicant_phone="0912345678", case_unit=t.commune
    )
    services.submit(draft, t.citizen, at=at - dt.timedelta(minutes=30))
    return services.receive(draft, t.desk_officer, at=at)


def _return(t, dossier, at):
    services.start_processing(dossier, t.first_specialist, at=dossier.received_at)
    services.propose(dossier, t.first_specialist, outcome=Outcome.RESULT, at=dossier.received_at)
    services.approve(dossier, t.first_leader, at=dossier.received_at, files=[("kq.pdf", b"%PDF-1.4")])
    services.return_result(dossier, t.desk_officer, at=at)
    dossier.refresh_from_db()
    return dossier


def test_receipts_either_side_of_the_cut_off(tree):
    _same_day(tree.simple)
    before = _file_and_receive(tree, local(2026, 4, 24, 14, 59))
    after = _file_and_receive(tree, local(2026, 4, 24, 15, 1))
    assert (before.due_at, before.appointment_at) == (local(2026, 4, 24, 17, 0), local(2026, 4, 24, 17, 0))
    assert after.due_at == local(2026, 4, 28, 17, 0)
    assert after.clock_started_at == local(2026, 4, 28, 7, 30)
    assert after.steps.get().due_at == after.due_at


def test_same_day_dossiers_on_time_and_late_reach_the_dashboard(tree):
    _same_day(tree.simple)
    on_time = _return(tree, _file_and_receive(tree, local(2026, 4, 28, 8, 0)), local(2026, 4, 28, 16, 59))
    late = _return(tree, _file_and_receive(tree, local(2026, 4, 28, 8, 5)), local(2026, 4, 29, 7, 31))
    assert (on_time.timeliness, late.timeliness) == (Timeliness.ON_TIME, Timeliness.LATE)
    totals = reads.totals(reads.Scope(None, None), reads.Period(dt.date(2026, 4, 1), dt.date(2026, 4, 1)))
    assert (totals.resolved_early, totals.resolved_on_time, totals.resolved_late) == (0, 1, 1)


def test_the_receipt_and_the_catalogue_page_state_the_rule(tree, client):
    from portal.catalog.models import ProcedurePage
    from portal.home.services import ensure_site
    from procedures.pdf.receipt import time_limit_text

    _same_day(tree.simple)
    dossier = _file_and_receive(tree, local(2026, 4, 24, 14, 59))
    assert time_limit_text(dossier) == "Trong ngày; sau 15 giờ trả trong ngày làm việc tiếp theo"
    ensure_site()
    page = client.get(ProcedurePage.objects.get(procedure=tree.simple).url).content.decode()
    assert "<dd>Trong ngày; sau 15 giờ trả trong ngày làm việc tiếp theo</dd>" in page
    index = client.get("/thu-tuc/").content.decode()
    assert "<td>Trong ngày</td>" in index and "<td>5 ngày làm việc</td>" in index


# --- the catalogue import ------------------------------------------------------------------------


def _entry(**version):
    base = {
        "effective_from": "2026-01-01",
        "decision": {"number": "1/QĐ-UBND"},
        "processing_days": 1,
        "result": "Bản sao được chứng thực",
        "legal_basis": "Nghị định 23/2015/NĐ-CP",
        "online_level": "partial",
        "documents": [{"name": "Bản chính giấy tờ"}],
        "route": [{"level": "commune", "agency": "committee", "task": "Chứng thực", "days": 1}],
    }
    return {
        "fields": [{"code": "chung-thuc", "name": "Chứng thực"}],
        "procedures": [
            {"national_code": "2.000815", "name": "Chứng thực bản sao", "field": "chung-thuc", **base, **version}
        ],
    }


def test_import_takes_the_kind():
    catalogue = read_json(_entry(time_limit_kind="same_day", cutoff="15:00"))
    assert not catalogue.refused
    version = catalogue.procedures["2.000815"]["versions"][dt.date(2026, 1, 1)]
    assert (version["time_limit_kind"], version["cutoff_time"]) == ("same_day", dt.time(15, 0))
    hours = read_json(
        _entry(
            time_limit_kind="hours",
            processing_hours="4",
            processing_days="0.5",
            route=[{"level": "commune", "agency": "committee", "task": "x", "days": 0.5}],
        )
    )
    assert hours.procedures["2.000815"]["versions"][dt.date(2026, 1, 1)]["processing_hours"] == Decimal(4)


@pytest.mark.parametrize(
    ("version", "reason"),
    [
        ({"time_limit_kind": "same_day"}, "Thời hạn trong ngày cần giờ chốt tiếp nhận (ví dụ 15:00)."),
        ({"time_limit_kind": "hours"}, "Thời hạn tính theo giờ cần số giờ làm việc."),
        ({"time_limit_kind": "trong ngày"}, "cách tính thời hạn “trong ngày” không hợp lệ"),
    ],
)
def test_import_refuses_an_incomplete_limit(version, reason):
    catalogue = read_json(_entry(**version))
    assert not catalogue.procedures
    assert reason in catalogue.refused[0].reason


def test_the_model_refuses_an_incomplete_limit(world):
    world.simple.time_limit_kind = TimeLimitKind.SAME_DAY
    with pytest.raises(ValidationError) as error:
        world.simple.full_clean()
    assert error.value.message_dict["cutoff_time"] == ["Thời hạn trong ngày cần giờ chốt tiếp nhận (ví dụ 15:00)."]
