"""What a plan means for the live database (issue 38): every agency it closes, each open dossier with
where it goes and at which step, the staff, desks and registers that follow, and every gap — something
still open, staffed or counting that the plan gives to nobody. A plan with a gap is not applied."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import RegisterSequence
from government.models import AdministrativeUnit, Agency, Desk, StaffRole
from procedures.models import Dossier, DossierState
from procedures.models.dossiers import IN_PROGRESS
from procedures.queues import deadlines
from procedures.services.catalog import ImportPlan, plan_import

from .models import AppliedPlan
from .plans import read_catalogue

# A dossier still to be worked on or handed over: it moves to the successor.
OPEN = [*IN_PROGRESS, DossierState.RESULT_READY, DossierState.DRAFT]


@dataclass
class Move:
    dossier: Dossier
    successor: Agency | None
    time_left: str  # the working time left, kept across the move ("" when no clock runs)
    holds: bool  # the agency holds it now (current agency); else it only received it (its desk)


@dataclass
class AgencyImpact:
    agency: Agency
    successors: list[Agency]
    moves: list[Move] = field(default_factory=list)
    staff: list[StaffRole] = field(default_factory=list)
    desks: list[Desk] = field(default_factory=list)
    registers: list[RegisterSequence] = field(default_factory=list)


@dataclass
class Impact:
    agencies: list[AgencyImpact]
    gaps: list[str]
    catalog: ImportPlan | None = None  # what the plan's catalogue would import

    @property
    def dossiers(self):
        return len({move.dossier.pk for row in self.agencies for move in row.moves})


# The banner may appear or go up to this late: every back-office page asks, a plan runs for minutes.
RUNNING_PLAN_SECONDS = 30
RUNNING_PLAN_KEY = "reorganisation:running"


def running_plan():
    """The reference of the plan being applied right now (its steps not all done), for the officers'
    banner; "" when none. Kept for half a minute in the cache, so that pages do not ask each time."""
    reference = cache.get(RUNNING_PLAN_KEY)
    if reference is None:
        running = AppliedPlan.objects.filter(finished_at__isnull=True).values_list("reference", flat=True).first()
        reference = running or ""
        cache.set(RUNNING_PLAN_KEY, reference, RUNNING_PLAN_SECONDS)
    return reference


def closing_agencies(plan):
    """The agencies the plan ends: those it names, and every agency of a unit that merges into another
    or closes (a unit renamed in place keeps its agencies)."""
    ending_units = {change.code for change in plan.units if change.closes}
    ending_units |= {code for change in plan.units for code in change.sources if code != change.code}
    named = {succession.agency for succession in plan.successions}
    return Agency.objects.filter(Q(electronic_code__in=named) | Q(unit__code__in=ending_units)).select_related("unit")


def impact(plan, now=None):
    """The plan's impact and gaps, read from the database; nothing is written."""
    now = now or timezone.now()
    gaps = _unit_gaps(plan)
    units = set(AdministrativeUnit.objects.values_list("code", flat=True)) | {change.code for change in plan.units}
    for item in plan.new_agencies:
        if item["unit"] not in units:
            gaps.append(
                _("Cơ quan mới %(code)s: đơn vị %(unit)s không có.")
                % {"code": item["electronic_code"], "unit": item["unit"]}
            )
    existing = {a.electronic_code: a for a in Agency.objects.all()}
    created = {item["electronic_code"]: Agency(**agency_fields(item)) for item in plan.new_agencies}
    known = {**existing, **created}
    rows = []
    for agency in closing_agencies(plan).order_by("unit__code", "electronic_code"):
        succession = plan.succession_of(agency.electronic_code)
        if succession is None:
            gaps.append(
                _("Cơ quan “%(agency)s” (%(code)s) kết thúc theo phương án nhưng chưa có cơ quan kế thừa.")
                % {"agency": agency.name, "code": agency.electronic_code}
            )
            continue
        missing = sorted(code for code in succession.successors if code not in known)
        for code in missing:
            gaps.append(
                _(
                    "Cơ quan kế thừa %(code)s của “%(agency)s” không có trong dữ liệu, cũng không được phương án lập mới."
                )
                % {"code": code, "agency": agency.name}
            )
        row = AgencyImpact(agency, [known[c] for c in sorted(succession.successors) if c in known])
        _dossiers(row, succession, known, gaps, now)
        _followers(row, succession, gaps)
        rows.append(row)
    return Impact(rows, gaps, _catalog(plan, gaps))


def _catalog(plan, gaps):
    """The catalogue's import as a dry run; an entry it refuses is a gap (its receipts would have no version)."""
    if plan.catalog is None:
        return None
    found = plan_import(read_catalogue(plan))
    for refusal in found.refused:
        gaps.append(
            _("Danh mục thủ tục: %(code)s không nhập được (%(reason)s).")
            % {"code": refusal.code, "reason": refusal.reason}
        )
    return found


def _dossiers(row, succession, known, gaps, now):
    agency = row.agency
    dossiers = list(
        Dossier.objects.filter(
            Q(current_agency=agency) | Q(receiving_agency=agency) | Q(return_agency=agency), state__in=OPEN
        )
        .select_related("procedure__field", "receiving_agency")
        .order_by("due_at", "pk")
    )
    badges = deadlines(dossiers, now)
    for dossier in dossiers:
        code = succession.successor_for(dossier.procedure.national_code, dossier.procedure.field.code)
        successor = known.get(code)
        if not code:
            gaps.append(
                _(
                    "Hồ sơ %(dossier)s (thủ tục %(procedure)s, lĩnh vực %(field)s) tại “%(agency)s”: phương án không chỉ cơ quan nào nhận."
                )
                % {
                    "dossier": dossier.code or _("nháp #%(pk)s") % {"pk": dossier.pk},
                    "procedure": dossier.procedure.national_code,
                    "field": dossier.procedure.field.code,
                    "agency": agency.name,
                }
            )
        holds = dossier.current_agency_id == agency.pk
        row.moves.append(Move(dossier, successor, badges[dossier.pk].working_text, holds))


def _followers(row, succession, gaps):
    """Staff roles, desks and this year's registers go to the agency that takes the rest of the work."""
    agency = row.agency
    row.staff = list(StaffRole.objects.filter(agency=agency).select_related("user"))
    row.desks = list(Desk.objects.filter(Q(center=agency) | Q(hosted_agency=agency)))
    row.registers = list(RegisterSequence.objects.filter(agency=agency, year=timezone.localdate().year))
    if succession.otherwise:
        return
    for role in row.staff:
        gaps.append(
            _("Cán bộ %(user)s (%(role)s) của “%(agency)s”: phương án không chỉ cơ quan kế thừa chung (otherwise).")
            % {"user": role.user.username, "role": role.get_role_display(), "agency": agency.name}
        )
    for desk in row.desks:
        gaps.append(
            _("Quầy “%(desk)s” của “%(agency)s”: không có cơ quan kế thừa chung.")
            % {"desk": desk.name, "agency": agency.name}
        )
    for register in row.registers:
        gaps.append(
            _("Sổ %(direction)s năm %(year)s của “%(agency)s”: không có cơ quan kế thừa chung.")
            % {"direction": register.get_direction_display(), "year": register.year, "agency": agency.name}
        )


def _unit_gaps(plan):
    gaps = []
    codes = set(AdministrativeUnit.objects.values_list("code", flat=True))
    planned = {change.code for change in plan.units}
    for change in plan.units:
        for code in change.sources:
            if code not in codes:
                gaps.append(
                    _("Đơn vị %(code)s (sáp nhập vào %(into)s) không có trong dữ liệu.")
                    % {"code": code, "into": change.code}
                )
        if change.code not in codes and not change.closes:
            parent = change.data.get("parent")
            if not change.data.get("name") or not change.data.get("level"):
                gaps.append(_("Đơn vị mới %(code)s: thiếu tên (name) hoặc cấp (level).") % {"code": change.code})
            if parent and parent not in codes and parent not in planned:
                gaps.append(
                    _("Đơn vị mới %(code)s: đơn vị cấp trên %(parent)s không có.")
                    % {"code": change.code, "parent": parent}
                )
        if change.closes and change.code not in codes:
            gaps.append(_("Đơn vị %(code)s (giải thể) không có trong dữ liệu.") % {"code": change.code})
    return gaps


def agency_fields(item):
    """What a plan's new agency sets (read_plan has checked each); anything else in it is ignored."""
    return {k: item[k] for k in ("kind", "sector", "name", "electronic_code") if k in item}
