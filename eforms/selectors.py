"""Reads of what applicants declared in electronic forms."""

from decimal import Decimal, InvalidOperation

from government.folding import fold

from .forms import display, show
from .models import DossierForm
from .schema import walk


def declared_values(dossier):
    """[(required document, display rows)] of the dossier's submitted forms, in document order."""
    records = (
        DossierForm.objects.filter(dossier=dossier, values__isnull=False, submitted_at__isnull=False)
        .select_related("required_document")
        .order_by("required_document__order")
    )
    return [(record.required_document, display(record.definition, record.values)) for record in records]


def declared_by_key(dossier):
    """{key: text as a person reads it} of every submitted form of the dossier; a group's value is a
    list of {key: text}. For results drawn from what was declared (procedures/pdf/results.py)."""
    declared = {}
    records = DossierForm.objects.filter(dossier=dossier, values__isnull=False, submitted_at__isnull=False)
    for record in records.order_by("required_document__order"):
        for spec in record.definition["fields"]:
            if spec["key"] not in record.values:
                continue
            value = record.values[spec["key"]]
            if spec["type"] == "group":
                declared[spec["key"]] = [
                    {sub["key"]: show(sub, row.get(sub["key"])) for sub in spec["fields"]} for row in value
                ]
            else:
                declared[spec["key"]] = show(spec, value)
    return declared


def dossiers_declaring(dossiers, text):
    """Those of `dossiers` whose forms' key fields contain `text` (any case, with or without accents)."""
    folded = fold(text).strip()
    if not folded:
        return dossiers
    return dossiers.filter(pk__in=DossierForm.objects.filter(search_text__contains=folded).values("dossier_id"))


def key_columns(procedure):
    """(document, key, label) of every key field of the procedure's forms in force, for exports."""
    columns = []
    for document in procedure.required_documents.all():
        for path, spec in walk(document.eform or {"fields": []}):
            if spec.get("key_field") and len(path) == 1:
                columns.append((document, spec["key"], spec["label"]))
    return columns


def declared_fees(dossier):
    """VND added to the procedure's fee by what was declared: a number of copies asked for, each at
    its field's `fee_each_vnd` (fields hidden by their condition were not stored, so add nothing)."""

    total = 0
    for record in DossierForm.objects.filter(dossier=dossier, values__isnull=False):
        for spec in record.definition["fields"]:
            if spec.get("fee_each_vnd") and record.values.get(spec["key"]) not in (None, ""):
                try:
                    total += int(Decimal(str(record.values[spec["key"]]))) * spec["fee_each_vnd"]
                except (InvalidOperation, ValueError):
                    continue
    return total
