"""Procedure versions: publishing one, bringing it into force on its day, reading the one in force
at a moment, and the readable difference an editor checks before publishing.

A version is a snapshot in the catalogue file's shapes. The procedure's own fields, documents and
route rows are the version in force, because everything else (filing, routing, the catalogue page)
reads them; they are rewritten only when a version's effective day comes. A dossier keeps the
version it was received under, and its deadline was computed from that version at receipt.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from government.models import AgencyKind
from procedures.models import DocumentKind, Procedure, ProcedureVersion, RequiredDocument, RouteStep
from procedures.models.catalog import validate_route

# The fields a version holds besides its documents and route, in the order the difference lists them.
FIELDS = (
    "time_limit_kind",
    "processing_days",
    "processing_hours",
    "fee_vnd",
    "fee_note",
    "result_document",
    "result_kind",
    "result_type",
    "result_book",
    "legal_basis",
    "online_level",
    "description",
    "cutoff_time",
    "is_non_boundary",
    "case_basis",
    "assurance_level",
)


def snapshot(procedure):
    """The procedure as it stands (its version in force), in a version's shape."""
    return {
        **{name: getattr(procedure, name) for name in FIELDS},
        "documents": [
            {
                "name": d.name,
                "template": d.template_name,
                "copy": d.copy_kind,
                "quantity": d.quantity,
                "mandatory": d.is_mandatory,
                **({"eform": d.eform} if d.eform else {}),
                **({"kinds": kinds} if (kinds := sorted(k.code for k in d.kinds.all())) else {}),
                **({"waived_when_identity_verified": True} if d.waived_when_identity_verified else {}),
            }
            for d in procedure.required_documents.prefetch_related("kinds")
        ],
        "route": [
            {
                "level": s.level,
                "agency": f"{s.agency_kind}:{s.sector}" if s.sector else s.agency_kind,
                "task": s.task,
                "days": _number(s.working_days),
            }
            for s in procedure.route_steps.all()
        ],
    }


def version_fields(version):
    return {**{name: getattr(version, name) for name in FIELDS}, "documents": version.documents, "route": version.route}


def terms_at_receipt(procedure, at):
    """(version, time limit, route steps, days of each route step) for a dossier received at
    `at`: from the version in force that day (brought into force first if its day has just come),
    or from the procedure itself when it has no recorded versions."""
    version = version_at(procedure, at)
    if version is not None and _newer(version, procedure):
        apply_version(version)
        procedure.refresh_from_db()
    steps = list(procedure.route_steps.all())
    if version is None:
        return None, procedure.time_limit, steps, [s.working_days for s in steps]
    days = [Decimal(str(step["days"])) for step in version.route]
    if len(days) != len(steps):  # received in the past under a route of another shape: today's steps
        days = [s.working_days for s in steps]
    return version, version.time_limit, steps, days


def version_at(procedure, moment):
    """The version in force on `moment`'s day (Vietnam's calendar), or None if none was recorded."""
    day = timezone.localtime(moment).date()
    return procedure.versions.filter(effective_from__lte=day).order_by("-effective_from").first()


def upcoming(procedure, today=None):
    """Versions published with a later effective date, nearest first."""
    today = today or timezone.localdate()
    return procedure.versions.filter(effective_from__gt=today).order_by("effective_from")


@transaction.atomic
def publish_version(procedure, *, effective_from, decision_number, today=None, **fields):
    """Record a version; one whose day has come is brought into force at once. An editor cannot
    publish into the past: that would rewrite what dossiers already received were told."""

    today = today or timezone.localdate()
    if effective_from < today:
        raise ValidationError(_("Ngày có hiệu lực không được trước hôm nay."))
    data = {**snapshot(procedure), **fields}
    validate_route(data["processing_days"], [step["days"] for step in data["route"]])
    version, _created = ProcedureVersion.objects.update_or_create(
        procedure=procedure, effective_from=effective_from, defaults={"decision_number": decision_number, **data}
    )
    if effective_from <= today:
        apply_version(version)
    return version


def bring_into_force(today=None, procedures=None):
    """Apply every version whose day has come and that is not yet the procedure's version in force.
    Returns the versions applied. Run daily (Celery beat) and before each receipt."""
    today = today or timezone.localdate()
    applied = []
    for procedure in procedures if procedures is not None else Procedure.objects.all():
        version = procedure.versions.filter(effective_from__lte=today).order_by("-effective_from").first()
        if version is not None and _newer(version, procedure):
            apply_version(version)
            applied.append(version)
    return applied


def _newer(version, procedure):
    """Only ever forward: a receipt dated in the past must not roll the catalogue back."""
    current = procedure.version_in_force
    return current is None or version.effective_from > current.effective_from


@transaction.atomic
def apply_version(version):
    """Write `version` into its procedure's fields, documents and route. Rows are matched by order,
    so route steps that dossiers point at are updated in place, never dropped while referenced."""
    procedure = version.procedure
    for name in FIELDS:
        setattr(procedure, name, getattr(version, name))
    procedure.version_in_force = version
    procedure.is_active = True
    procedure.save()
    write_documents(procedure, version.documents)
    write_route(procedure, version.route)
    ProcedureVersion.objects.filter(pk=version.pk).update(applied_at=timezone.now())


def write_documents(procedure, documents):
    """The required documents of a version, with the kinds of paper that satisfy each (unknown codes
    were refused at import)."""
    kinds = {k.code: k for k in DocumentKind.objects.all()}
    for order, doc in enumerate(documents, start=1):
        required, _created = RequiredDocument.objects.update_or_create(
            procedure=procedure,
            order=order,
            defaults={
                "name": doc["name"],
                "template_name": doc.get("template", ""),
                "copy_kind": doc.get("copy", "original"),
                "quantity": doc.get("quantity", 1),
                "is_mandatory": doc.get("mandatory", True),
                "eform": doc.get("eform"),
                "waived_when_identity_verified": doc.get("waived_when_identity_verified", False),
            },
        )
        required.kinds.set([kinds[code] for code in doc.get("kinds", []) if code in kinds])
    procedure.required_documents.filter(order__gt=len(documents)).delete()


def write_route(procedure, route):
    for order, step in enumerate(route, start=1):
        kind, _sep, sector = step["agency"].partition(":")
        RouteStep.objects.update_or_create(
            procedure=procedure,
            order=order,
            defaults={
                "level": step["level"],
                "agency_kind": AgencyKind(kind),
                "sector": sector,
                "task": step["task"],
                "working_days": Decimal(str(step["days"])),
            },
        )
    # Steps past the new route's end go only if no dossier went through them.
    procedure.route_steps.filter(order__gt=len(route)).exclude(
        pk__in=procedure.dossiers.values("steps__route_step")
    ).delete()


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


def difference(before, after):
    """What changes from `before` to `after` (dicts in a version's shape), as labelled rows."""
    changes = []
    for name in FIELDS:
        field = ProcedureVersion._meta.get_field(name)
        old, new = (_show(values.get(name), dict(field.choices or ())) for values in (before, after))
        if old != new:
            changes.append(Change(str(field.verbose_name), old, new))
    old_docs, new_docs = [d["name"] for d in before["documents"]], [d["name"] for d in after["documents"]]
    old_forms = {d["name"]: d.get("eform") for d in before["documents"]}
    for document in after["documents"]:
        if document["name"] in old_forms and old_forms[document["name"]] != document.get("eform"):
            changes.append(Change(_("Biểu mẫu điện tử"), document["name"], _("đã sửa")))
    for name in old_docs:
        if name not in new_docs:
            changes.append(Change(_("Thành phần hồ sơ bỏ"), name, ""))
    for name in new_docs:
        if name not in old_docs:
            changes.append(Change(_("Thành phần hồ sơ thêm"), "", name))
    old_route, new_route = [_step(s) for s in before["route"]], [_step(s) for s in after["route"]]
    if old_route != new_route:
        changes.append(Change(_("Quy trình xử lý"), "\n".join(old_route), "\n".join(new_route)))
    return changes


def _step(step):
    return f"{step['level']} · {step['agency']} · {step['task']} · {_number(step['days'])}"


def _number(value):
    value = Decimal(str(value))
    return int(value) if value == value.to_integral() else float(value)


def _show(value, choices=None):
    if choices and value in choices:
        return str(choices[value])
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, Decimal | float | int):
        return str(_number(value)).replace(".", ",")
    return str(value)
