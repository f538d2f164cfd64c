"""Electronic forms in a dossier: prefill, save what was typed, freeze at submission into generated
declarations (which procedures stores as the requirements' documents), sign them at receipt."""

import dataclasses
import hashlib
import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from citizen_registry_adapter.errors import RegistryError
from citizen_registry_adapter.registry import get_registry
from government.addresses import locate
from government.exceptions import DomainError
from government.folding import fold
from government.models import AdministrativeUnit, UnitLevel
from government.selectors import current_unit_code
from signing_adapter.pades import sign_pdf

from .forms import EForm, show
from .models import DossierForm
from .pdf import declaration
from .schema import walk

log = logging.getLogger(__name__)


def required_with_forms(procedure):
    return [r for r in procedure.required_documents.all() if r.eform]


def form_of(dossier, required):
    """The dossier's form for `required`, created prefilled on first use (drafts only)."""
    record = DossierForm.objects.filter(dossier=dossier, required_document=required).first()
    if record is None:
        record = DossierForm.objects.create(
            dossier=dossier,
            required_document=required,
            definition=required.eform,
            raw=prefilled(required.eform, dossier),
        )
    return record


def save(record, data, prefix, *, add=None, remove=None):
    """Keep what was typed (valid or not) and, when it is all valid, the checked values."""
    if record.submitted_at is not None:
        raise DomainError(_("Tờ khai đã được nộp; không sửa được nữa."))
    form = EForm(
        record.definition,
        {k: v for k, v in data.items() if k.startswith(f"{prefix}-")},
        prefix=prefix,
        add=add,
        remove=remove,
    )
    record.raw = renamed(form.raw, prefix, "ef")
    record.values = form.values if add is None and remove is None else None
    record.save(update_fields=["raw", "values", "updated_at"])
    return form


def renamed(raw, old, new):
    """Stored under the neutral prefix "ef", whatever prefix the page used. NUL characters are left
    out: PostgreSQL's JSON refuses them, and the form has already said they are not allowed."""
    return {new + key[len(old) :]: _without_nul(value) for key, value in raw.items()}


def _without_nul(value):
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value


def stored_form(record, prefix):
    """The record's form bound to its stored data under the page's `prefix`."""
    return EForm(record.definition, renamed(record.raw, "ef", prefix), prefix=prefix)


def prefilled(definition, dossier, record=None):
    """Raw values from the account, the dossier and, with the applicant's consent, the registry."""
    sources = {
        "dossier": {
            "full_name": dossier.applicant_name,
            "personal_id": dossier.applicant_personal_id,
            "date_of_birth": dossier.applicant_date_of_birth,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
            "address": dossier.applicant_address,
        }
    }
    account = dossier.applicant
    if account is not None:
        sources["account"] = {
            "full_name": account.get_full_name(),
            "personal_id": account.personal_id or "",
            "phone": account.phone or "",
            "email": account.email or "",
            "date_of_birth": account.date_of_birth,
        }
    wanted = any(spec.get("prefill", "").startswith("registry.") for _p, spec in walk(definition))
    if wanted and record is None and dossier.registry_consent_at and dossier.applicant_personal_id:
        record = _registry_record(dossier)
    if record is not None:
        sources["registry"] = {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}
    raw = {}
    for spec in definition["fields"]:
        source, _dot, name = spec.get("prefill", "").partition(".")
        value = sources.get(source, {}).get(name)
        if value in (None, "") or spec["type"] == "group":
            continue
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        if spec["type"] == "address":
            commune, detail = _located(str(value))
            if commune:
                raw[f"ef-{spec['key']}_0"] = commune
            raw[f"ef-{spec['key']}_1"] = detail
        elif spec["type"] == "choice":
            keys = {c[0] for c in spec["choices"]}
            if str(value) in keys:
                raw[f"ef-{spec['key']}"] = str(value)
        else:
            raw[f"ef-{spec['key']}"] = str(value)
    return raw


def _located(address):
    """The registry's address split into the commune of the list and what comes before it. The
    registry may still name a commune a reorganisation merged away: its successor is chosen."""

    communes = AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE).values_list("code", "name", "parent__name")
    code, detail = locate(address, list(communes))
    return (current_unit_code(code) if code else code), detail


def _registry_record(dossier):
    try:
        return get_registry().lookup(
            dossier.applicant_personal_id,
            f"to-khai-{dossier.pk}",
            actor=dossier.applicant.username if dossier.applicant else "",
        )
    except RegistryError as error:
        log.info("no registry prefill for dossier %s: %s", dossier.pk, error)
        return None


def checked(dossier):
    """The draft's forms, each validated once: {required document id: (record, valid form or None)}.
    The submission's check and the freeze share it, so a form is not validated twice."""
    found = {}
    for record in DossierForm.objects.filter(dossier=dossier).select_related("required_document"):
        form = EForm(record.definition, record.raw, prefix="ef")
        found[record.required_document_id] = (record, form if form.is_valid() else None)
    return found


def problems(dossier, forms=None):
    """[(message, anchor)] for every electronic form not yet complete."""
    forms = checked(dossier) if forms is None else forms
    found = []
    for required in required_with_forms(dossier.procedure):
        _record, form = forms.get(required.pk, (None, None))
        if form is None:
            found.append((_("Chưa khai đủ, đúng tờ khai: %(name)s.") % {"name": required.name}, f"eform-{required.pk}"))
    return found


@dataclasses.dataclass(frozen=True)
class Declaration:
    """A frozen form: its declaration, named `name`, stands for `required_document` in the dossier.
    The PDF itself is drawn later (render), out of the citizen's request."""

    required_document: object
    name: str
    record: DossierForm


def freeze(dossier, *, at=None, forms=None):
    """At submission: fix each form's definition and values; return what each declaration will be
    for the caller to store as the requirement's document (procedures.services.documents)."""
    at = at or timezone.now()
    forms = checked(dossier) if forms is None else forms
    declarations = []
    for record, form in forms.values():
        if record.submitted_at is not None:
            continue
        if form is None:
            raise DomainError(_("Chưa khai đủ, đúng tờ khai: %(name)s.") % {"name": record.required_document.name})
        record.values = form.values
        record.submitted_at = at
        record.search_text = fold(
            " ".join(
                show(spec, record.values.get(spec["key"]))
                for path, spec in walk(record.definition)
                if spec.get("key_field") and len(path) == 1
            )
        )
        record.save(update_fields=["values", "submitted_at", "search_text", "updated_at"])
        declarations.append(Declaration(record.required_document, declaration_name(record.required_document), record))
    return declarations


def render(dossier, record):
    """The declaration PDF of a frozen form, as it stood when it was submitted."""
    return declaration(dossier, record.definition, record.values, at=record.submitted_at)


def declaration_name(required_document):
    return f"to-khai-{required_document.order}.pdf"


def sign_declarations(dossier):
    """At receipt: the receiving agency signs each generated declaration. Without a certificate the
    declaration stays unsigned and the receipt goes on (the desk's forms behave the same)."""

    names = {declaration_name(r.required_document) for r in dossier.eforms.select_related("required_document")}
    for document in dossier.documents.filter(name__in=names):
        try:
            signed = sign_pdf(
                document.file.read(),
                dossier.receiving_agency,
                reason=_("Tiếp nhận tờ khai điện tử của hồ sơ %(code)s") % {"code": dossier.code},
            )
        except DomainError as error:
            log.warning("declaration of %s left unsigned: %s", dossier.code, error.message)
            continue
        finally:
            document.file.close()
        document.file.save(document.name, ContentFile(signed), save=False)
        document.size, document.sha256 = len(signed), hashlib.sha256(signed).hexdigest()
        document.save(update_fields=["file", "size", "sha256"])
