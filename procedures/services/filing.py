"""A citizen's online dossier: start from a procedure, fill, upload, submit, supply, rate.

Identity fields come from the National Population Database when the citizen consents; a registry
that does not answer only means they come from the account instead and are verified later.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.consent import give_consent
from accounts.identity import verify_account
from accounts.models import Method, Purpose
from citizen_registry_adapter.errors import RegistryError
from citizen_registry_adapter.registry import get_registry
from eforms.services import checked as checked_eforms
from eforms.services import problems as eform_problems
from government.uploads import check_upload, check_uploads
from procedures import policy, signals, stats
from procedures.exceptions import DomainError, PermissionDenied, TransitionNotAllowed
from procedures.models import Dossier, DossierState, IdentityStatus, ResultDelivery, SatisfactionRating

from . import lifecycle
from .documents import drop_file, freeze_eforms, store_document, stored_bytes
from .store import waived_documents

EDITABLE_FIELDS = ("applicant_phone", "applicant_email", "applicant_address", "result_delivery", "delivery_address")


@dataclass(frozen=True)
class Problem:
    """Something that stops a draft from being submitted, and the input on the draft page that fixes it."""

    message: str
    field: str  # the HTML id on the draft page: "file-12", "id_applicant_phone"…

    def __str__(self):
        return self.message


class SubmissionIncomplete(DomainError):
    def __init__(self, problems):
        self.problems = problems
        super().__init__(_("Hồ sơ chưa đủ để nộp."))


class AssuranceTooLow(DomainError):
    def __init__(self, required):
        self.required = required
        super().__init__(
            _(
                "Thủ tục này yêu cầu đăng nhập bằng tài khoản định danh điện tử mức độ %(level)s. "
                "Vui lòng đăng nhập lại bằng VNeID với tài khoản mức độ %(level)s."
            )
            % {"level": required}
        )


def check_assurance(procedure, assurance):
    """Filing online needs a sign-in at the level the procedure's version in force asks for.
    `assurance` is the level of the current sign-in (accounts/assurance.py); None only for
    callers that are not a citizen's sign-in (demo data, tests of other rules)."""
    if assurance is not None and assurance < procedure.assurance_level:
        raise AssuranceTooLow(procedure.assurance_level)


def start_online(
    citizen, procedure, agency, *, consent, at=None, registry=None, case_unit=None, return_agency=None, assurance=None
):
    """A draft for `citizen`; with consent, its identity fields come from the registry. `case_unit`
    and `return_agency`: see Dossier (non-boundary procedures, result at another center).

    Returns the draft and, when the registry could not be used, the message to show.
    """
    check_assurance(procedure, assurance)
    at = at or timezone.now()
    fields = {
        "applicant_phone": citizen.phone,
        "applicant_email": citizen.email,
        "applicant_date_of_birth": citizen.date_of_birth,
        "registry_consent_at": at if consent else None,
        "case_unit": case_unit,
        "return_agency": return_agency,
    }
    draft = lifecycle.create_draft(procedure, agency, citizen, at=at, **fields)
    if not consent:
        return draft, None
    give_consent(citizen, Purpose.REGISTRY_PREFILL, method=Method.FILING, at=at)
    registry = registry or get_registry()
    try:
        # Registry data goes only to an account whose name and birth date the registry confirmed.
        verify_account(citizen, registry=registry)
        record = registry.lookup(citizen.personal_id, f"draft-{draft.pk}", actor=citizen.username)
    except RegistryError as error:
        return draft, error.message
    draft.applicant_name = record.full_name
    draft.applicant_date_of_birth = record.date_of_birth
    draft.applicant_address = record.permanent_residence
    draft.identity_status = IdentityStatus.VERIFIED
    draft.save(update_fields=["applicant_name", "applicant_date_of_birth", "applicant_address", "identity_status"])
    return draft, None


def update_draft(dossier, citizen, **fields):
    _own_draft(dossier, citizen)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise PermissionDenied(_("Không được sửa các thông tin: %s.") % ", ".join(sorted(unknown)))
    for name, value in fields.items():
        setattr(dossier, name, value)
    dossier.save(update_fields=list(fields))
    return dossier


def attach_document(dossier, citizen, required_document, uploaded):
    """Check and store one upload for one of the procedure's required documents."""
    _own_draft(dossier, citizen)
    if required_document.procedure_id != dossier.procedure_id:
        raise PermissionDenied()
    checked = check_upload(uploaded, already_stored_bytes=stored_bytes(dossier))
    return store_document(dossier, required_document, checked)


def remove_document(dossier, citizen, document_id):
    _own_draft(dossier, citizen)
    document = dossier.documents.filter(pk=document_id).first()
    if document is not None:
        drop_file(document)
        document.delete()


def problems_before_submission(dossier, forms=None):
    """What still stops the draft from being submitted: [Problem], each pointing at its input.
    `forms`: its electronic forms already validated (eforms.services.checked)."""

    problems = []
    uploaded = set(dossier.documents.values_list("required_document_id", flat=True))
    uploaded |= {r.pk for r in waived_documents(dossier)}
    for required in dossier.procedure.required_documents.all():
        if required.is_mandatory and not required.eform and required.pk not in uploaded:
            problems.append(Problem(_("Chưa tải lên: %(name)s.") % {"name": required.name}, f"file-{required.pk}"))
    problems += [Problem(message, anchor) for message, anchor in eform_problems(dossier, forms)]
    if not (dossier.applicant_phone or dossier.applicant_email):
        problems.append(Problem(_("Cần số điện thoại hoặc thư điện tử để nhận thông báo."), "id_applicant_phone"))
    if dossier.result_delivery == ResultDelivery.POST and not dossier.delivery_address.strip():
        problems.append(Problem(_("Cần địa chỉ nhận kết quả qua bưu chính."), "id_delivery_address"))
    return problems


def submit_online(dossier, citizen, *, at=None, assurance=None):
    _own_draft(dossier, citizen)
    check_assurance(dossier.procedure, assurance)
    forms = checked_eforms(dossier)
    problems = problems_before_submission(dossier, forms)
    if problems:
        raise SubmissionIncomplete(problems)

    at = at or timezone.now()
    with transaction.atomic():
        # The electronic forms are fixed and their declarations take their places (drawn after the commit).
        freeze_eforms(dossier, at=at, forms=forms)
        documents = [_filed(d) for d in dossier.documents.all()]
        lifecycle.submit(dossier, citizen, at=at, data={"documents": documents})
    if dossier.identity_status == IdentityStatus.NOT_VERIFIED:
        transaction.on_commit(lambda: signals.identity_unverified.send(sender=Dossier, dossier_id=dossier.pk))
    return dossier


def _filed(document):
    """A document as the submission's event records it; a declaration is named by its form, whose
    values the event's dossier keeps (its PDF is drawn after the commit)."""
    if not document.file:
        return {"name": document.name, "declaration": True}
    return {"name": document.name, "sha256": document.sha256, "size": document.size}


def supply_online(dossier, citizen, uploads, *, comment="", at=None):
    """The citizen answers a supplement request with the missing files (a counter dossier too)."""
    if not policy.holds(citizen, dossier):
        raise PermissionDenied()
    if not uploads:
        raise TransitionNotAllowed(_("Hãy tải lên giấy tờ được yêu cầu bổ sung."))
    checked = check_uploads(uploads, already_stored_bytes=stored_bytes(dossier))
    return lifecycle.supply(dossier, citizen, files=[(c.name, c.content) for c in checked], comment=comment, at=at)


def rate(dossier, citizen, *, score, comment=""):
    if not policy.holds(citizen, dossier):
        raise PermissionDenied()
    if dossier.state not in (DossierState.RETURNED, DossierState.NOT_QUALIFIED):
        raise TransitionNotAllowed(_("Chỉ đánh giá được sau khi đã nhận kết quả."))
    if SatisfactionRating.objects.filter(dossier=dossier).exists():
        raise TransitionNotAllowed(_("Bạn đã đánh giá hồ sơ này."))
    if score not in range(1, 6):
        raise TransitionNotAllowed(_("Mức độ hài lòng từ 1 đến 5."))
    with transaction.atomic():
        rating = SatisfactionRating.objects.create(
            dossier=dossier, score=score, comment=comment.strip(), created_by=citizen
        )
        stats.record_rating(dossier, score, rating.created_at)
    return rating


def _own_draft(dossier, citizen):
    if dossier.applicant_id is None or dossier.applicant_id != citizen.pk:
        raise PermissionDenied()
    if dossier.state != DossierState.DRAFT:
        raise TransitionNotAllowed(_("Hồ sơ đã nộp, không sửa được nữa."))
