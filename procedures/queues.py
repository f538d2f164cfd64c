"""Reads for the back-office: who may see which dossiers, each role's work queue, deadline badges."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from procedures import policy
from procedures.models import ON_THE_BOOKS, Dossier, DossierState, DossierStep, Role
from procedures.selectors import calendar_exceptions, working_calendar_for
from procedures.sla import is_at_risk

S = DossierState
# What each role has to act on by default; other states are one filter away.
ACTIONABLE = {
    Role.ONE_STOP_OFFICER: [S.SUBMITTED, S.RESULT_READY],
    Role.SPECIALIST: [S.RECEIVED, S.PROCESSING, S.TRANSFERRED],
    Role.LEADER: [S.AWAITING_APPROVAL],
}
SORTS = {"due": "due_at", "-due": "-due_at", "received": "received_at", "-received": "-received_at", "code": "code"}


def visible_dossiers(user):
    """Everything a staff member may read: their agency's dossiers (received, current or on the route);
    the province monitor and administrators read all. Drafts belong to citizens alone."""
    role = policy.role_of(user)
    dossiers = Dossier.objects.exclude(state=S.DRAFT)
    if role in (Role.PROVINCE_MONITOR, Role.ADMINISTRATOR):
        return dossiers
    agency = policy.agency_of(user)
    if role not in ACTIONABLE or agency is None:
        return dossiers.none()
    on_route = DossierStep.objects.filter(agency=agency).values("dossier_id")
    return dossiers.filter(Q(receiving_agency=agency) | Q(current_agency=agency) | Q(pk__in=on_route))


def work_queue(user, *, state="", procedure="", level="", unit="", due="", sort="due"):
    """The user's queue, filtered; "todo" (the default) is what their role acts on now."""
    role = policy.role_of(user)
    dossiers = visible_dossiers(user).select_related(
        "procedure", "receiving_agency__unit", "current_agency__unit",
    )
    if state in ("", "todo"):
        actionable = ACTIONABLE.get(role)
        if actionable:
            agency_field = "receiving_agency" if role == Role.ONE_STOP_OFFICER else "current_agency"
            dossiers = dossiers.filter(state__in=actionable, **{agency_field: policy.agency_of(user)})
    elif state != "all":
        dossiers = dossiers.filter(state=state)
    if procedure.isdigit():
        dossiers = dossiers.filter(procedure_id=procedure)
    if level:
        dossiers = dossiers.filter(current_agency__unit__level=level)
    if unit:
        dossiers = dossiers.filter(Q(current_agency__unit__code=unit) | Q(current_agency__unit__parent__code=unit))
    today = timezone.localdate()
    if due == "overdue":
        dossiers = dossiers.filter(due_at__lt=timezone.now(), state__in=ON_THE_BOOKS)
    elif due == "today":
        dossiers = dossiers.filter(due_at__date=today, state__in=ON_THE_BOOKS)
    return dossiers.order_by(SORTS.get(sort, "due_at"), "pk")


@dataclass(frozen=True)
class Deadline:
    kind: str  # "overdue" | "today" | "at_risk" | "ok" | "paused" | "" (nothing running)
    seconds_left: float | None = None  # working time; negative when overdue
    day_seconds: float = 1

    @property
    def text(self):
        """The working time left (or past due) as "2 ngày 3 giờ" in the agency's working days."""
        if self.seconds_left is None:
            return ""
        sign, seconds = ("-" if self.seconds_left < 0 else ""), abs(self.seconds_left)
        days, rest = divmod(seconds, self.day_seconds)
        if days >= 1:
            return f"{sign}{int(days)} ngày {round(rest / 3600)} giờ"
        hours, minutes = int(rest // 3600), round(rest % 3600 / 60)
        if hours:
            return f"{sign}{hours} giờ {minutes} phút" if minutes else f"{sign}{hours} giờ"
        return f"{sign}{minutes} phút"


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
        if now > dossier.due_at:
            past = calendar.working_seconds_between(dossier.due_at, now)
            result[dossier.pk] = Deadline("overdue", -past, calendar.day_seconds)
            continue
        left = calendar.working_seconds_between(now, dossier.due_at)
        if calendar.local(dossier.due_at).date() == calendar.local(now).date():
            kind = "today"
        elif is_at_risk(now, dossier.due_at, calendar):
            kind = "at_risk"
        else:
            kind = "ok"
        result[dossier.pk] = Deadline(kind, left, calendar.day_seconds)
    return result
