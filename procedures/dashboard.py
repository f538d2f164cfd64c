"""Reads for the province dashboard (DOMAIN §8): totals, breakdowns, trends, scores, open dossiers.

Flows of a period come from the monthly and weekly counts (procedures/models/stats.py); what is
open right now comes from the dossiers themselves, through the (state, due_at) index.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from procedures import policy
from procedures.exceptions import PermissionDenied
from procedures.models import (
    COUNTERS,
    ON_THE_BOOKS,
    AdministrativeUnit,
    Agency,
    Dossier,
    Field,
    MonthlyStat,
    OnlineServiceLevel,
    Procedure,
    Role,
    UnitLevel,
    WeeklyStat,
)

LEVEL_ORDER = {UnitLevel.PROVINCE: 0, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 2}


# --- who sees what --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    unit: AdministrativeUnit | None  # None: the whole province
    agency_ids: frozenset | None  # None: every agency

    def filter(self, queryset, field="agency_id"):
        return queryset if self.agency_ids is None else queryset.filter(**{f"{field}__in": self.agency_ids})


def allowed_root(user):
    """The unit whose subtree `user` may watch: all for the monitor and administrators, their own
    unit for leaders; None means nothing."""
    role = policy.role_of(user)
    if role in (Role.PROVINCE_MONITOR, Role.ADMINISTRATOR):
        return AdministrativeUnit.objects.filter(parent__isnull=True).order_by("code").first()
    if role == Role.LEADER:
        return policy.agency_of(user).unit
    return None


def scope_for(user, unit_code=""):
    root = allowed_root(user)
    if root is None:
        raise PermissionDenied(_("Bảng theo dõi dành cho cán bộ giám sát cấp tỉnh và lãnh đạo đơn vị."))
    unit = root
    if unit_code and unit_code != root.code:
        unit = AdministrativeUnit.objects.filter(code=unit_code).first()
        if unit is None or root not in unit.lineage():
            raise PermissionDenied(_("Đơn vị này nằm ngoài phạm vi bạn được theo dõi."))
    if unit.parent_id is None and policy.role_of(user) != Role.LEADER:
        return Scope(unit, None)
    return Scope(unit, frozenset(Agency.objects.filter(unit_id__in=subtree_ids(unit)).values_list("pk", flat=True)))


def subtree_ids(unit):
    ids, frontier = {unit.pk}, [unit.pk]
    while frontier:
        frontier = list(AdministrativeUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.update(frontier)
    return ids


# --- periods ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: dt.date  # first day of the first month
    end: dt.date  # first day of the last month

    @property
    def end_exclusive(self):
        return _add_months(self.end, 1)

    @classmethod
    def year_to_date(cls, today=None):
        today = today or timezone.localdate()
        return cls(today.replace(month=1, day=1), today.replace(day=1))

    def months(self):
        month = self.start
        while month <= self.end:
            yield month
            month = _add_months(month, 1)


def _add_months(day, count):
    month = day.month - 1 + count
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


# --- figures ----------------------------------------------------------------------------------------


@dataclass
class Figures:
    """Sums of the counters plus the rates and scores drawn from them."""

    label: str = ""
    key: str = ""
    counts: dict = field(default_factory=dict)

    def __getattr__(self, name):
        if name in COUNTERS:
            return self.counts.get(name) or 0
        raise AttributeError(name)

    @property
    def resolved(self):
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def on_time_rate(self):
        return _share(self.resolved_early + self.resolved_on_time, self.resolved)

    @property
    def online_rate(self):
        return _share(self.received_online, self.received)

    @property
    def digitisation_rate(self):
        return _share(self.digitised, self.received)

    @property
    def result_digitisation_rate(self):
        return _share(self.results_digital, self.resolved)

    @property
    def satisfaction(self):
        """Average rating out of 5."""
        return self.rating_sum / self.rating_count if self.rating_count else None


def _share(part, whole):
    return part / whole if whole else None


def _sum_counters():
    return {name: Sum(name) for name in COUNTERS}


def _monthly(scope, period):
    rows = MonthlyStat.objects.filter(month__gte=period.start, month__lte=period.end)
    return scope.filter(rows)


def totals(scope, period):
    return Figures(counts=_monthly(scope, period).aggregate(**_sum_counters()))


def carried_over(scope, period):
    """Dossiers received before the period and still on the books when it began."""
    before = scope.filter(MonthlyStat.objects.filter(month__lt=period.start)).aggregate(
        received=Sum("received"), closed=Sum("closed"))
    return (before["received"] or 0) - (before["closed"] or 0)


BREAKDOWNS = ("level", "unit", "agency", "procedure", "field")


def breakdowns(scope, period):
    """Every breakdown of the period, the three by agency sharing one query."""
    agencies = _per_agency(scope, period)
    return {by: breakdown(scope, period, by, per_agency=agencies) for by in BREAKDOWNS}


def breakdown(scope, period, by, *, per_agency=None):
    """Figures per level, child unit, agency, procedure or field, in display order."""
    if by in ("procedure", "field"):
        key = "procedure_id" if by == "procedure" else "procedure__field_id"
        sums = _monthly(scope, period).values(key).annotate(**_sum_counters())
        names = dict((Procedure if by == "procedure" else Field).objects.values_list("pk", "name"))
        result = [Figures(names.get(item[key], "?"), str(item[key]), _counters(item)) for item in sums]
        return sorted(result, key=lambda f: (-f.received, f.label))
    per_agency = per_agency if per_agency is not None else _per_agency(scope, period)
    groups = {}
    for agency, counts in per_agency:
        if by == "agency":
            group = (str(agency.pk), agency.name)
        elif by == "level":
            group = (agency.unit.level, agency.unit.get_level_display())
        else:  # the child of the scope's unit that the agency sits under (or the unit itself)
            child = _child_under(agency.unit, scope.unit)
            group = (child.code, child.name) if child else (scope.unit.code, scope.unit.name)
        figures = groups.setdefault(group, Figures(group[1], group[0], {}))
        for name, value in counts.items():
            figures.counts[name] = figures.counts.get(name, 0) + value
    result = list(groups.values())
    if by == "level":
        return sorted(result, key=lambda f: LEVEL_ORDER.get(f.key, 9))
    return sorted(result, key=lambda f: (-f.received, f.label))


def _per_agency(scope, period):
    """[(agency with its unit and ancestors, summed counters)] for the agencies with figures."""
    sums = {item["agency_id"]: _counters(item)
            for item in _monthly(scope, period).values("agency_id").annotate(**_sum_counters())}
    agencies = Agency.objects.filter(pk__in=sums).select_related("unit__parent__parent")
    return [(agency, sums[agency.pk]) for agency in agencies]


def _child_under(unit, ancestor):
    """The unit one level below `ancestor` on `unit`'s path up to it, or None if `unit` is `ancestor`."""
    if ancestor is None:
        return None
    previous = None
    for current in unit.lineage():
        if current.pk == ancestor.pk:
            return previous
        previous = current
    return None


def _counters(item):
    return {name: item.get(name) or 0 for name in COUNTERS}


def ranking(figures, minimum_resolved=1):
    """Units or agencies by on-time rate, best first; those with nothing resolved last."""
    rated = [f for f in figures if f.resolved >= minimum_resolved]
    return sorted(rated, key=lambda f: (-(f.on_time_rate or 0), -f.resolved, f.label))


def trend_by_month(scope, period):
    sums = {item["month"]: _counters(item) for item in
            _monthly(scope, period).values("month").annotate(**_sum_counters())}
    return [Figures(f"{month:%m/%Y}", month.isoformat(), sums.get(month, {})) for month in period.months()]


def trend_by_week(scope, period, weeks=12):
    """The last `weeks` weeks that end inside the period."""
    last = min(period.end_exclusive, timezone.localdate() + dt.timedelta(days=1))
    last_monday = last - dt.timedelta(days=last.weekday() + (7 if last.weekday() == 0 else 0))
    first = max(last_monday - dt.timedelta(weeks=weeks - 1), period.start - dt.timedelta(days=period.start.weekday()))
    rows = scope.filter(WeeklyStat.objects.filter(week__gte=first, week__lte=last_monday))
    sums = {item["week"]: _counters(item) for item in rows.values("week").annotate(**_sum_counters())}
    result, week = [], first
    while week <= last_monday:
        result.append(Figures(f"{week:%d/%m}", week.isoformat(), sums.get(week, {})))
        week += dt.timedelta(weeks=1)
    return result


def open_now(scope, now=None):
    """Dossiers on the books right now: (within time, overdue)."""
    now = now or timezone.now()
    dossiers = scope.filter(Dossier.objects.filter(state__in=ON_THE_BOOKS), "receiving_agency_id")
    counts = dossiers.aggregate(overdue=Count("pk", filter=Q(due_at__lt=now)), total=Count("pk"))
    return counts["total"] - counts["overdue"], counts["overdue"]


def at_risk_and_overdue(scope, now=None, limit=50):
    """The most urgent open dossiers: overdue first, then those due within a working day."""
    now = now or timezone.now()
    dossiers = scope.filter(Dossier.objects.filter(state__in=ON_THE_BOOKS, due_at__lt=now + dt.timedelta(days=2),
                                                   paused_at__isnull=True), "receiving_agency_id")
    return list(dossiers.select_related("procedure", "current_agency", "receiving_agency").order_by("due_at")[:limit])


def full_online_rate():
    procedures = Procedure.objects.filter(is_active=True)
    counts = procedures.aggregate(total=Count("pk"), full=Count("pk", filter=Q(online_level=OnlineServiceLevel.FULL)))
    return _share(counts["full"], counts["total"])


# --- Decision 766 scores ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    name: str
    points: int
    value: float | None  # None: our data cannot feed this group yet
    note: str = ""


def scores(figures, full_online):
    def scaled(points, *rates):
        known = [rate for rate in rates if rate is not None]
        return points * sum(known) / len(known) if known else None

    satisfaction = figures.satisfaction / 5 if figures.satisfaction is not None else None
    return [
        Score(_("Công khai, minh bạch"), 18, None,
              _("Chưa tính: cần số liệu công bố, cập nhật thủ tục đúng hạn từ Cơ sở dữ liệu quốc gia về TTHC.")),
        Score(_("Tiến độ, kết quả giải quyết"), 20, scaled(20, figures.on_time_rate)),
        Score(_("Số hóa hồ sơ"), 22, scaled(22, figures.digitisation_rate, figures.result_digitisation_rate)),
        Score(_("Cung cấp dịch vụ trực tuyến"), 22, scaled(22, full_online, figures.online_rate),
              _("Chưa tính thanh toán trực tuyến: hệ thống chưa có dữ liệu thanh toán.")),
        Score(_("Mức độ hài lòng"), 18, scaled(18, satisfaction)),
    ]
