"""The working calendar, with vectors worked out by hand on the default sessions 07:30–11:30 and
13:30–17:00 (7.5 working hours a day)."""

import datetime as dt
from decimal import Decimal

import pytest

from government.calendar import CalendarError, WorkingCalendar
from government.models import CalendarException
from government.selectors import working_calendar_for
from tests.factories import AgencyFactory, local

cal = WorkingCalendar()


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        # Friday 16:59, 1 day: 1 minute on Friday, then Monday 07:30 + 7 h 29 min → 16:59.
        (local(2026, 11, 27, 16, 59), 1, local(2026, 11, 30, 16, 59)),
        # Tết 2026 (Mon 16/2 – Fri 20/2, the weekends either side): Fri 13/2 09:00 + 3 days.
        # Friday 6 h; 16.5 h left → Mon 23/2 7.5 h, Tue 24/2 7.5 h, Wed 25/2 07:30 + 1.5 h.
        (local(2026, 2, 13, 9, 0), 3, local(2026, 2, 25, 9, 0)),
        # Tết 2027 (Thu 4/2 – Wed 10/2): Wed 3/2 14:00 + 2 days. Wednesday 3 h; 12 h left →
        # Thu 11/2 7.5 h; Fri 12/2 07:30 + 4.5 h → 14:00.
        (local(2027, 2, 3, 14, 0), 2, local(2027, 2, 12, 14, 0)),
        # 30/4 and 1/5 2026 (Thu, Fri): Wed 29/4 10:00 + 1 day. Wednesday 5 h; Mon 4/5 07:30 + 2.5 h.
        (local(2026, 4, 29, 10, 0), 1, local(2026, 5, 4, 10, 0)),
        # National Day 2026: Mon 31/8 (swapped for Sat 22/8), Tue 1/9, Wed 2/9 off.
        # Fri 28/8 15:00 + 1 day: Friday 2 h; Thu 3/9 07:30 + 5.5 h → 15:00.
        (local(2026, 8, 28, 15, 0), 1, local(2026, 9, 3, 15, 0)),
        # Sat 22/8/2026 is worked in exchange: received Fri 21/8 after hours, half a day → Sat 11:15.
        (local(2026, 8, 21, 17, 30), Decimal("0.5"), local(2026, 8, 22, 11, 15)),
        # Hùng Kings 2026 falls on Sunday 26/4 and is compensated on Monday 27/4.
        # Fri 24/4 13:30 + 1 day: Friday 3.5 h; Tue 28/4 07:30 + 4 h → 11:30.
        (local(2026, 4, 24, 13, 30), 1, local(2026, 4, 28, 11, 30)),
        # Labour Day 2027 falls on Saturday 1/5 and is compensated on Monday 3/5.
        # Fri 30/4/2027 is Liberation Day, so Thu 29/4 17:00 + 1 day → Tue 4/5 17:00.
        (local(2027, 4, 29, 17, 0), 1, local(2027, 5, 4, 17, 0)),
        # Received during the lunch break: the clock starts at 13:30; 3.5 h Wed, 0.25 h Thu → 07:45.
        (local(2026, 11, 25, 12, 0), Decimal("0.5"), local(2026, 11, 26, 7, 45)),
        # A remainder ending exactly at 17:00 stays at 17:00, not the next morning.
        (local(2026, 11, 25, 7, 30), 1, local(2026, 11, 25, 17, 0)),
    ],
)
def test_due_time_vectors(received, days, due):
    assert cal.add_working_days(received, days) == due


def test_after_hours_receipt_starts_at_next_session():
    assert cal.next_working_moment(local(2026, 11, 27, 17, 1)) == local(2026, 11, 30, 7, 30)
    assert cal.next_working_moment(local(2026, 11, 27, 11, 45)) == local(2026, 11, 27, 13, 30)
    assert cal.next_working_moment(local(2026, 11, 27, 9, 0)) == local(2026, 11, 27, 9, 0)


def test_statutory_days_off_have_their_names():
    assert cal.day_status(dt.date(2026, 2, 17)) == (False, "Tết Nguyên Đán")
    assert cal.day_status(dt.date(2026, 4, 27))[1].startswith("Ngày Giỗ Tổ Hùng Vương")
    assert cal.day_status(dt.date(2026, 11, 28)) == (False, "Thứ Bảy")
    assert cal.is_working_day(dt.date(2026, 8, 22))  # Saturday worked in exchange for 31/8


def test_administrator_exceptions_override_the_statutory_calendar(db):
    CalendarException.objects.create(date=dt.date(2026, 12, 31), is_working_day=False, reason="Nghỉ bù theo thông báo")
    CalendarException.objects.create(date=dt.date(2027, 1, 2), is_working_day=True, reason="Làm bù thứ Bảy")
    calendar = working_calendar_for(AgencyFactory())
    assert calendar.day_status(dt.date(2026, 12, 31)) == (False, "Nghỉ bù theo thông báo")
    # Wed 30/12 17:00 + 1 day: Thu 31/12 off, Fri 1/1 New Year, Sat 2/1 worked → Sat 17:00.
    assert calendar.add_working_days(local(2026, 12, 30, 17, 0), 1) == local(2027, 1, 2, 17, 0)


def test_an_unsettled_day_is_the_administrators_decision_both_ways(db):
    """Vietnam Culture Day (24/11): the holidays package lists it as a day off; no law in force was
    found to settle it, so the calendar alone counts it as a working Tuesday and the exception decides."""
    tuesday = dt.date(2026, 11, 24)
    assert WorkingCalendar().day_status(tuesday) == (True, "")
    assert WorkingCalendar().add_working_days(local(2026, 11, 23, 17, 0), 1) == local(2026, 11, 24, 17, 0)
    off = WorkingCalendar(exceptions={tuesday: (False, "Ngày Văn hóa Việt Nam")})
    assert off.day_status(tuesday) == (False, "Ngày Văn hóa Việt Nam")
    assert off.add_working_days(local(2026, 11, 23, 17, 0), 1) == local(2026, 11, 25, 17, 0)


def test_the_shipped_decision_loads_with_its_source_and_yields_to_the_administrator(db):
    from tests.factories import shipped_calendar

    shipped_calendar()
    shipped = CalendarException.objects.get(date=dt.date(2026, 11, 24))
    assert (shipped.is_working_day, shipped.reason) == (False, "Ngày Văn hóa Việt Nam")
    assert "Bộ Chính trị" in shipped.source and "chưa xác minh" in shipped.source
    assert not working_calendar_for(AgencyFactory()).is_working_day(dt.date(2026, 11, 24))
    # The administrator decides otherwise; loading the fixtures again keeps their decision.
    CalendarException.objects.filter(pk=shipped.pk).update(is_working_day=True, reason="Làm việc bình thường")
    shipped_calendar()
    assert working_calendar_for(AgencyFactory()).day_status(dt.date(2026, 11, 24)) == (True, "Làm việc bình thường")


def test_agency_specific_sessions():
    calendar = WorkingCalendar(((dt.time(8), dt.time(12)), (dt.time(13), dt.time(17))))
    assert calendar.day_seconds == 8 * 3600
    assert calendar.add_working_days(local(2026, 11, 23, 8, 0), 1) == local(2026, 11, 23, 17, 0)


def test_invalid_sessions_are_refused():
    with pytest.raises(CalendarError):
        WorkingCalendar(((dt.time(11), dt.time(8)),))


def test_a_calendar_without_working_days_fails_instead_of_looping():
    never = WorkingCalendar(exceptions={})
    never.day_status = lambda day: (False, "nghỉ")
    with pytest.raises(CalendarError):
        never.add_working_days(local(2026, 1, 5, 8, 0), 1)


def test_working_seconds_between():
    # Fri 16:00 → Mon 09:00: 1 h on Friday, 1.5 h on Monday.
    assert cal.working_seconds_between(local(2026, 11, 27, 16, 0), local(2026, 11, 30, 9, 0)) == 2.5 * 3600
    assert cal.working_seconds_between(local(2026, 11, 30, 9, 0), local(2026, 11, 27, 16, 0)) == -2.5 * 3600
