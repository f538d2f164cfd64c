"""Reads for the province dashboard (DOMAIN §8): totals, breakdowns, trends, scores, open dossiers.

Flows of a period come from the monthly and weekly counts (procedures/models/stats.py): totals,
trends and agencies from the per-agency roll-up, procedures from the per-procedure roll-up for the
whole province and from the month rows within a narrower scope. What is open right now comes from
the dossiers themselves, through the (state, due_at) index.

Timeliness is shown two ways (docs/decisions/0001-lateness-charged-to-the-step.md):
RESPONSIBLE, the default, charges each route step to the agency that held the dossier then;
RECEIVING charges the whole dossier to the desk that received it. `dossiers_behind` lists the
dossiers behind any count, with the same rules.

Units are read two ways across a reorganisation (docs/reorganisation.md): CURRENT, the default, rolls
the figures of an agency that ended into the agency in force that carries its work now (its
`successor`, followed to the end), so a period spanning the change compares like with like;
AS_RECORDED keeps every figure with the agency and unit that did the work then.
"""

import datetime as dt
from collections import namedtuple
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from government.models import AdministrativeUnit, Agency, Role, UnitLevel
from government.selectors import agency_of, role_of
from procedures.exceptions import PermissionDenied
from procedures.models import (
    COUNTERS,
    ON_THE_BOOKS,
    AgencyMonthlyStat,
    Dossier,
    DossierEvent,
    DossierStep,
    Field,
    MonthlyStat,
    OnlineServiceLevel,
    Procedure,
    ProcedureMonthlyStat,
    Timeliness,
    WeeklyStat,
)

LEVEL_ORDER = {UnitLevel.PROVINCE: 0, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 2}
RESPONSIBLE, RECEIVING = "co-quan-xu-ly", "noi-tiep-nhan"
VIEWS = {RESPONSIBLE: _("Theo cơ quan xử lý từng bước"), RECEIVING: _("Theo nơi tiếp nhận hồ sơ")}
CURRENT, AS_RECORDED = "hien-nay", "khi-phat-sinh"
UNIT_VIEWS = {
    CURRENT: _("Đơn vị hiện nay (đơn vị cũ cộng vào đơn vị kế thừa)"),
    AS_RECORDED: _("Đơn vị tại thời điểm phát sinh"),
}


# --- who sees what --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    unit: AdministrativeUnit | None  # None: the whole province
    agency_ids: frozenset | None  # None: every agency
    # CURRENT units: {ended agency's id: id of the agency in force that carries its work}; empty AS_RECORDED
    rollup: dict = field(default_factory=dict)

    def filter(self, queryset, field="agency_id"):
        return queryset if self.agency_ids is None else queryset.filter(**{f"{field}__in": self.agency_ids})


def _with_predecessors(agency_ids, rollup):
    """`agency_ids` and, in the CURRENT view, the ended agencies whose work they carry now."""
    agency_ids = set(agency_ids)
    return agency_ids | {old for old, new in rollup.items() if new in agency_ids}


def allowed_root(user):
    """The unit whose subtree `user` may watch: all for the monitor and administrators, their own
    unit for leaders; None means nothing."""
    role = role_of(user)
    if role in (Role.PROVINCE_MONITOR, Role.ADMINISTRATOR):
        return AdministrativeUnit.objects.filter(parent__isnull=True).order_by("code").first()
    if role == Role.LEADER:
        return agency_of(user).unit
    return None


def scope_for(user, unit_code="", units=CURRENT):
    root = allowed_root(user)
    if root is None:
        raise PermissionDenied(_("Bảng theo dõi dành cho cán bộ giám sát cấp tỉnh và lãnh đạo đơn vị."))
    unit, parents = root, _parents()
    if unit_code and unit_code != root.code:
        # With its parents: the page's breadcrumbs walk up from it.
        unit = AdministrativeUnit.objects.select_related("parent__parent").filter(code=unit_code).first()
        if unit is None or root.pk not in _ancestry(unit.pk, parents):
            raise PermissionDenied(_("Đơn vị này nằm ngoài phạm vi bạn được theo dõi."))
    rollup = successors_now() if units == CURRENT else {}
    if unit.parent_id is None and role_of(user) != Role.LEADER:
        return Scope(unit, None, rollup)
    agencies = Agency.objects.filter(unit_id__in=subtree_ids(unit, parents)).values_list("pk", flat=True)
    return Scope(unit, frozenset(_with_predecessors(agencies, rollup)), rollup)


def successors_now():
    """{id of an agency that ended: id of the agency in force that carries its work now}, following
    chains of successors (a commune merged in 2025 and again later) from one read of the links."""
    links = dict(Agency.objects.filter(successor__isnull=False).values_list("pk", "successor_id"))
    result = {}
    for old, new in links.items():
        seen = {old}
        while new in links and new not in seen:  # a cycle in bad data must not loop forever
            seen.add(new)
            new = links[new]
        result[old] = new
    return result


def subtree_ids(unit, parents=None):
    """The ids of `unit` and every unit below it, from one read of the (small) unit table."""
    parents = _parents() if parents is None else parents
    return {pk for pk in parents if unit.pk in _ancestry(pk, parents)}


def _parents():
    return dict(AdministrativeUnit.objects.values_list("pk", "parent_id"))


def _ancestry(pk, parents):
    """`pk` and the ids above it."""
    chain = []
    while pk is not None and pk not in chain:  # a cycle in bad data must not loop forever
        chain.append(pk)
        pk = parents.get(pk)
    return chain


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
    """Sums of the counters plus the rates and scores drawn from them.

    done_* and on_time_rate follow the view: route steps completed by the agencies (RESPONSIBLE)
    or dossiers returned by the desks (RECEIVING). `own` marks the agencies that sit at the scope's
    own unit (the province's departments among its districts), shown apart from the units below.
    """

    label: str = ""
    key: str = ""
    counts: dict = field(default_factory=dict)
    view: str = RESPONSIBLE
    own: bool = False

    def __getattr__(self, name):
        if name in COUNTERS:
            return self.counts.get(name) or 0
        raise AttributeError(name)

    def as_view(self, view):
        return Figures(self.label, self.key, self.counts, view, self.own)

    @property
    def resolved(self):
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def has_figures(self):
        """Anything to show in this view: an agency that only handled steps of other desks' dossiers
        has nothing of its own by receiving desk."""
        names = COUNTERS if self.view == RESPONSIBLE else [n for n in COUNTERS if not n.startswith("handled_")]
        return any(self.counts.get(name) for name in names)

    def _done(self, timeliness):
        prefix = "handled" if self.view == RESPONSIBLE else "resolved"
        return getattr(self, f"{prefix}_{timeliness}")

    @property
    def done_early(self):
        return self._done("early")

    @property
    def done_on_time(self):
        return self._done("on_time")

    @property
    def done_late(self):
        return self._done("late")

    @property
    def done(self):
        return self.done_early + self.done_on_time + self.done_late

    @property
    def on_time_rate(self):
        return _share(self.done_early + self.done_on_time, self.done)

    @property
    def online_rate(self):
        return _share(self.received_online, self.received)

    @property
    def digitisation_rate(self):
        return _share(self.digitised, self.received)

    @property
    def reuse_rate(self):
        """Of the dossiers received, those with a paper taken from the applicant's store (Decision 766:
        reuse of digitised data)."""
        return _share(self.reused, self.received)

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


def _monthly(scope, period, model=AgencyMonthlyStat):
    rows = model.objects.filter(month__gte=period.start, month__lte=period.end)
    return scope.filter(rows)


def totals(scope, period, view=RESPONSIBLE):
    """The period's total from the month rows themselves, not the roll-ups: a cross-check in tests."""
    return Figures(counts=_monthly(scope, period, MonthlyStat).aggregate(**_sum_counters()), view=view)


def carried_over(scope, period):
    """Dossiers received before the period and still on the books when it began."""
    before = scope.filter(AgencyMonthlyStat.objects.filter(month__lt=period.start)).aggregate(
        received=Sum("received"), closed=Sum("closed")
    )
    return (before["received"] or 0) - (before["closed"] or 0)


BREAKDOWNS = ("level", "unit", "agency", "procedure", "field")


def breakdowns(scope, period, view=RESPONSIBLE):
    """The period's total and every breakdown, from two queries over the monthly counts: one per
    agency (total, levels, units, agencies) and one per procedure (procedures, fields)."""
    agencies = _per_agency(scope, period)
    procedures = _per_procedure(scope, period)
    total = Figures(counts=_summed(counts for _agency, counts in agencies), view=view)
    by = {
        name: breakdown(scope, period, name, per_agency=agencies, per_procedure=procedures, view=view)
        for name in BREAKDOWNS
    }
    return total, by


def breakdown(scope, period, by, *, per_agency=None, per_procedure=None, view=RESPONSIBLE):
    """Figures per level, child unit, agency, procedure or field, in display order."""
    if by in ("procedure", "field"):
        per_procedure = per_procedure if per_procedure is not None else _per_procedure(scope, period)
        if by == "procedure":
            result = [Figures(procedure.name, str(procedure.pk), counts, view) for procedure, counts in per_procedure]
        else:
            fields, names = {}, dict(Field.objects.values_list("pk", "name"))
            for procedure, counts in per_procedure:
                fields.setdefault(procedure.field_id, []).append(counts)
            result = [Figures(names.get(pk, "?"), str(pk), _summed(parts), view) for pk, parts in fields.items()]
        result = [figures for figures in result if figures.has_figures]
        return sorted(result, key=lambda f: (-f.received, -f.done, f.label))
    per_agency = per_agency if per_agency is not None else _per_agency(scope, period)
    level_labels = {level: str(label) for level, label in UnitLevel.choices}
    groups = {}
    for agency, counts in per_agency:
        own = False
        if by == "agency":
            group = (str(agency.pk), agency.name)
        elif by == "level":
            group = (agency.level, level_labels.get(agency.level, agency.level))
        else:  # the child of the scope's unit that the agency sits under, or the scope's own agencies
            child = _child_under(agency.path, scope.unit)
            own = child is None
            group = (child.code, child.name) if child else (scope.unit.code, own_agencies_label(scope.unit))
        figures = groups.get(group)
        if figures is None:
            figures = groups[group] = Figures(group[1], group[0], dict.fromkeys(COUNTERS, 0), view, own)
        total = figures.counts
        for name, value in counts.items():
            total[name] += value
    result = [figures for figures in groups.values() if figures.has_figures]
    if by == "level":
        return sorted(result, key=lambda f: LEVEL_ORDER.get(f.key, 9))
    # The scope's own agencies first, apart from the units below it.
    return sorted(result, key=lambda f: (not f.own, -f.received, -f.done, f.label))


def _summed(many):
    total = dict.fromkeys(COUNTERS, 0)
    for counts in many:
        for name in COUNTERS:
            total[name] += counts[name]
    return total


def own_agencies_label(unit):
    """ "Các cơ quan cấp tỉnh (Tỉnh Thái Nguyên)": the agencies that sit at the unit itself."""
    return _("Các cơ quan %(level)s (%(unit)s)") % {"level": unit.get_level_display().lower(), "unit": unit.name}


# What the breakdowns need of an agency and its units, read as plain values: building hundreds of
# model instances with their units took longer than the sums themselves.
UnitRef = namedtuple("UnitRef", "pk code name")
AgencyRef = namedtuple("AgencyRef", "pk name level path")  # path: UnitRef of its unit, then each above


_UNIT_FIELDS = (
    "unit_id",
    "unit__code",
    "unit__name",
    "unit__parent_id",
    "unit__parent__code",
    "unit__parent__name",
    "unit__parent__parent_id",
    "unit__parent__parent__code",
    "unit__parent__parent__name",
)


def _per_agency(scope, period):
    """[(AgencyRef, summed counters)] for the agencies with figures; in the CURRENT view an ended
    agency's figures are added to its successor's (when that is in the scope)."""
    sums = _sums_by(_monthly(scope, period), "agency_id")
    for old, new in scope.rollup.items():
        if old in sums and (scope.agency_ids is None or new in scope.agency_ids):
            counts = sums.pop(old)
            sums[new] = {name: counts[name] + sums.get(new, {}).get(name, 0) for name in COUNTERS}
    # The scope's agencies rather than "pk IN (the 369 with figures)": that list alone cost 5 ms to send.
    rows = scope.filter(Agency.objects.all(), "pk").values_list("pk", "name", "unit__level", *_UNIT_FIELDS)
    result = []
    for pk, name, level, *units in rows:
        if pk not in sums:
            continue
        path = tuple(UnitRef._make(units[i : i + 3]) for i in (0, 3, 6) if units[i] is not None)
        result.append((AgencyRef(pk, name, level, path), sums[pk]))
    return result


def _per_procedure(scope, period):
    """[(procedure with its name and field, summed counters)] for the procedures with figures."""
    rows = _monthly(scope, period, ProcedureMonthlyStat if scope.agency_ids is None else MonthlyStat)
    sums = _sums_by(rows, "procedure_id")
    procedures = Procedure.objects.filter(pk__in=sums).only("name", "field_id")
    return [(procedure, sums[procedure.pk]) for procedure in procedures]


def _child_under(path, ancestor):
    """The unit one level below `ancestor` on `path` (a unit, then those above it), or None if
    the path starts at `ancestor`."""
    if ancestor is None:
        return None
    previous = None
    for current in path:
        if current.pk == ancestor.pk:
            return previous
        previous = current
    return None


def _sums_by(rows, key):
    """{value of `key`: {counter: sum}} of `rows`, read as tuples (a dict per row from the ORM, then
    another per row here, cost more than the query)."""
    grouped = rows.values(key).annotate(**_sum_counters()).values_list(key, *COUNTERS)
    return {row[0]: dict(zip(COUNTERS, row[1:], strict=True)) for row in grouped}


def ranking(figures, minimum_done=1):
    """Units or agencies by on-time rate, best first; those with too little done are left out."""
    rated = [f for f in figures if f.done >= minimum_done]
    return sorted(rated, key=lambda f: (-(f.on_time_rate or 0), -f.done, f.label))


def trend_by_month(scope, period, view=RESPONSIBLE):
    sums = _sums_by(_monthly(scope, period), "month")
    return [Figures(f"{month:%m/%Y}", month.isoformat(), sums.get(month, {}), view) for month in period.months()]


def trend_by_week(scope, period, weeks=12, view=RESPONSIBLE):
    """The last `weeks` weeks that end inside the period."""
    last = min(period.end_exclusive, timezone.localdate() + dt.timedelta(days=1))
    last_monday = last - dt.timedelta(days=last.weekday() + (7 if last.weekday() == 0 else 0))
    first = max(last_monday - dt.timedelta(weeks=weeks - 1), period.start - dt.timedelta(days=period.start.weekday()))
    rows = scope.filter(WeeklyStat.objects.filter(week__gte=first, week__lte=last_monday))
    sums = _sums_by(rows, "week")
    result, week = [], first
    while week <= last_monday:
        result.append(Figures(f"{week:%d/%m}", week.isoformat(), sums.get(week, {}), view))
        week += dt.timedelta(weeks=1)
    return result


def _holder(view):
    """Whose open dossiers they are: the agency holding them now, or the desk that received them."""
    return "current_agency_id" if view == RESPONSIBLE else "receiving_agency_id"


def open_now(scope, now=None, view=RESPONSIBLE):
    """Dossiers on the books right now: (within time, overdue)."""
    now = now or timezone.now()
    dossiers = scope.filter(Dossier.objects.filter(state__in=ON_THE_BOOKS), _holder(view))
    # Counting due_at and rows, not ids: the (state, due_at) index alone answers it, without reading
    # the table (ids of 20,000 open dossiers scattered among a million took 75 ms to fetch).
    counts = dossiers.aggregate(overdue=Count("due_at", filter=Q(due_at__lt=now)), total=Count("*"))
    return counts["total"] - counts["overdue"], counts["overdue"]


def at_risk_and_overdue(scope, now=None, limit=50, view=RESPONSIBLE):
    """The most urgent open dossiers: overdue first, then those due within a working day."""
    now = now or timezone.now()
    dossiers = scope.filter(
        Dossier.objects.filter(state__in=ON_THE_BOOKS, due_at__lt=now + dt.timedelta(days=2), paused_at__isnull=True),
        _holder(view),
    )
    # Plain values of what the list shows: fifty whole dossiers with their relations took 10 ms to
    # build, more than reading them.
    rows = dossiers.order_by("due_at").values_list("pk", "code", "procedure__name", "current_agency__name", "due_at")
    return [UrgentDossier(*row) for row in rows[:limit]]


@dataclass(frozen=True)
class UrgentDossier:
    pk: int
    code: str
    procedure_name: str
    agency_name: str
    due_at: dt.datetime


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


def scores(figures, full_online, online_payment=None):
    """The five groups of Decision 766; timeliness is always that of the responsible agencies.
    `online_payment`: the share of fees paid online in the period (payments/), None when none was paid."""
    responsible = figures.as_view(RESPONSIBLE)

    def scaled(points, *rates):
        known = [rate for rate in rates if rate is not None]
        return points * sum(known) / len(known) if known else None

    satisfaction = figures.satisfaction / 5 if figures.satisfaction is not None else None
    return [
        Score(
            _("Công khai, minh bạch"),
            18,
            None,
            _("Chưa tính: cần số liệu công bố, cập nhật thủ tục đúng hạn từ Cơ sở dữ liệu quốc gia về TTHC."),
        ),
        Score(
            _("Tiến độ, kết quả giải quyết"),
            20,
            scaled(20, responsible.on_time_rate),
            _("Theo cơ quan xử lý từng bước."),
        ),
        Score(
            _("Số hóa hồ sơ"),
            22,
            scaled(22, figures.digitisation_rate, figures.result_digitisation_rate, figures.reuse_rate),
            _("Gồm tỉ lệ hồ sơ dùng lại giấy tờ, kết quả đã số hóa trong kho dữ liệu của công dân."),
        ),
        Score(
            _("Cung cấp dịch vụ trực tuyến"),
            22,
            scaled(22, full_online, figures.online_rate, online_payment),
            _("Gồm tỉ lệ phí, lệ phí thanh toán trực tuyến.")
            if online_payment is not None
            else _("Chưa tính thanh toán trực tuyến: chưa có khoản phí, lệ phí nào được thanh toán trong kỳ."),
        ),
        Score(_("Mức độ hài lòng"), 18, scaled(18, satisfaction)),
    ]


# --- the dossiers behind a count ---------------------------------------------------------------------

MEASURES = {
    "received": _("Tiếp nhận"),
    "received_online": _("Tiếp nhận trực tuyến"),
    "received_counter": _("Tiếp nhận trực tiếp"),
    "done": _("Đã giải quyết"),
    "done_early": _("Trước hạn"),
    "done_on_time": _("Đúng hạn"),
    "done_late": _("Trễ hạn"),
    "withdrawn": _("Rút hồ sơ"),
    "rejected": _("Từ chối tiếp nhận"),
    "supplements": _("Yêu cầu bổ sung"),
}
_EVENT_OF = {"withdrawn": "withdraw", "rejected": "reject", "supplements": "request_supplement"}


def dossiers_behind(scope, start, end, measure, *, view=RESPONSIBLE, by="", key=""):
    """The dossiers counted in `measure` between `start` and `end` (aware datetimes, end excluded),
    in `scope`, narrowed to one row of a breakdown (`by`, `key`); most recent first."""
    if measure.startswith("done") and view == RESPONSIBLE:
        steps = DossierStep.objects.filter(completed_at__gte=start, completed_at__lt=end)
        if measure != "done":
            steps = steps.filter(timeliness=measure.removeprefix("done_"))
        steps = _narrow(scope.filter(steps, "agency_id"), scope, by, key, "agency", "dossier__procedure")
        charged = Q(pk__in=steps.values("dossier_id"))
        if measure in ("done", "done_late"):  # late at the desk: returned late with no late step
            desk = _narrow(
                scope.filter(Dossier.objects.all(), "receiving_agency_id"),
                scope,
                by,
                key,
                "receiving_agency",
                "procedure",
            )
            desk = desk.filter(returned_at__gte=start, returned_at__lt=end, timeliness=Timeliness.LATE).exclude(
                steps__timeliness=Timeliness.LATE
            )
            charged |= Q(pk__in=desk.values("pk"))
        latest = DossierStep.objects.filter(dossier=OuterRef("pk")).order_by("-completed_at").values("completed_at")[:1]
        return (
            Dossier.objects.filter(charged)
            .annotate(counted_at=Coalesce("returned_at", Subquery(latest)))
            .order_by("-counted_at", "-pk")
        )
    dossiers = scope.filter(Dossier.objects.all(), "receiving_agency_id")
    dossiers = _narrow(dossiers, scope, by, key, "receiving_agency", "procedure")
    if measure.startswith("received"):
        dossiers = dossiers.filter(received_at__gte=start, received_at__lt=end)
        if measure != "received":
            dossiers = dossiers.filter(channel=measure.removeprefix("received_"))
        return dossiers.annotate(counted_at=F("received_at")).order_by("-counted_at", "-pk")
    if measure.startswith("done"):
        dossiers = dossiers.filter(returned_at__gte=start, returned_at__lt=end)
        if measure != "done":
            dossiers = dossiers.filter(timeliness=measure.removeprefix("done_"))
        return dossiers.annotate(counted_at=F("returned_at")).order_by("-counted_at", "-pk")
    events = DossierEvent.objects.filter(action=_EVENT_OF[measure], created_at__gte=start, created_at__lt=end)
    latest = events.filter(dossier=OuterRef("pk")).order_by("-created_at").values("created_at")[:1]
    return (
        dossiers.filter(pk__in=events.values("dossier_id"))
        .annotate(counted_at=Subquery(latest))
        .order_by("-counted_at", "-pk")
    )


def group_label(scope, by, key):
    """The name of one row of a breakdown, for the title of its dossier list."""
    if not by or not key:
        return ""
    if by == "level":
        return dict(UnitLevel.choices).get(key, "")
    if by == "unit":
        unit = AdministrativeUnit.objects.filter(code=key).first()
        return (
            "" if unit is None else own_agencies_label(unit) if scope.unit and unit.pk == scope.unit.pk else unit.name
        )
    model = {"agency": Agency, "procedure": Procedure, "field": Field}[by]
    found = model.objects.filter(pk=_row_id(key)).first() if _row_id(key) else None
    return found.name if found else ""


def _row_id(key):
    """The database id a breakdown row's key names, or None for anything that cannot be one."""
    return int(key) if key.isdigit() and len(key) <= 12 else None


def _narrow(queryset, scope, by, key, agency, procedure):
    if not by or not key:
        return queryset
    if by in ("procedure", "field"):
        lookup = f"{procedure}_id" if by == "procedure" else f"{procedure}__field_id"
        return queryset.filter(**{lookup: _row_id(key)}) if _row_id(key) else queryset.none()
    # A row of agencies: in the CURRENT view it holds the figures of the ended agencies they carry on.
    if by == "level":
        agencies = Agency.objects.filter(unit__level=key)
    elif by == "agency":
        agencies = Agency.objects.filter(pk=_row_id(key)) if _row_id(key) else Agency.objects.none()
    else:
        unit = AdministrativeUnit.objects.filter(code=key).first()
        if unit is None:
            return queryset.none()
        if scope.unit is not None and unit.pk == scope.unit.pk:  # the scope's own agencies, not its subtree
            agencies = Agency.objects.filter(unit=unit)
        else:
            agencies = Agency.objects.filter(unit_id__in=subtree_ids(unit))
    ids = agencies.values_list("pk", flat=True)
    return queryset.filter(**{f"{agency}_id__in": _with_predecessors(ids, scope.rollup) if scope.rollup else ids})
