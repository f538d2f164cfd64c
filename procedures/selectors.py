"""Reads of the procedures domain, shared by views, admin, commands and services."""

from dataclasses import dataclass

from django.db.models import Case, Count, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from government.collation import by_name
from government.models import Agency, AgencyKind, UnitLevel
from government.models.staff import Role
from government.selectors import working_calendar_for
from government.signing import check_signatures
from procedures.exceptions import RouteError
from procedures.models import (
    IN_PROGRESS,
    Channel,
    ComponentForm,
    Dossier,
    DossierEventFile,
    DossierState,
    Procedure,
    RequiredDocument,
    RouteStep,
    StoredDocument,
    parse_point,
    point_key,
)
from procedures.services.routing import resolve_route


def catalog_summary():
    """Counts shown on the portal's home page."""
    procedures = Procedure.objects.filter(is_active=True)
    return procedures.aggregate(
        total=Count("id"),
        full_online=Count("id", filter=Q(online_level="full")),
    )


def receiving_agencies(procedure):
    """Where `procedure` can be filed (procedures.services.routing.receives): the service centers of
    the units at its first step's level (every center, for a non-boundary procedure), and, in units
    without a center, the agencies that carry out the first step."""
    first = procedure.route_steps.first()
    if first is None:
        return Agency.objects.none()
    centers = Q(kind=AgencyKind.SERVICE_CENTER)
    if not procedure.is_non_boundary:
        centers &= Q(unit__level=first.level)
    in_force = Agency.objects.filter(valid_until__isnull=True)  # an agency a reorganisation closed takes nothing
    served = in_force.filter(kind=AgencyKind.SERVICE_CENTER).values("unit_id")
    own_desks = Q(unit__level=first.level, kind=first.agency_kind, sector=first.sector) & ~Q(unit__in=served)
    return (
        in_force.filter(centers | own_desks)
        .select_related("unit__parent")
        .order_by(by_name("unit__parent__name"), by_name("unit__name"))
    )


def appointment_for(dossier):
    """The date the citizen is told: the appointment once received; before that, the expected one
    counted from submission (or from now, for a draft) on the receiving agency's calendar."""
    if dossier.appointment_at:
        return dossier.appointment_at
    start = dossier.submitted_at or timezone.now()
    return dossier.procedure.time_limit.due(working_calendar_for(dossier.receiving_agency), start)[1]


def appointment_at_receipt(dossier):
    """The date written on the receipt (Form 01) when the desk received the dossier: a later apology's
    new date belongs on Form 04 and the dossier's page, never on the receipt."""

    receipt = dossier.events.filter(action="receive").order_by("created_at", "pk").first()
    given = parse_datetime(receipt.data.get("due_at", "")) if receipt else None
    return given or appointment_for(dossier)


def held_by(user):
    """The dossiers `policy.holds` gives `user`, as a filter: their account's, and, once their identity
    is confirmed, every dossier filed under their personal ID except a desk's unfinished draft."""
    mine = Q(applicant=user)
    if user.personal_id and user.identity_verified_at is not None:
        mine |= Q(applicant_personal_id=user.personal_id) & ~Q(state=DossierState.DRAFT)
    return mine


def competent_authority(dossier):
    """The agency that decides the dossier: recorded at receipt; before it, for a non-boundary dossier
    filed at a center, the one its route resolves to from the commune chosen (None if it cannot)."""
    if dossier.competent_agency_id or not dossier.case_unit_id or not dossier.procedure.is_non_boundary:
        return dossier.competent_agency

    try:
        return resolve_route(dossier.procedure, dossier.receiving_agency, dossier.case_unit)[-1]
    except (RouteError, IndexError):
        return None


def citizen_dossiers(citizen):
    """The citizen's dossiers however they were filed, those waiting for them first (a supplement asked
    for, then drafts)."""
    waiting = Case(
        When(state=DossierState.SUPPLEMENT_REQUESTED, then=Value(0)),
        When(state=DossierState.DRAFT, then=Value(1)),
        default=Value(2),
    )
    return (
        Dossier.objects.filter(held_by(citizen))
        .select_related("procedure", "current_agency__unit", "receiving_agency")
        .order_by(waiting, "-created_at")
    )


def citizen_dossier_rows(citizen):
    """What "Hồ sơ của tôi" shows of each dossier: the whole row, procedure and agencies cost the list
    most of its SQL time for columns it never shows (issue 37)."""
    return (
        citizen_dossiers(citizen)
        .select_related(None)
        .select_related("procedure")
        .only("code", "state", "returned_at", "timeliness", "appointment_at", "created_at", "procedure__name")
    )


def timeline(dossier):
    """The dossier's events for a citizen's eyes: what happened, when, at which agency. Their comments
    go through `citizen_comment`: most are the officers' working notes."""
    return dossier.events.select_related("agency__unit").exclude(action="create").order_by("created_at", "pk")


# What a citizen may read of the log, decided here for every output that reaches them (their pages,
# the citizen API, "Dữ liệu của tôi", notifications): the reasons they are owed — a refusal, what to
# supply, why handling stopped, an apology — and what they wrote themselves. Every other comment
# (a proposal to the leader, a transfer note, a send-back) is internal.
CITIZEN_COMMENTS = frozenset({"reject", "request_supplement", "supply", "withdraw", "stop", "issue_apology"})
# The decision note is the reason of these ends; in any other state it is the specialist's proposal.
CITIZEN_DECISION_NOTES = frozenset(
    {DossierState.REJECTED, DossierState.NOT_QUALIFIED, DossierState.WITHDRAWN, DossierState.STOPPED}
)


def citizen_comment(event):
    """The event's comment if the citizen may read it, else ""."""
    return event.comment if event.action in CITIZEN_COMMENTS else ""


def citizen_decision_note(dossier):
    """The dossier's decision note if it is the reason of an end the citizen is told, else ""."""
    return dossier.decision_note if dossier.state in CITIZEN_DECISION_NOTES else ""


def result_files(dossier):
    """Files issued with the decision (the signed result), once the result is ready."""
    if dossier.state not in (DossierState.RESULT_READY, DossierState.RETURNED, DossierState.NOT_QUALIFIED):
        return DossierEventFile.objects.none()
    return (
        DossierEventFile.objects.filter(event__dossier=dossier, event__action="approve")
        .select_related("issued_as")
        .order_by("pk")
    )


@dataclass(frozen=True)
class ComponentRow:
    """One required document of a dossier as received: its record at the counter (None online) and files."""

    required: object  # RequiredDocument
    component: object  # DossierComponent or None
    documents: list

    @property
    def received(self):
        return self.component is not None or bool(self.documents)

    @property
    def form_display(self):
        if self.component is not None:
            return self.component.get_form_display()
        return ComponentForm.ELECTRONIC.label if self.documents else ""

    @property
    def quantity(self):
        return self.component.quantity if self.component is not None else len(self.documents)

    @property
    def not_digitised(self):
        return self.component is not None and bool(self.component.unscanned_reason)

    @property
    def reused(self):
        """The papers of this row taken from the applicant's store (issue 39)."""
        return [d.stored_document for d in self.documents if d.stored_document_id]


def components_of(dossier):
    """Every required document of the dossier's procedure, with what was received of it: two queries."""
    documents = list(dossier.documents.select_related("stored_document__kind"))
    components = {c.required_document_id: c for c in dossier.components.all()}
    return [
        ComponentRow(
            required, components.get(required.pk), [d for d in documents if d.required_document_id == required.pk]
        )
        for required in dossier.procedure.required_documents.all()
    ]


def apologies(dossier):
    """Every apology letter (Mẫu 04) issued for the dossier, oldest first."""
    return dossier.events.filter(action="issue_apology").order_by("created_at", "pk")


@dataclass
class SupplementRound:
    """One supplement request and the answer to it, if any: what the citizen is shown afterwards."""

    request: object  # DossierEvent "request_supplement"
    reply: object = None  # DossierEvent "supply", with its files


def supplement_rounds(dossier):
    """Every supplement request, oldest first, each with the supply that answered it."""
    events = (
        dossier.events.filter(action__in=("request_supplement", "supply"))
        .prefetch_related("files")
        .order_by("created_at", "pk")
    )
    rounds = []
    for event in events:
        if event.action == "request_supplement":
            rounds.append(SupplementRound(event))
        elif rounds and rounds[-1].reply is None:
            rounds[-1].reply = event
    return rounds


def filing_points():
    """Where procedures are filed, as (key, label) for the catalog's filter: "Ủy ban nhân dân cấp xã",
    "Công an cấp xã", "Sở Tư pháp tỉnh Thái Nguyên"… from the first step of every route."""
    firsts = set(with_first_step(Procedure.objects.all()).values_list("first_level", "first_kind", "first_sector"))
    kinds = Q()
    for level, kind, sector in firsts:
        kinds |= Q(unit__level=level, kind=kind, sector=sector)
    examples = {}  # one agency per point names it
    for agency in Agency.objects.filter(kinds).select_related("unit").order_by("pk") if firsts else ():
        examples.setdefault(point_key(agency.unit.level, agency.kind, agency.sector), agency)
    points = {}
    for key, agency in examples.items():
        if agency.unit.level == UnitLevel.PROVINCE:
            points[key] = agency.name
        else:
            body = (
                agency.name[: len(agency.name) - len(agency.unit.name)].strip()
                if agency.name.casefold().endswith(agency.unit.name.casefold())
                else agency.get_kind_display()
            )
            points[key] = f"{body} {UnitLevel(agency.unit.level).label.lower()}"
    return sorted(points.items(), key=lambda item: item[1])


def with_first_step(procedures):
    """`procedures` annotated with where their route starts: first_level, first_kind, first_sector."""
    first = RouteStep.objects.filter(procedure=OuterRef("pk")).order_by("order")
    return procedures.annotate(
        first_level=Subquery(first.values("level")[:1]),
        first_kind=Subquery(first.values("agency_kind")[:1]),
        first_sector=Subquery(first.values("sector")[:1]),
    )


def starting_at(procedures, point):
    """Those of `procedures` that are filed at `point` ("level:kind:sector")."""
    level, kind, sector = parse_point(point)
    return with_first_step(procedures).filter(first_level=level, first_kind=kind, first_sector=sector)


def procedures_received_at(agency):
    """Active procedures `agency` receives: those whose route starts at an agency like it (its level,
    kind and sector); at a service center, those starting at its unit's level and the non-boundary ones."""
    active = Procedure.objects.filter(is_active=True)
    if agency.is_service_center:
        return (
            with_first_step(active)
            .filter(Q(first_level=agency.unit.level) | Q(is_non_boundary=True))
            .order_by(by_name())
        )
    point = point_key(agency.unit.level, agency.kind, agency.sector)
    return starting_at(active, point).order_by(by_name())


def service_centers():
    return (
        Agency.objects.filter(kind=AgencyKind.SERVICE_CENTER, valid_until__isnull=True)
        .select_related("unit")
        .order_by("unit__code")
    )


def tracked_dossier(code, secret):
    """Public tracking: the dossier with this code, if `secret` is the last 4 digits of its applicant's
    personal ID or phone; else None (the same answer whether the code or the digits are wrong)."""
    dossier = (
        Dossier.objects.exclude(state=DossierState.DRAFT)
        .select_related("procedure", "current_agency__unit", "receiving_agency")
        .filter(code=code)
        .first()
    )
    if dossier is None:
        return None
    if dossier.applicant_personal_id[-4:] == secret or (
        dossier.applicant_phone and dossier.applicant_phone[-4:] == secret
    ):
        return dossier
    return None


@dataclass(frozen=True)
class Status:
    is_open: bool  # somebody still has to act on it
    overdue: bool  # open, and the appointment has passed


def citizen_view(dossier, now=None):
    """Where the dossier stands as the citizen's page and public tracking say it: its status, the
    appointment, every apology letter with its new date, and the competent authority."""
    now = now or timezone.now()
    is_open = dossier.state in IN_PROGRESS or dossier.state == DossierState.RESULT_READY
    appointment = appointment_for(dossier) if dossier.code else None
    letters = list(apologies(dossier).select_related("agency"))
    for letter in letters:
        letter.new_date = parse_datetime(letter.data.get("appointment_at", ""))
    return {
        "status": Status(is_open, bool(is_open and appointment and appointment < now)),
        "appointment": appointment,
        "apologies": letters,
        "competent": competent_authority(dossier),
    }


def dossiers_with_declarations_to_write(older_than):
    """Filed dossiers whose declaration has no file since before `older_than`: the task that was to draw
    it died or was lost. The sweeper (procedures.tasks.write_missing_declarations) draws them."""
    return Dossier.objects.filter(
        documents__file="", documents__uploaded_at__lt=older_than, submitted_at__isnull=False
    ).distinct()


# --- the citizen's electronic data store (issue 39) ---------------------------------------------------


def store_of(personal_id, *, on=None):
    """The papers of a person's store that are not removed, newest first; with `on`, only those still
    valid that day."""
    items = StoredDocument.objects.filter(personal_id=personal_id, removed_at__isnull=True).select_related("kind")
    if on is not None:
        items = items.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
    return items


def offered_for(personal_id, required_documents, *, on):
    """{required document id: [store papers]}: what the store of `personal_id` holds that satisfies
    each of them and is valid on `on`. Two queries whatever the number of documents."""
    if not personal_id:
        return {}
    kinds = {}
    through = RequiredDocument.kinds.through.objects.filter(requireddocument__in=required_documents)
    for required_id, kind_id in through.values_list("requireddocument_id", "documentkind_id"):
        kinds.setdefault(kind_id, []).append(required_id)
    if not kinds:
        return {}
    offered = {}
    for item in store_of(personal_id, on=on).filter(kind_id__in=kinds):
        for required_id in kinds[item.kind_id]:
            offered.setdefault(required_id, []).append(item)
    return offered


@dataclass(frozen=True)
class Provenance:
    """Where a dossier's paper taken from the store comes from, for the officer: the paper and its
    signatures checked on the file's bytes now (not what the store recorded)."""

    item: object  # StoredDocument
    signatures_valid: bool
    signer: str


def provenance_of(rows):
    """{dossier document id: Provenance} for the papers of `components_of(dossier)` rows that came
    from the applicant's store."""
    found = {}
    for row in rows:
        for document in row.documents:
            item = document.stored_document
            if item is None:
                continue
            checks = []
            if item.content_type == "application/pdf" and document.file:
                with document.file.open("rb") as handle:
                    checks = check_signatures(handle.read())
            valid = bool(checks) and all(check.valid for check in checks)
            found[document.pk] = Provenance(item, valid, checks[-1].signer if checks else "")
    return found


def keep_scan_choices(dossier, user):
    """{dossier document id: [document kinds]}: the counter scans this desk officer may keep in the
    applicant's store as reusable electronic copies (PDF scans of a required document with kinds)."""
    staff_role = getattr(user, "staff_role", None)
    if (
        dossier.channel != Channel.COUNTER
        or dossier.received_at is None
        or staff_role is None
        or staff_role.role != Role.ONE_STOP_OFFICER
        or staff_role.agency_id != dossier.receiving_agency_id
    ):
        return {}
    documents = dossier.documents.filter(
        stored_document__isnull=True, kept_as__isnull=True, content_type="application/pdf"
    ).exclude(file="")
    choices = {}
    for document in documents.select_related("required_document").prefetch_related("required_document__kinds"):
        kinds = list(document.required_document.kinds.all())
        if kinds:
            choices[document.pk] = kinds
    return choices
