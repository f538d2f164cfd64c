import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import holidays
from django.utils.translation import gettext as _

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_SESSIONS = ((dt.time(7, 30), dt.time(11, 30)), (dt.time(13, 30), dt.time(17, 0)))
# Days the `holidays` package lists whose status as days off no law in force was found to settle
# (docs/decisions/0026-unsettled-days-off-are-data.md): the administrator's exceptions decide them,
# and fixtures/calendar/ ships the decision with its source.
UNSETTLED = frozenset({"Ngày Văn hóa Việt Nam"})
# No real calendar goes this long without a working day; reaching it means bad exception data.
MAX_DAYS_SCANNED = 3 * 366


class CalendarError(Exception):
    pass


def _statutory():
    """Vietnam's statutory days off, one table per process: the `holidays` package works out each year
    (lunar Tết, Hùng Kings' day) on first use and keeps it, and that took a few milliseconds of every
    page that shows an expected date (bench/profile_pages.py)."""
    global _STATUTORY
    if _STATUTORY is None:
        _STATUTORY = holidays.VN(language="vi")
    return _STATUTORY


_STATUTORY = None


class WorkingCalendar:
    """Office time of one agency: its daily sessions on working days.

    Working days are Monday–Friday minus the statutory holidays (Labour Code 2019 art. 112, with
    the lunar Tết and Hùng Kings days and the government's swaps as the `holidays` package knows
    them), then overridden by `exceptions`: the yearly notice as an administrator entered it.
    """

    def __init__(self, sessions=DEFAULT_SESSIONS, exceptions=None, tz=LOCAL_TZ):
        self.sessions = tuple(sessions)
        if not self.sessions or any(start >= end for start, end in self.sessions):
            raise CalendarError(_("Giờ làm việc không hợp lệ."))
        self.exceptions = dict(exceptions or {})
        self.tz = tz
        self._statutory = _statutory()

    @property
    def day_seconds(self):
        return sum(_seconds(start, end) for start, end in self.sessions)

    def day_status(self, day):
        """(is_working, reason): the reason says why a day is off, or which exception applies."""
        if day in self.exceptions:
            return self.exceptions[day]
        name = self._statutory.get(day)
        if name and set(name.split("; ")) <= UNSETTLED:
            name = None  # an ordinary weekday unless an exception (fixtures/calendar/) says otherwise
        elif self._statutory.is_working_day(day):
            return True, ""
        if name:
            return False, name
        if day.weekday() < 5:
            return True, ""
        return False, _("Thứ Bảy") if day.weekday() == 5 else _("Chủ nhật")

    def is_working_day(self, day):
        return self.day_status(day)[0]

    def session_bounds(self, day):
        """The day's sessions as aware datetimes (empty on a day off)."""
        if not self.is_working_day(day):
            return []
        return [
            (dt.datetime.combine(day, start, self.tz), dt.datetime.combine(day, end, self.tz))
            for start, end in self.sessions
        ]

    def local(self, moment):
        if moment.tzinfo is None:
            raise CalendarError("naive datetime given to the working calendar")
        return moment.astimezone(self.tz)

    def walk(self, start):
        """Yield (day, is_working, reason, [(from, to), …]) from `start` on, day by day.

        The intervals are the working time on that day from `start` onwards.
        """
        start = self.local(start)
        day = start.date()
        for _i in range(MAX_DAYS_SCANNED):
            working, reason = self.day_status(day)
            intervals = []
            if working:
                for begin, end in self.session_bounds(day):
                    if end > start:
                        intervals.append((max(begin, start), end))
            yield day, working, reason, intervals
            day += dt.timedelta(days=1)
        raise CalendarError(_("Không tìm thấy ngày làm việc trong %(n)s ngày liên tiếp.") % {"n": MAX_DAYS_SCANNED})

    def next_working_moment(self, moment):
        """`moment` if it falls inside a session, else the start of the next session."""
        for _day, _working, _reason, intervals in self.walk(moment):
            if intervals:
                return intervals[0][0]
        raise AssertionError("unreachable")  # walk() raises first

    def add_working_seconds(self, start, seconds):
        """The moment when `seconds` of working time have passed since `start`.

        A remainder that ends exactly at a session's end stays there (17:00), rather than
        moving to the next session's start.
        """
        remaining = Decimal(seconds)
        if remaining <= 0:
            return self.next_working_moment(start)
        for _day, _working, _reason, intervals in self.walk(start):
            for begin, end in intervals:
                available = Decimal((end - begin).total_seconds())
                if remaining <= available:
                    return begin + dt.timedelta(seconds=float(remaining))
                remaining -= available
        raise AssertionError("unreachable")

    def add_working_days(self, start, days):
        return self.add_working_seconds(start, Decimal(days) * self.day_seconds)

    def working_seconds_between(self, start, end):
        """Working time in [start, end); negative if end is before start."""
        if end < start:
            return -self.working_seconds_between(end, start)
        end = self.local(end)
        total = 0.0
        for day, _working, _reason, intervals in self.walk(start):
            if day > end.date():
                break
            for begin, finish in intervals:
                if begin >= end:
                    break
                total += (min(finish, end) - begin).total_seconds()
        return total


def _seconds(start, end):
    return int((dt.datetime.combine(dt.date.min, end) - dt.datetime.combine(dt.date.min, start)).total_seconds())
