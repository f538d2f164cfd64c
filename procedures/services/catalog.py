from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from procedures.catalog_files import Refusal, read_json
from procedures.models import DocumentKind, Field, Procedure, ProcedureVersion

from . import versions


@dataclass
class ImportPlan:
    """What an import would do (dry run) or did: new procedures and versions, changed versions with
    their difference, versions already as the file says, and the entries refused with their reason."""

    new_fields: list = field(default_factory=list)
    new_kinds: list = field(default_factory=list)  # document kind codes
    new_procedures: list = field(default_factory=list)  # national codes
    renamed: list = field(default_factory=list)  # (code, old name, new name)
    new_versions: list = field(default_factory=list)  # (code, effective_from)
    changed_versions: list = field(default_factory=list)  # (code, effective_from, [versions.Change])
    unchanged: int = 0
    refused: list = field(default_factory=list)  # catalog_files.Refusal

    @property
    def writes(self):
        return bool(
            self.new_fields
            or self.new_kinds
            or self.new_procedures
            or self.renamed
            or self.new_versions
            or self.changed_versions
        )


def plan_import(catalogue):
    """Compare a read catalogue with the database; writes nothing."""
    plan = ImportPlan(refused=list(catalogue.refused))
    known_fields = set(Field.objects.values_list("code", flat=True))
    plan.new_fields = sorted(set(catalogue.fields) - known_fields)
    existing = {p.national_code: p for p in Procedure.objects.filter(national_code__in=catalogue.procedures)}
    stored = {
        (v.procedure.national_code, v.effective_from): v
        for v in ProcedureVersion.objects.filter(procedure__national_code__in=catalogue.procedures).select_related(
            "procedure"
        )
    }
    stored_kinds = set(DocumentKind.objects.values_list("code", flat=True))
    known_kinds = stored_kinds | set(catalogue.document_kinds)
    plan.new_kinds = sorted(set(catalogue.document_kinds) - stored_kinds)
    for code, entry in catalogue.procedures.items():
        unknown = _unknown_kinds(entry, known_kinds)
        if unknown:
            plan.refused.append(
                Refusal(
                    "procedures",
                    code,
                    _("loại giấy tờ chưa có trong danh mục: %(codes)s") % {"codes": ", ".join(unknown)},
                )
            )
            continue
        if entry["field"] not in known_fields and entry["field"] not in catalogue.fields:
            plan.refused.append(
                Refusal(
                    "procedures", code, _("lĩnh vực “%(field)s” chưa có trong danh mục") % {"field": entry["field"]}
                )
            )
            continue
        procedure = existing.get(code)
        if procedure is None:
            plan.new_procedures.append(code)
        elif procedure.name != entry["name"]:
            plan.renamed.append((code, procedure.name, entry["name"]))
        for day, version in sorted(entry["versions"].items()):
            old = stored.get((code, day))
            if old is None:
                plan.new_versions.append((code, day))
                continue
            before = {**versions.version_fields(old), **_decision(old)}
            after = {key: version[key] for key in before}
            changes = versions.difference(before, after) + [
                versions.Change(label, str(before[key] or "—"), str(after[key] or "—"))
                for key, label in DECISION_LABELS.items()
                if before[key] != after[key]
            ]
            if changes:
                plan.changed_versions.append((code, day, changes))
            else:
                plan.unchanged += 1
    return plan


DECISION_LABELS = {
    "decision_number": gettext_lazy("Số quyết định công bố"),
    "decision_date": gettext_lazy("Ngày ký quyết định"),
    "decision_signer": gettext_lazy("Người ký quyết định"),
}


def _unknown_kinds(entry, known):
    """The kind codes a procedure's entry names (its result, its documents) that neither the database
    nor the file knows."""
    named = {entry.get("result_document_kind") or ""} | {
        code for version in entry["versions"].values() for d in version["documents"] for code in d.get("kinds", [])
    }
    return sorted(named - known - {""})


def _decision(version):
    return {key: getattr(version, key) for key in DECISION_LABELS}


def apply_import(catalogue, *, today=None, progress=None):
    """Write what plan_import finds, in one transaction, and bring versions whose day has come into
    force. Running it again with the same file changes nothing. Returns the plan it carried out."""
    today = today or timezone.localdate()
    plan = plan_import(catalogue)
    refused_codes = {r.code for r in plan.refused if r.where == "procedures"}
    changed = {(code, day) for code, day, _changes in plan.changed_versions}
    with transaction.atomic():
        for code, name in catalogue.fields.items():
            Field.objects.update_or_create(code=code, defaults={"name": name})
        for code, kind in catalogue.document_kinds.items():
            DocumentKind.objects.update_or_create(code=code, defaults=kind)
        kinds = {k.code: k for k in DocumentKind.objects.all()}
        fields = {f.code: f for f in Field.objects.all()}
        touched = []
        for code, entry in catalogue.procedures.items():
            if progress:
                progress(code)
            if code in refused_codes:
                continue
            ordered = sorted(entry["versions"].items())
            first_day, first = ordered[0]
            procedure = Procedure.objects.filter(national_code=code).first()
            if procedure is None:
                # Filled from the earliest version until the one in force is written below; a
                # procedure whose every version lies ahead stays unpublished until its day.
                procedure = Procedure(
                    national_code=code, is_active=first_day <= today, **{name: first[name] for name in versions.FIELDS}
                )
            procedure.name, procedure.field = entry["name"], fields[entry["field"]]
            if "result_document_kind" in entry:
                procedure.result_document_kind = kinds.get(entry["result_document_kind"])
            procedure.save()
            for day, version in ordered:
                row, created = ProcedureVersion.objects.get_or_create(
                    procedure=procedure, effective_from=day, defaults=version
                )
                if not created and (code, day) in changed:
                    for name, value in version.items():
                        setattr(row, name, value)
                    row.save()
                    if procedure.version_in_force_id == row.pk:
                        versions.apply_version(row)
            touched.append(procedure)
        versions.bring_into_force(today, procedures=touched)
    return plan


def import_catalog(data, *, today=None, base=None):
    """Import the catalogue's JSON form (fixtures/catalog/); `base` is the folder its "eform" paths
    start from. Returns the plan carried out."""

    return apply_import(read_json(data, base=base), today=today)
