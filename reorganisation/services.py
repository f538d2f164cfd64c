"""Applying a reorganisation plan (issue 38): units and agencies closed (never deleted) with their
successors, open dossiers handed over with their time left, staff and desks following.

Each step is its own transaction, dossiers one agency at a time (short transactions: the portal keeps
reading while a plan runs); the steps done are recorded on the AppliedPlan, and each step only does
what is still to do, so a second run — after a failure or by mistake — changes nothing more.
A plan the dry run refuses (reorganisation.selectors.impact) is never applied.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.services.succession import hand_over_documents
from government.models import AdministrativeUnit, Agency, Desk, StaffRole
from national_sync.services import deliveries_held
from procedures.models import Dossier, DossierStep
from procedures.services.catalog import apply_import
from procedures.services.succession import hand_over

from .models import AppliedPlan
from .plans import read_catalogue
from .selectors import OPEN, RUNNING_PLAN_KEY, agency_fields, closing_agencies, impact


class PlanHasGaps(Exception):
    def __init__(self, gaps):
        self.gaps = gaps
        super().__init__("\n".join(gaps))


def apply(plan, actor, *, progress=None, now=None):
    """Apply `plan` as `actor`; `progress(step, done, total)` is told as it goes. Returns the AppliedPlan."""
    progress = progress or (lambda step, done, total: None)
    found = impact(plan, now=now)
    if found.gaps:
        raise PlanHasGaps(found.gaps)
    record, _created = AppliedPlan.objects.get_or_create(
        reference=plan.reference,
        defaults={
            "effective_at": plan.effective_at,
            "plan": _as_json(plan),
            "applied_by": actor,
            "started_at": now or timezone.now(),
        },
    )
    cache.delete(RUNNING_PLAN_KEY)  # the officers' banner, at once in this process
    for name, step in STEPS:
        if name in record.steps_done:
            continue
        step(plan, actor, progress, now or timezone.now())
        record.steps_done = [*record.steps_done, name]
        record.save(update_fields=["steps_done"])
    if record.finished_at is None:
        record.finished_at = now or timezone.now()
        record.save(update_fields=["finished_at"])
        cache.delete(RUNNING_PLAN_KEY)
    return record


@transaction.atomic
def _units(plan, actor, progress, now):
    for done, change in enumerate(plan.units, 1):
        # saved one by one, not update()d: the forms' address lists follow the units' saves
        if change.closes:
            _close(AdministrativeUnit.objects.filter(code=change.code, valid_until__isnull=True), plan, None)
        else:
            unit = _unit(change, plan)
            sources = [code for code in change.sources if code != change.code]
            _close(AdministrativeUnit.objects.filter(code__in=sources, valid_until__isnull=True), plan, unit)
        progress(_("Đơn vị hành chính"), done, len(plan.units))


def _close(units, plan, successor):
    for unit in units:
        unit.valid_until, unit.successor = plan.effective_at, successor
        unit.save(update_fields=["valid_until", "successor"])


def _unit(change, plan):
    data = change.data
    unit = AdministrativeUnit.objects.filter(code=change.code).first()
    parent = AdministrativeUnit.objects.filter(code=data["parent"]).first() if data.get("parent") else None
    if unit is None:
        return AdministrativeUnit.objects.create(
            code=change.code,
            name=data["name"],
            short_name=data.get("short_name") or data["name"],
            unit_type=data.get("unit_type", ""),
            level=data["level"],
            parent=parent,
            valid_from=plan.effective_at,
        )
    fields = {k: v for k, v in data.items() if k in ("name", "short_name", "unit_type", "level")}
    if data.get("parent"):
        fields["parent"] = parent
    if any(getattr(unit, k) != v for k, v in fields.items()):  # a rename or a new parent, in place
        for k, v in fields.items():
            setattr(unit, k, v)
        unit.save()
    return unit


@transaction.atomic
def _agencies(plan, actor, progress, now):
    # Closed before the new ones are made: a commune keeping its code gets a new committee beside the
    # old one, and only one of a kind may be in force at a unit.
    ending = list(closing_agencies(plan).filter(valid_until__isnull=True))
    for agency in ending:
        agency.valid_until = plan.effective_at
        agency.save(update_fields=["valid_until"])
    for item in plan.new_agencies:
        if not Agency.objects.filter(electronic_code=item["electronic_code"]).exists():
            Agency.objects.create(
                unit=AdministrativeUnit.objects.get(code=item["unit"]),
                valid_from=plan.effective_at,
                **agency_fields(item),
            )
    for done, agency in enumerate(ending, 1):
        agency.successor = _general_successor(plan.succession_of(agency.electronic_code))
        agency.save(update_fields=["successor"])
        progress(_("Cơ quan"), done, len(ending))


def _procedures(plan, actor, progress, now):
    """The catalogue's versions: each comes into force on its own date, so receipts from the change on
    follow the new ones (procedures.services.catalog; one transaction, re-runnable)."""
    if plan.catalog is not None:
        catalogue = read_catalogue(plan)
        total = len(catalogue.procedures)
        apply_import(catalogue, today=timezone.localdate(now), progress=_counter(progress, _("Thủ tục"), total))
        progress(_("Thủ tục"), total, total)


def _counter(progress, step, total):
    done = iter(range(1, total + 1))
    return lambda code: progress(step, next(done, total), total)


def _dossiers(plan, actor, progress, now):
    """One closing agency at a time; each dossier once, with every closing agency it involves. The
    national portal's messages wait for the minute's sweep rather than a task each."""
    closing = {agency.pk: agency for agency in closing_agencies(plan)}
    successors = {a.electronic_code: a for a in Agency.objects.filter(valid_until__isnull=True)}
    with deliveries_held():
        for done, old in enumerate(list(closing.values()), 1):
            with transaction.atomic():  # short transactions: the portal keeps reading while a plan runs
                for dossier in _open_at(old):
                    steps = dossier.open_steps
                    involved = {dossier.current_agency_id, dossier.receiving_agency_id, dossier.result_desk_id}
                    involved |= {step.agency_id for step in steps}
                    mapping = {}
                    for agency_id in involved & set(closing):
                        succession = plan.succession_of(closing[agency_id].electronic_code)
                        code = succession.successor_for(dossier.procedure.national_code, dossier.procedure.field.code)
                        mapping[closing[agency_id]] = successors[code]
                    hand_over(dossier, mapping, actor=actor, reference=plan.reference, at=now, open_steps=steps)
            progress(_("Hồ sơ"), done, len(closing))


def _open_at(agency):
    """The agency's open dossiers, locked, with what handing them over and telling the national portal
    read (their open steps, in one query for all of them)."""
    return (
        Dossier.objects.select_for_update(of=("self",))
        .filter(Q(current_agency=agency) | Q(receiving_agency=agency) | Q(return_agency=agency), state__in=OPEN)
        .select_related("procedure__field", "receiving_agency", "current_agency", "applicant")
        .prefetch_related(
            Prefetch("steps", queryset=DossierStep.objects.filter(completed_at__isnull=True), to_attr="open_steps")
        )
        .order_by("pk")
    )


@transaction.atomic
def _staff(plan, actor, progress, now):
    agencies = list(closing_agencies(plan))
    for done, old in enumerate(agencies, 1):
        succession = plan.succession_of(old.electronic_code)
        new = _general_successor(succession)
        if new is not None:
            for role in StaffRole.objects.filter(agency=old):
                role.agency = new
                role.save(update_fields=["agency"])
            Desk.objects.filter(center=old).update(center=new)
            Desk.objects.filter(hosted_agency=old).update(hosted_agency=new)
        progress(_("Cán bộ, quầy"), done, len(agencies))


def _documents(plan, actor, progress, now):
    """The old agencies' registers close with them; their unfinished documents go on in the successor's
    (documents.services.succession), one agency per transaction."""
    agencies = list(closing_agencies(plan))
    for done, old in enumerate(agencies, 1):
        new = _general_successor(plan.succession_of(old.electronic_code))
        if new is not None:
            hand_over_documents(old, new, now)
        progress(_("Văn bản, sổ"), done, len(agencies))


def _general_successor(succession):
    """The agency taking an ending agency's staff, desks and whatever the plan does not divide."""
    return Agency.objects.filter(electronic_code=succession.otherwise).first() if succession.otherwise else None


STEPS = (
    ("units", _units),
    ("agencies", _agencies),
    ("procedures", _procedures),
    ("dossiers", _dossiers),
    ("staff", _staff),
    ("documents", _documents),
)


def _as_json(plan):
    return {
        "reference": plan.reference,
        "effective_at": plan.effective_at.isoformat(),
        "catalog": str(plan.catalog or ""),
        "units": [{"code": u.code, "from": list(u.sources), "close": u.closes, **u.data} for u in plan.units],
        "new_agencies": list(plan.new_agencies),
        "agencies": [
            {"from": s.agency, "to": {"otherwise": s.otherwise, "by_field": s.by_field, "by_procedure": s.by_procedure}}
            for s in plan.successions
        ],
    }
