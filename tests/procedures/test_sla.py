"""A dossier's deadline on the working calendar: pauses, timeliness, the "at risk" window and the
explanation shown to officers (the calendar itself: tests/government/test_calendar.py)."""

import datetime as dt

import pytest

from government.calendar import WorkingCalendar
from procedures.models import Timeliness
from procedures.sla import classify, explain, is_at_risk, shift_deadline
from tests.factories import local

cal = WorkingCalendar()


def test_pause_across_a_holiday_resumes_with_the_time_left():
    # Received Tue 28/4/2026 07:30 for 3 days: Tue, Wed, (30/4, 1/5, weekend), Mon 4/5 17:00.
    received = local(2026, 4, 28, 7, 30)
    due = cal.add_working_days(received, 3)
    assert due == local(2026, 5, 4, 17, 0)
    # Paused Tue 17:00 with 2 days (15 h) left; resumed Wed 6/5 07:30 → Thu 7/5 17:00.
    assert shift_deadline(due, local(2026, 4, 28, 17, 0), local(2026, 5, 6, 7, 30), cal) == local(2026, 5, 7, 17, 0)


def test_a_pause_never_rescues_a_late_dossier():
    due = local(2026, 11, 25, 10, 0)
    assert shift_deadline(due, local(2026, 11, 26, 9, 0), local(2026, 12, 1, 9, 0), cal) == due


@pytest.mark.parametrize(
    ("returned", "expected"),
    [
        (local(2026, 11, 27, 16, 0), Timeliness.EARLY),  # a working day before the due day
        (local(2026, 11, 30, 7, 45), Timeliness.ON_TIME),  # the due day, before the due time
        (local(2026, 11, 30, 16, 59), Timeliness.ON_TIME),  # exactly at the due time
        (local(2026, 11, 30, 17, 0), Timeliness.LATE),
        (local(2026, 12, 1, 8, 0), Timeliness.LATE),
    ],
)
def test_classification(returned, expected):
    assert classify(returned, local(2026, 11, 30, 16, 59), cal) == expected


def test_at_risk_means_one_working_day_or_less_left():
    now = local(2026, 11, 27, 10, 0)  # Friday: 6 h left today
    assert is_at_risk(now, local(2026, 11, 30, 9, 0), cal)  # 6 h + 1.5 h = one working day
    assert not is_at_risk(now, local(2026, 12, 1, 9, 0), cal)
    assert not is_at_risk(now, local(2026, 11, 26, 9, 0), cal)  # already late, not "at risk"


def test_explain_lists_counted_and_skipped_days():
    explanation = explain(cal, local(2026, 2, 13, 9, 0), 3)
    assert explanation.due == local(2026, 2, 25, 9, 0)
    skipped = {line.day: line.skipped_reason for line in explanation.lines if line.skipped_reason}
    assert skipped[dt.date(2026, 2, 17)] == "Tết Nguyên Đán"
    assert skipped[dt.date(2026, 2, 14)] == "Thứ Bảy"
    counted = {line.day: line.seconds for line in explanation.lines if not line.skipped_reason}
    assert counted == {
        dt.date(2026, 2, 13): 6 * 3600,
        dt.date(2026, 2, 23): 7.5 * 3600,
        dt.date(2026, 2, 24): 7.5 * 3600,
        dt.date(2026, 2, 25): 1.5 * 3600,
    }
    text = explanation.as_text()
    assert "Thứ Ba 17/02/2026: không tính — Tết Nguyên Đán" in text
    assert "Hạn giải quyết: 25/02/2026 09:00" in text
