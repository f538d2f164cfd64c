"""Reads for the back-office: who may see which dossiers, each role's work queue, deadline badges."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property

from government.models import Agency, Role
from government.selectors import agency_of, calendar_exceptions, role_of, working_calendar_for
from procedures.models import ON_THE_BOOKS, Dossier, DossierState, DossierStep
from procedures.sla import is_at_risk, warning_cutoff
from procedures.sla.durations import calendar_duration, working_duration

S = DossierState
# What each role has to act on by default; other states are one filter away.
ACTIONABLE = {
    Role.ONE_STOP_OFFICER: [S.SUBMITTED, S.RESULT_READY],
    Role.SPECIALIST: [S.RECEIVED, S.PROCESSING, S.TRANSFERRED],
    Role.LEADER: [S.AWAITING_APPROVAL],
}
SORTS = {"due": "due_at", "-due": "-due_at", "received": "received_at", "-received": "-received_at", "code": "code"}
# A queue longer than this says "more than 1,000": counting 50,000 waiting dossiers on every view cost
# 50 ms (bench/queue_scale.py); an officer narrows such a list with the filters (decision 0033).
COUNT_CAP = 1_000


def visible_dossiers(user):
    """Everything a staff member may read: their agency's dossiers (received, current or on the route);
    the province monitor and administrators read all. Drafts belong to citizens alone."""
    role = role_of(user)
    dossiers = Dossier.objects.exclude(state=S.DRAFT)
    if role in (Role.PROVINCE_MONITOR, Role.ADMINISTRATOR):
        return dossiers
    agency = agency_of(user)
    if role not in ACTIONABLE or agency is None:
        return dossiers.none()
    on_route = DossierStep.objects.filter(agency=agency).values("dossier_id")
    return dossiers.filter(Q(receiving_agency=agency) | Q(current_agency=agency) | Q(pk__in=on_route))


def work_queue(user, *, state="", procedure="", level="", unit="", due="", sort="due", now=None):
    """The user's queue, filtered; "todo" (the default) is what their role acts on now.

    A deadline filter (overdue, due soon, due today) looks at every dossier of the user's agency
    still on the books, whatever its state: an overdue dossier waiting at another step is still
    the desk's to apologise for.
    """
    role = role_of(user)
    dossiers = visible_dossiers(user)
    if state in ("", "todo") and due:
        dossiers = dossiers.filter(state__in=ON_THE_BOOKS)
    elif state in ("", "todo"):
        actionable = ACTIONABLE.get(role)
        agency = agency_of(user)
        if role == Role.ONE_STOP_OFFICER:  # new dossiers at its desk; results it hands over (current_agency)
            dossiers = dossiers.filter(
                Q(state=S.SUBMITTED, receiving_agency=agency) | Q(state=S.RESULT_READY, current_agency=agency)
            )
        elif actionable:
            dossiers = dossiers.filter(state__in=actionable, current_agency=agency)
    elif state != "all":
        dossiers = dossiers.filter(state=state)
    if procedure.isdigit():
        dossiers = dossiers.filter(procedure_id=procedure)
    if level:
        dossiers = dossiers.filter(current_agency__unit__level=level)
    if unit:
        dossiers = dossiers.filter(Q(current_agency__unit__code=unit) | Q(current_agency__unit__parent__code=unit))
    if due:
        dossiers = dossiers.filter(deadline_filter(due, now or timezone.now()))
    return dossiers.order_by(SORTS.get(sort, "due_at"), "pk")


def queue_page(user, number=1, size=20, **filters):
    """One page of the queue's dossier ids, at a cost that does not grow with the queue's length.

    The count stops at COUNT_CAP. The default view ("todo", by due date) is read as one ordered index
    scan per (agency, state) merged (indexes dossier_desk_queue_idx and dossier_holder_queue_idx), so
    the first page reads 20 rows of each whether 50 or 50,000 wait; other filters use the general query.
    """
    dossiers = work_queue(user, **filters)
    ids = dossiers.values_list("pk", flat=True)
    branches = _todo_branches(user, dossiers, filters)
    if branches and connection.features.supports_slicing_ordering_in_compound:
        ids = _MergedIds(branches)
    return CappedPaginator(ids, size, counted=dossiers).get_page(number)


def _todo_branches(user, dossiers, filters):
    """The default view as querysets of one (agency, state) each, in due order; None for any other view."""
    if filters.get("state") not in (None, "", "todo") or filters.get("sort", "due") not in ("", "due"):
        return None
    if any(filters.get(name) for name in ("procedure", "level", "unit", "due")):
        return None
    role, agency = role_of(user), agency_of(user)
    if agency is None or role not in ACTIONABLE:
        return None
    plain = dossiers.model.objects.order_by("due_at", "pk").values_list("pk", "due_at")  # the merge sorts on both
    if role == Role.ONE_STOP_OFFICER:  # the same two halves as work_queue's
        return [
            plain.filter(receiving_agency=agency, state=S.SUBMITTED),
            plain.filter(current_agency=agency, state=S.RESULT_READY),
        ]
    return [plain.filter(current_agency=agency, state=state) for state in ACTIONABLE[role]]


class _MergedIds:
    """What the paginator slices: the branches' first `stop` ids each, merged in due order by the database."""

    def __init__(self, branches):
        self.branches = branches

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        if stop <= start:  # an empty queue's page (a slice [0:0] would make the branches empty querysets)
            return []
        first, *rest = [branch[:stop] for branch in self.branches]
        merged = first.union(*rest, all=True).order_by("due_at", "pk") if rest else first
        return [pk for pk, _due in merged[start:stop]]


class CappedPaginator(Paginator):
    """A paginator whose count stops at COUNT_CAP + 1 (`more_than_cap` then says so)."""

    def __init__(self, object_list, per_page, *, counted):
        super().__init__(object_list, per_page)
        self.counted = counted

    @cached_property
    def count(self):
        return self.counted.order_by().values("pk")[: COUNT_CAP + 1].count()

    @property
    def more_than_cap(self):
        return self.count > COUNT_CAP


# What a row shows and its deadline badge needs (the receiving desk's office hours): the whole dossier,
# procedure and agencies were 4,500 characters of SQL and 8 ms for 20 rows, this is a third of it.
ROW_FIELDS = (
    "code",
    "applicant_name",
    "state",
    "due_at",
    "paused_at",
    "procedure__name",
    "current_agency__name",
    *(f"receiving_agency__{name}" for name in ("morning_start", "morning_end", "afternoon_start", "afternoon_end")),
    "receiving_agency__warning_days",
)


def queue_rows(ids):
    """The dossiers of one page of the queue, in the page's order, with what the table shows.

    The queue is paged over ids first: joining the procedure and agencies to every dossier waiting
    at a busy desk before sorting took 30 ms for 4,000 of them (bench/profile_pages.py); joining 20
    takes nothing."""
    found = (
        Dossier.objects.select_related("procedure", "receiving_agency", "current_agency").only(*ROW_FIELDS).in_bulk(ids)
    )
    return [found[pk] for pk in ids if pk in found]


def deadline_filter(due, now):
    """A Q for dossiers on the books that are overdue, due soon (within the receiving agency's
    warning window, in its working time) or due today. The window is turned into a cut-off time per
    calendar, so the database does the filtering and the queue still pages."""
    on_books = Q(state__in=ON_THE_BOOKS, due_at__isnull=False, paused_at__isnull=True)
    if due == "overdue":
        return on_books & Q(due_at__lt=now)
    if due == "today":
        today = timezone.localtime(now).date()
        return on_books & Q(due_at__date=today, due_at__gte=now)
    if due == "soon":
        exceptions = calendar_exceptions()
        groups = {}
        for agency in Agency.objects.all():
            groups.setdefault((agency.office_sessions, agency.warning_days), []).append(agency)
        soon = Q(pk__in=[])
        for (_sessions, window), agencies in groups.items():
            cutoff = warning_cutoff(now, working_calendar_for(agencies[0], exceptions), window)
            soon |= Q(receiving_agency__in=agencies, due_at__gte=now, due_at__lte=cutoff)
        return on_books & soon
    return Q()


@dataclass(frozen=True)
class Deadline:
    kind: str  # "overdue" | "today" | "at_risk" | "ok" | "paused" | "" (nothing running)
    seconds_left: float | None = None  # working time; negative when overdue
    day_seconds: float = 1
    calendar_seconds: float | None = None  # wall-clock time to (or, negative, past) the due time

    @property
    def working_text(self):
        """The working time left or past due, in the agency's working days: "2 ngày 3 giờ"."""
        if self.seconds_left is None:
            return ""
        return working_duration(self.seconds_left, self.day_seconds)

    @property
    def calendar_text(self):
        return "" if self.calendar_seconds is None else calendar_duration(self.calendar_seconds)

    @property
    def text(self):
        """Overdue: the wall-clock time past due; otherwise the working time left."""
        return self.calendar_text if self.kind == "overdue" else self.working_text

    @property
    def is_urgent(self):
        """Overdue or due within the warning window: when an apology letter is due."""
        return self.kind in ("overdue", "today", "at_risk")


def deadline_of(dossier, now=None):
    return deadlines([dossier], now)[dossier.pk]


def deadlines(dossiers, now=None):
    """A badge per dossier id; one query (the calendar exceptions) whatever the number of dossiers."""
    now = now or timezone.now()
    exceptions = calendar_exceptions()
    calendars, result = {}, {}
    for dossier in dossiers:
        if dossier.due_at is None or dossier.state not in ON_THE_BOOKS:
            result[dossier.pk] = Deadline("")
            continue
        if dossier.paused_at is not None:
            result[dossier.pk] = Deadline("paused")
            continue
        agency = dossier.receiving_agency
        calendar = calendars.get(agency.pk) or calendars.setdefault(agency.pk, working_calendar_for(agency, exceptions))
        wall = (dossier.due_at - now).total_seconds()
        if now > dossier.due_at:
            past = calendar.working_seconds_between(dossier.due_at, now)
            result[dossier.pk] = Deadline("overdue", -past, calendar.day_seconds, wall)
            continue
        left = calendar.working_seconds_between(now, dossier.due_at)
        if calendar.local(dossier.due_at).date() == calendar.local(now).date():
            kind = "today"
        elif is_at_risk(now, dossier.due_at, calendar, agency.warning_days):
            kind = "at_risk"
        else:
            kind = "ok"
        result[dossier.pk] = Deadline(kind, left, calendar.day_seconds, wall)
    return result
