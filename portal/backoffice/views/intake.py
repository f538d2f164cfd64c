"""Counter intake: a walk-in citizen's dossier, looked up in the registry, scanned and received at once.

Every POST first holds the scans it carries (procedures.services.counter), so neither the registry
look-up nor an error anywhere on the form loses a file or a typed value.
"""

import uuid
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from citizen_registry_adapter.errors import RegistryError
from citizen_registry_adapter.registry import get_registry
from eforms import services as eform_services
from eforms.forms import EForm, row_change
from government.downloads import download
from government.folding import fold
from government.models import Role
from government.selectors import agency_of, role_of
from payments import services as payments
from payments.models import PaymentChannel
from portal.citizens.forms import EFormButtonsForm
from portal.forms import PreviewForm
from procedures.exceptions import DomainError
from procedures.models import PendingUpload
from procedures.selectors import offered_for, procedures_received_at
from procedures.services import counter, store
from procedures.tasks import verify_identity

from ..forms import ComponentIntakeForm, IntakeForm, ProcedureChooserForm
from .common import pdf_preview, staff_refusal, staff_required


def _officer_only(view):
    def wrapper(request, *args, **kwargs):
        if role_of(request.user) != Role.ONE_STOP_OFFICER:
            return staff_refusal(
                request,
                _(
                    "Chỉ cán bộ một cửa tiếp nhận hồ sơ tại quầy. Hồ sơ đã tiếp nhận "
                    "nằm trong “Hồ sơ cần xử lý” của bạn."
                ),
            )
        return view(request, *args, **kwargs)

    return staff_required(wrapper)


@_officer_only
def choose(request):
    agency = agency_of(request.user)
    form = ProcedureChooserForm(request.GET or None)
    procedures = sorted(
        procedures_received_at(agency).select_related("field").prefetch_related("route_steps"),
        key=lambda p: fold(p.name),
    )
    if form.is_valid():
        terms = fold(form.cleaned_data["q"]).split()
        level, field = form.cleaned_data["level"], form.cleaned_data["field"]
        procedures = [
            p
            for p in procedures
            if all(term in fold(f"{p.name} {p.national_code}") for term in terms)
            and (not level or level in p.levels)
            and (not field or p.field_id == field.pk)
        ]
    rows = [(p, fold(f"{p.name} {p.national_code} {p.field.name}")) for p in procedures]
    return render(
        request,
        "backoffice/intake_choose.html",
        {"rows": rows, "agency": agency, "form": form},
        status=400 if form.errors else 200,
    )


@_officer_only
def intake(request, procedure_id):
    agency = agency_of(request.user)
    procedure = get_object_or_404(procedures_received_at(agency), pk=procedure_id)
    required = list(procedure.required_documents.all())
    if request.method != "POST":
        counter.discard_stale(request.user)
        form = IntakeForm(initial={"batch": uuid.uuid4(), "fee_vnd": procedure.fee_vnd}, procedure=procedure)
        return _page(
            request,
            procedure,
            form,
            [ComponentIntakeForm(required_document=r) for r in required],
            eforms=_eforms(required, None),
        )

    form = IntakeForm(request.POST, procedure=procedure)
    batch = form["batch"].value()
    try:
        batch = uuid.UUID(str(batch))
    except ValueError:  # a forged or missing form token: start a fresh form, keep what was typed
        batch = uuid.uuid4()
    file_errors = _hold_scans(request, batch, required)
    components = _component_forms(request, batch, required)
    if "store_lookup" in request.POST:
        form.is_valid()
        offered = _store_lookup(request, form, required)
        if offered is not None:
            components = _component_forms(request, batch, required, offered)
        return _page(request, procedure, form, components, file_errors, eforms=_eforms(required, request.POST))
    if "lookup" in request.POST:
        form, record = _looked_up(request, batch, procedure)
        data = request.POST.copy()
        if record is not None:  # the registry's answer fills the forms' empty fields, never typed ones
            for document in required:
                if document.eform:
                    for name, value in eform_services.prefilled(document.eform, _walk_in(form), record).items():
                        name = f"ef{document.pk}" + name[len("ef") :]
                        if not data.get(name):
                            data[name] = value
        return _page(request, procedure, form, components, file_errors, eforms=_eforms(required, data))
    buttons = EFormButtonsForm(request.POST)
    pressed = buttons.cleaned_data if buttons.is_valid() else {}
    eforms = _eforms(required, request.POST, pressed)
    if pressed.get("slot"):  # a row added or removed: the same page again, nothing lost
        form.is_valid()
        return _page(request, procedure, form, components, file_errors, eforms=eforms)

    valid = form.is_valid() & all([c.is_valid() for c in components]) & all([e.is_valid() for e in eforms.values()])
    if valid and not form.cleaned_data["applicant_name"].strip():
        form.add_error("applicant_name", _("Hãy nhập họ tên hoặc tra cứu CSDL dân cư theo số định danh."))
        valid = False
    if valid and not file_errors:
        try:
            declared = {
                document: eform_services.renamed(eforms[document.pk].raw, f"ef{document.pk}", "ef")
                for document in required
                if document.eform
            }
            dossier = _receive(request, procedure, agency, batch, form.cleaned_data, components, declared)
        except counter.IntakeIncomplete as incomplete:
            for component in components:
                if component.required_document.pk in incomplete.problems:
                    component.add_error(None, incomplete.problems[component.required_document.pk])
            form.add_error(None, str(incomplete.message))
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(
                request,
                _("Đã tiếp nhận hồ sơ %(code)s. In giấy tiếp nhận (Mẫu 01) cho công dân.") % {"code": dossier.code},
            )
            return redirect("backoffice:dossier", pk=dossier.pk)
    return _page(request, procedure, form, components, file_errors, status=400, eforms=eforms, show_errors=True)


def _hold_scans(request, batch, required):
    """Hold the files this POST brings and drop those the officer unticked; {document id: [messages]}."""
    errors = {}
    for document in required:
        prefix = f"c{document.pk}"
        refused = counter.stage_scans(request.user, batch, document, request.FILES.getlist(f"{prefix}-files"))
        if refused:
            errors[document.pk] = refused
        drop = [int(value) for value in request.POST.getlist(f"{prefix}-drop") if value.isdigit() and len(value) < 12]
        if drop:
            counter.unstage(request.user, batch, drop)
    _hold_from_store(request, batch, required, errors)
    return errors


def _hold_from_store(request, batch, required, errors):
    """Hold the papers of the applicant's store the officer ticked after a look-up (checked again:
    the person typed now, the document's kinds, validity today)."""
    picked = {d.pk: request.POST.getlist(f"c{d.pk}-store") for d in required}
    if not any(picked.values()):
        return
    person = IntakeForm(request.POST, procedure=required[0].procedure)
    person.is_valid()
    personal_id = person.cleaned_data.get("applicant_personal_id", "")
    offered = offered_for(personal_id, required, on=timezone.localdate()) if personal_id else {}
    for document in required:
        if not picked[document.pk]:
            continue
        choice = ComponentIntakeForm(request.POST, required_document=document, offered=offered.get(document.pk, []))
        choice.is_valid()
        if "store" in choice.errors:
            errors.setdefault(document.pk, []).extend(choice.errors["store"])
            continue
        for item_id in choice.cleaned_data.get("store", []):
            try:
                counter.stage_from_store(
                    request.user,
                    batch,
                    document,
                    item_id,
                    personal_id=personal_id,
                    legal_ground=person.cleaned_data.get("store_ground") or "",
                )
            except DomainError as error:
                errors.setdefault(document.pk, []).append(str(error.message))


def _store_lookup(request, form, required):
    """The officer reads the applicant's store, with the legal ground (written in the access log):
    {required document id: [papers]}, or None when the ID or the ground is missing."""
    personal_id = form.cleaned_data.get("applicant_personal_id")
    if not personal_id:
        if "applicant_personal_id" not in form.errors:
            form.add_error("applicant_personal_id", _("Hãy nhập số định danh cá nhân để tra cứu kho dữ liệu."))
        return None
    try:
        store.looked_up(request.user, personal_id, legal_ground=form.cleaned_data.get("store_ground") or "")
    except DomainError as error:
        form.add_error("store_ground", str(error.message))
        return None
    offered = offered_for(personal_id, required, on=timezone.localdate())
    if offered:
        messages.info(request, _("Kho dữ liệu của công dân có giấy tờ dùng được cho hồ sơ: đánh dấu để dùng lại."))
    else:
        messages.info(request, _("Kho dữ liệu của công dân không có giấy tờ còn hiệu lực cho thủ tục này."))
    return offered


def _component_forms(request, batch, required, offered=None):
    held = list(counter.staged(request.user, batch))
    data = request.POST.copy()
    for document in required:  # the ticks of files just removed, and of papers just held, are spent
        data.setlist(f"c{document.pk}-drop", [])
        data.setlist(f"c{document.pk}-store", [])
    return [
        ComponentIntakeForm(
            data,
            required_document=document,
            staged=[p for p in held if p.required_document_id == document.pk],
            offered=(offered or {}).get(document.pk, []),
        )
        for document in required
    ]


def _eforms(required, data, pressed=None):
    """{document id: EForm} of the procedure's electronic forms, bound to what the desk typed."""
    forms = {}
    for document in required:
        if document.eform:
            add, remove = row_change(pressed, document.pk)
            forms[document.pk] = EForm(
                document.eform,
                dict(data.items()) if data is not None else None,
                prefix=f"ef{document.pk}",
                add=add,
                remove=remove,
            )
    return forms


def _walk_in(form):
    """What the intake form knows of the applicant, in the shape the forms' prefill reads."""
    data = form.data
    return SimpleNamespace(
        pk=None,
        applicant=None,
        registry_consent_at=None,
        applicant_name=data.get("applicant_name", ""),
        applicant_personal_id=data.get("applicant_personal_id", ""),
        applicant_date_of_birth=data.get("applicant_date_of_birth", ""),
        applicant_phone=data.get("applicant_phone", ""),
        applicant_email=data.get("applicant_email", ""),
        applicant_address=data.get("applicant_address", ""),
    )


def _looked_up(request, batch, procedure):
    """The form again, with name, birth date and address from the registry (or its message), and the
    registry's record (None when it did not answer)."""
    data = request.POST.copy()
    data["batch"] = str(batch)
    try:
        record = get_registry().lookup(
            data.get("applicant_personal_id", ""), "tiep-nhan-tai-quay", actor=request.user.username
        )
    except RegistryError as error:
        form = IntakeForm(data, procedure=procedure)
        form.is_valid()
        form.add_error("applicant_personal_id", str(error.message))
        return form, None
    data.update(
        {
            "applicant_name": record.full_name,
            "applicant_date_of_birth": record.date_of_birth.isoformat(),
            "applicant_address": record.permanent_residence,
        }
    )
    messages.info(request, _("Đã lấy họ tên, ngày sinh, nơi thường trú từ CSDL quốc gia về dân cư."))
    return IntakeForm(data, procedure=procedure), record


def _receive(request, procedure, agency, batch, data, component_forms, declared):
    account = get_user_model().objects.filter(personal_id=data["applicant_personal_id"]).first()
    components = [
        counter.ReceivedComponent(
            required_document=c.required_document,
            received=c.cleaned_data["received"],
            form=c.cleaned_data["form"],
            quantity=c.cleaned_data["quantity"],
            unscanned_reason=c.cleaned_data["unscanned_reason"],
        )
        for c in component_forms
    ]
    with transaction.atomic():  # the dossier and the fee taken for it, or neither
        dossier = counter.receive_walk_in(
            procedure,
            agency,
            request.user,
            batch=batch,
            components=components,
            comment=data["comment"],
            declared=declared,
            applicant=account,
            applicant_name=" ".join(data["applicant_name"].split()),
            applicant_personal_id=data["applicant_personal_id"],
            applicant_date_of_birth=data["applicant_date_of_birth"],
            applicant_address=data["applicant_address"],
            applicant_phone=data["applicant_phone"],
            applicant_email=data["applicant_email"],
            result_delivery=data["result_delivery"],
            delivery_address=data["delivery_address"],
            fee_vnd=data["fee_vnd"],
            fee_note=data["fee_note"],
            **{name: data[name] for name in ("case_unit", "return_agency") if data.get(name)},
        )
        if data["fee_vnd"]:  # the fee taken at the desk counts for the dossier (payments/, Decision 766)
            payments.record_at_counter(
                dossier,
                request.user,
                channel=data["fee_method"] or PaymentChannel.CASH,
                amount_vnd=data["fee_vnd"],
                receipt_number=data["fee_note"],
            )
    transaction.on_commit(lambda: verify_identity.delay(dossier.pk))
    return dossier


def _page(request, procedure, form, components, file_errors=None, status=200, eforms=None, show_errors=False):
    eforms = eforms or {}
    rows = [
        (c, (file_errors or {}).get(c.required_document.pk, []), eforms.get(c.required_document.pk)) for c in components
    ]
    return render(
        request,
        "backoffice/intake.html",
        {"procedure": procedure, "form": form, "rows": rows, "show_errors": show_errors},
        status=status,
    )


@xframe_options_sameorigin
@_officer_only
def pending_file(request, pk):
    """A scan held for a form not yet filed: only the officer who scanned it may open it."""
    item = get_object_or_404(PendingUpload, pk=pk, owner=request.user)
    if PreviewForm.inline(request) and item.content_type == "application/pdf":
        return pdf_preview(request, item.name)  # which loads the file from this address without ?xem=1
    return download(item.file, item.name, item.content_type, inline=PreviewForm.inline(request))
