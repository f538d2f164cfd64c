"""A procedure version's time limit (DOMAIN.md §6, §13): how a due time follows from a receipt.

The national catalogue states limits in working days, in working hours, or "trong ngày" with a
cut-off hour (certification, some civil-status procedures: same day, or the next working day when
received after 15:00). Each kind is one branch here, so a later kind fits the same place; every
caller (receipt, appointment, explanation, synthetic year, labels) goes through `TimeLimit`.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from .kinds import TimeLimitKind


@dataclass(frozen=True)
class TimeLimit:
    kind: str
    days: Decimal | None = None
    hours: Decimal | None = None
    cutoff: dt.time | None = None

    @classmethod
    def of(cls, terms):
        """From a procedure or one of its versions (both are ProcedureTerms)."""
        return cls(
            kind=terms.time_limit_kind or TimeLimitKind.WORKING_DAYS,
            days=terms.processing_days,
            hours=terms.processing_hours,
            cutoff=terms.cutoff_time,
        )

    # --- due times ------------------------------------------------------------------------------

    def clock_start(self, calendar, received_at):
        """When counting starts: the next working moment, or the next working day's first one when
        the dossier came after the cut-off hour."""
        if self.cutoff is not None and calendar.local(received_at).time() > self.cutoff:
            next_day = calendar.local(received_at).date() + dt.timedelta(days=1)
            return calendar.next_working_moment(dt.datetime.combine(next_day, dt.time(0), calendar.tz))
        return calendar.next_working_moment(received_at)

    def due_from(self, calendar, clock_start):
        if self.kind == TimeLimitKind.SAME_DAY:
            # The end of the working day on which the clock starts (17:00 on the default sessions).
            return calendar.session_bounds(calendar.local(clock_start).date())[-1][1]
        if self.kind == TimeLimitKind.WORKING_HOURS:
            return calendar.add_working_seconds(clock_start, Decimal(self.hours) * 3600)
        return calendar.add_working_days(clock_start, self.days)

    def due(self, calendar, received_at):
        """(clock start, due time) for a dossier received at `received_at`."""
        start = self.clock_start(calendar, received_at)
        return start, self.due_from(calendar, start)

    def step_dues(self, calendar, clock_start, due_at, step_days):
        """Each route step's due time. In working days the steps' days add up from the clock start;
        in the other kinds the steps' days are shares of the time between clock start and due."""
        if self.kind == TimeLimitKind.WORKING_DAYS:
            dues, elapsed = [], Decimal(0)
            for days in step_days:
                elapsed += Decimal(days)
                dues.append(calendar.add_working_days(clock_start, elapsed))
            return dues
        total_days = sum(Decimal(d) for d in step_days) or Decimal(1)
        seconds = Decimal(calendar.working_seconds_between(clock_start, due_at))
        dues, elapsed = [], Decimal(0)
        for days in step_days:
            elapsed += Decimal(days)
            dues.append(
                due_at
                if elapsed >= total_days
                else calendar.add_working_seconds(clock_start, seconds * elapsed / total_days)
            )
        return dues

    # --- words ----------------------------------------------------------------------------------

    @property
    def text(self):
        """Short, for tables: "3 ngày làm việc", "4 giờ làm việc", "Trong ngày"."""
        if self.kind == TimeLimitKind.SAME_DAY:
            return _("Trong ngày")
        if self.kind == TimeLimitKind.WORKING_HOURS:
            return ngettext("%(n)s giờ làm việc", "%(n)s giờ làm việc", _count(self.hours)) % {"n": _number(self.hours)}
        return ngettext("%(n)s ngày làm việc", "%(n)s ngày làm việc", _count(self.days)) % {"n": _number(self.days)}

    @property
    def full_text(self):
        """For the catalogue page and the receipt; a same-day limit says its cut-off rule in words."""
        if self.kind == TimeLimitKind.SAME_DAY:
            return _("Trong ngày; sau %(hour)s trả trong ngày làm việc tiếp theo") % {"hour": _hour(self.cutoff)}
        return self.text + _(" kể từ khi nhận đủ hồ sơ hợp lệ")


def _number(value):
    text = f"{Decimal(value).normalize():f}"
    return text if (get_language() or "vi").startswith("en") else text.replace(".", ",")


def _count(value):
    """ngettext's count: one only for exactly 1 (half a day is "0.5 working days")."""
    return 1 if Decimal(value) == 1 else 2


def _hour(cutoff):
    cutoff = cutoff or dt.time(15, 0)
    if cutoff.minute:
        return _("%(h)s giờ %(m)02d") % {"h": cutoff.hour, "m": cutoff.minute}
    return _("%(h)s giờ") % {"h": cutoff.hour}
