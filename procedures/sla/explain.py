from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .kinds import TimeLimitKind
from .time_limits import TimeLimit

WEEKDAYS = [
    gettext_lazy("Thứ Hai"),
    gettext_lazy("Thứ Ba"),
    gettext_lazy("Thứ Tư"),
    gettext_lazy("Thứ Năm"),
    gettext_lazy("Thứ Sáu"),
    gettext_lazy("Thứ Bảy"),
    gettext_lazy("Chủ nhật"),
]


def _day(day):
    return f"{WEEKDAYS[day.weekday()]} {day:%d/%m/%Y}"


def _num(value):
    return f"{float(value):g}".replace(".", ",")


@dataclass
class DayLine:
    day: object
    counted: list = field(default_factory=list)
    seconds: float = 0.0
    skipped_reason: str = ""


@dataclass
class Explanation:
    requested_start: object
    clock_start: object
    due: object
    limit: object  # TimeLimit
    day_seconds: float
    lines: list

    def as_text(self):
        out = [
            _("Tiếp nhận lúc %(t)s; bắt đầu tính thời hạn lúc %(s)s; thời hạn: %(limit)s (%(h)s giờ làm việc/ngày).")
            % {
                "t": f"{self.requested_start:%d/%m/%Y %H:%M}",
                "s": f"{self.clock_start:%d/%m/%Y %H:%M}",
                "limit": self.limit.full_text,
                "h": _num(self.day_seconds / 3600),
            }
        ]
        for line in self.lines:
            if line.skipped_reason:
                out.append(_("%(d)s: không tính — %(r)s") % {"d": _day(line.day), "r": line.skipped_reason})
            else:
                spans = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in line.counted)
                out.append(
                    _("%(d)s: tính %(spans)s (%(h)s giờ)")
                    % {"d": _day(line.day), "spans": spans, "h": _num(line.seconds / 3600)}
                )
        out.append(_("Hạn giải quyết: %(t)s") % {"t": f"{self.due:%d/%m/%Y %H:%M}"})
        return "\n".join(out)


def explain(calendar, start, limit):
    """Why a due date is what it is: each day from the start, what was counted and what was skipped.
    `limit` is a TimeLimit, or a number of working days."""
    if not isinstance(limit, TimeLimit):
        limit = TimeLimit(TimeLimitKind.WORKING_DAYS, days=Decimal(limit))
    clock_start, due = limit.due(calendar, start)
    due = calendar.local(due)
    lines = []
    after_cutoff = clock_start > calendar.next_working_moment(start)
    for day, working, reason, intervals in calendar.walk(start):
        if day > due.date():
            break
        if not working:
            lines.append(DayLine(day, skipped_reason=reason))
            continue
        counted = [(max(a, clock_start), min(b, due)) for a, b in intervals if a < due and b > clock_start]
        seconds = sum((b - a).total_seconds() for a, b in counted)
        if counted:
            lines.append(DayLine(day, counted, seconds))
        elif after_cutoff and day == calendar.local(start).date():
            lines.append(
                DayLine(
                    day,
                    skipped_reason=_("nhận sau giờ chốt %(hour)s, tính từ ngày làm việc tiếp theo")
                    % {"hour": f"{limit.cutoff:%H:%M}"},
                )
            )
        else:
            lines.append(DayLine(day, skipped_reason=_("ngoài giờ làm việc")))
    return Explanation(
        requested_start=calendar.local(start),
        clock_start=calendar.local(clock_start),
        due=due,
        limit=limit,
        day_seconds=calendar.day_seconds,
        lines=lines,
    )
