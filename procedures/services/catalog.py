from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from procedures.models import AgencyKind, Field, Procedure, RequiredDocument, RouteStep


def validate_route(processing_days, step_days):
    """A route must have steps whose working days add up to the procedure's processing time."""
    try:
        total = Decimal(processing_days)
    except (InvalidOperation, TypeError):
        raise ValidationError(_("Thời hạn giải quyết phải là một số ngày làm việc.")) from None
    if total <= 0:
        raise ValidationError(_("Thời hạn giải quyết phải lớn hơn 0 ngày làm việc."))
    step_days = [Decimal(d) for d in step_days]
    if not step_days:
        raise ValidationError(_("Thủ tục phải có ít nhất một bước xử lý."))
    if any(d <= 0 for d in step_days):
        raise ValidationError(_("Mỗi bước xử lý phải có số ngày làm việc lớn hơn 0."))
    if sum(step_days) != total:
        raise ValidationError(
            _("Tổng số ngày của các bước (%(sum)s) phải bằng thời hạn giải quyết (%(total)s ngày làm việc).")
            % {"sum": _fmt(sum(step_days)), "total": _fmt(total)}
        )


def _fmt(days):
    return f"{days.normalize():f}".replace(".", ",")


@transaction.atomic
def import_catalog(data):
    """Create or update fields and procedures from the catalog's JSON form; safe to run again.

    Returns (created, updated) procedure counts. Documents and route steps are matched by their
    order, so steps that dossiers already point at are updated in place, never dropped.
    """
    for item in data["fields"]:
        Field.objects.update_or_create(code=item["code"], defaults={"name": item["name"]})
    fields = {f.code: f for f in Field.objects.all()}
    created = updated = 0
    for item in data["procedures"]:
        route = item["route"]
        try:
            validate_route(item["processing_days"], [step["days"] for step in route])
        except ValidationError as error:
            raise ValidationError(f"{item['national_code']} {item['name']}: {error.messages[0]}") from None
        procedure, was_created = Procedure.objects.update_or_create(
            national_code=item["national_code"],
            defaults={
                "name": item["name"],
                "field": fields[item["field"]],
                "processing_days": Decimal(str(item["processing_days"])),
                "fee_vnd": item.get("fee_vnd", 0),
                "fee_note": item.get("fee_note", ""),
                "result_document": item["result"],
                "legal_basis": item["legal_basis"],
                "online_level": item["online_level"],
                "description": item.get("description", ""),
            },
        )
        created += was_created
        updated += not was_created
        for order, doc in enumerate(item["documents"], start=1):
            RequiredDocument.objects.update_or_create(
                procedure=procedure,
                order=order,
                defaults={
                    "name": doc["name"],
                    "template_name": doc.get("template", ""),
                    "copy_kind": doc.get("copy", "original"),
                    "quantity": doc.get("quantity", 1),
                    "is_mandatory": doc.get("mandatory", True),
                },
            )
        procedure.required_documents.filter(order__gt=len(item["documents"])).delete()
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
        procedure.route_steps.filter(order__gt=len(route)).delete()
    return created, updated
