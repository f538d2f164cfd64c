"""Counter intake: a walk-in citizen's dossier, looked up in the registry, scanned and received at once."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from citizen_registry_adapter.errors import RegistryError
from citizen_registry_adapter.registry import get_registry
from procedures import policy
from procedures.exceptions import DomainError
from procedures.models import Role
from procedures.selectors import procedures_received_at
from procedures.services import file_at_counter
from procedures.uploads import check_upload

from ..forms import IntakeForm
from .common import staff_required


def _received_here(agency):
    return procedures_received_at(agency)


def _officer(request):
    return policy.role_of(request.user) == Role.ONE_STOP_OFFICER


@staff_required
def choose(request):
    if not _officer(request):
        return render(request, "backoffice/no_role.html", status=403)
    agency = policy.agency_of(request.user)
    return render(request, "backoffice/intake_choose.html", {"procedures": _received_here(agency), "agency": agency})


@staff_required
def intake(request, procedure_id):
    if not _officer(request):
        return render(request, "backoffice/no_role.html", status=403)
    agency = policy.agency_of(request.user)
    procedure = get_object_or_404(_received_here(agency), pk=procedure_id)
    required = list(procedure.required_documents.all())
    form = IntakeForm(request.POST or None)
    file_errors = {}
    if request.method == "POST" and "lookup" in request.POST:
        form = _prefilled(request, form)
    elif request.method == "POST" and form.is_valid():
        scans = []
        for document in required:
            for upload in request.FILES.getlist(f"file-{document.pk}"):
                try:
                    checked = check_upload(upload)
                except DomainError as error:
                    file_errors.setdefault(document.pk, []).append(str(error.message))
                else:
                    scans.append((f"{document.order:02d}-{checked.name}", checked.content))
        data = form.cleaned_data
        if not data["applicant_name"]:
            form.add_error("applicant_name", _("Hãy nhập họ tên hoặc tra cứu CSDL dân cư theo số định danh."))
        if form.is_valid() and not file_errors:
            try:
                dossier = _file(request, procedure, agency, data, scans)
            except DomainError as error:
                form.add_error(None, str(error.message))
            else:
                messages.success(request, _("Đã tiếp nhận hồ sơ %(code)s. In giấy tiếp nhận cho công dân.")
                                 % {"code": dossier.code})
                return redirect("backoffice:dossier", pk=dossier.pk)
    rows = [(document, file_errors.get(document.pk, [])) for document in required]
    return render(request, "backoffice/intake.html", {"procedure": procedure, "form": form, "rows": rows},
                  status=400 if request.method == "POST" and (form.errors or file_errors) else 200)


def _prefilled(request, form):
    """The form again, with name, birth date and address from the registry (or its message)."""
    data = request.POST.copy()
    try:
        record = get_registry().lookup(data.get("applicant_personal_id", ""), "tiep-nhan-tai-quay",
                                       actor=request.user.username)
    except RegistryError as error:
        form = IntakeForm(data)
        form.is_valid()
        form.add_error("applicant_personal_id", str(error.message))
        return form
    data.update({"applicant_name": record.full_name, "applicant_date_of_birth": record.date_of_birth.isoformat(),
                 "applicant_address": record.permanent_residence})
    messages.info(request, _("Đã lấy họ tên, ngày sinh, nơi thường trú từ CSDL quốc gia về dân cư."))
    return IntakeForm(data)


def _file(request, procedure, agency, data, scans):
    from procedures.tasks import verify_identity

    account = get_user_model().objects.filter(personal_id=data["applicant_personal_id"]).first()
    dossier = file_at_counter(
        procedure, agency, request.user, files=scans, comment=data["comment"], applicant=account,
        applicant_name=data["applicant_name"], applicant_personal_id=data["applicant_personal_id"],
        applicant_date_of_birth=data["applicant_date_of_birth"], applicant_address=data["applicant_address"],
        applicant_phone=data["applicant_phone"], applicant_email=data["applicant_email"],
    )
    transaction.on_commit(lambda: verify_identity.delay(dossier.pk))
    return dossier
