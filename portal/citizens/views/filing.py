"""Filing online: start from a procedure, fill the draft and upload, review, submit."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import assurance
from eforms import services as eform_services
from eforms.forms import display, row_change
from government.downloads import download
from procedures.exceptions import DomainError
from procedures.models import DossierState, Procedure
from procedures.pdf.receipt import render_receipt
from procedures.selectors import appointment_for, offered_for, receiving_agencies
from procedures.services import filing, store

from ..forms import DraftForm, EFormButtonsForm, ReviewedForm, StartForm, reuse_form
from .common import citizen_required, error_summary, own_dossier


@citizen_required
def start(request, procedure_id):
    procedure = get_object_or_404(Procedure, pk=procedure_id, is_active=True)
    agencies = receiving_agencies(procedure)
    initial = {}
    if request.method == "GET":
        only = list(agencies[:2])
        initial["agency"] = only[0] if len(only) == 1 else _usual_agency(request.user, agencies)
    form = StartForm(request.POST or None, agencies=agencies, procedure=procedure, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            draft, registry_message = filing.start_online(
                request.user,
                procedure,
                form.cleaned_data["agency"],
                consent=form.cleaned_data["consent"],
                assurance=assurance.level_of(request),
                **form.place_data(),
            )
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            if registry_message:
                messages.warning(request, registry_message)
            elif form.cleaned_data["consent"]:
                messages.info(request, _("Thông tin định danh đã được điền sẵn từ CSDL quốc gia về dân cư."))
            return redirect("citizens:draft", pk=draft.pk)
    return render(
        request,
        "citizens/start.html",
        {"procedure": procedure, "form": form, "reauth": _reauth(request, procedure)},
        status=400 if form.errors else 200,
    )


def _reauth(request, procedure):
    """Where to sign in again when this sign-in's assurance level is below the procedure's."""
    if assurance.level_of(request) >= procedure.assurance_level:
        return None
    return {
        "level": procedure.assurance_level,
        "url": reverse("accounts:vneid")
        + "?"
        + urlencode({"muc": procedure.assurance_level, "next": request.get_full_path()}),
    }


@citizen_required
def draft(request, pk):
    dossier = own_dossier(request, pk)
    if dossier.state != DossierState.DRAFT:
        return redirect("citizens:dossier", pk=dossier.pk)
    waived = {r.pk for r in store.waived_documents(dossier)}
    required = [r for r in dossier.procedure.required_documents.all() if r.pk not in waived]
    offered = offered_for(_store_owner(request, dossier), required, on=timezone.localdate())
    records = {r.pk: eform_services.form_of(dossier, r) for r in required if r.eform}
    eforms = {}
    upload_errors = {}
    if request.method == "POST":
        # Uploads and typed forms first and independently: a mistake elsewhere must not lose them.
        for document in required:
            for uploaded in request.FILES.getlist(f"file-{document.pk}"):
                try:
                    filing.attach_document(dossier, request.user, document, uploaded)
                except DomainError as error:
                    upload_errors.setdefault(document.pk, []).append(str(error.message))
        _reuse_chosen(request, dossier, required, offered, upload_errors)
        buttons = EFormButtonsForm(request.POST)
        pressed = buttons.cleaned_data if buttons.is_valid() else {}
        for document_pk, record in records.items():
            add, remove = row_change(pressed, document_pk)
            eforms[document_pk] = eform_services.save(record, request.POST, f"ef{document_pk}", add=add, remove=remove)
        form = DraftForm(request.POST)
        removed = _remove_requested(request, dossier)
        if form.is_valid():
            filing.update_draft(dossier, request.user, **form.cleaned_data)
            if pressed.get("slot"):  # a row added or removed: back to that form, everything kept
                return redirect(reverse("citizens:draft", args=[dossier.pk]) + f"#eform-{pressed['slot']}")
            # Going to review with a form still wrong: stay here and say what to fix (all is saved).
            forms_wrong = "review" in request.POST and not all(e.is_valid() for e in eforms.values())
            if not upload_errors and not forms_wrong:
                if removed:
                    messages.success(
                        request, _("Đã xóa tệp “%(name)s”. Những gì bạn đã nhập vẫn được lưu.") % {"name": removed}
                    )
                    return redirect(reverse("citizens:draft", args=[dossier.pk]) + "#thanh-phan")
                if "review" in request.POST:
                    return redirect("citizens:review", pk=dossier.pk)
                messages.success(request, _("Đã lưu hồ sơ nháp. Bạn có thể quay lại hoàn thiện bất cứ lúc nào."))
                return redirect("citizens:draft", pk=dossier.pk)
        elif removed:
            messages.success(request, _("Đã xóa tệp “%(name)s”.") % {"name": removed})
    else:
        form = DraftForm(initial={name: getattr(dossier, name) for name in filing.EDITABLE_FIELDS})
    for document_pk, record in records.items():
        eforms.setdefault(document_pk, eform_services.stored_form(record, f"ef{document_pk}"))
    # Errors of a form are shown once the citizen has worked on it (saved, or came back from review).
    show_errors = request.method == "POST" or ReviewedForm(request.GET).shows_errors()
    uploaded = {}
    for document in dossier.documents.all():
        uploaded.setdefault(document.required_document_id, []).append(document)
    rows = [
        (
            document,
            uploaded.get(document.pk, []),
            upload_errors.get(document.pk, []),
            eforms.get(document.pk),
            offered.get(document.pk, []),
        )
        for document in required
    ]
    extra = [(f"file-{document.pk}", document.name, errors) for document, _files, errors, _eform, _offered in rows]
    if show_errors:
        extra += [(anchor, label, [message]) for eform in eforms.values() for anchor, label, message in eform.errors]
    summary = error_summary(form, extra)
    return render(
        request,
        "citizens/draft.html",
        {
            "dossier": dossier,
            "form": form,
            "rows": rows,
            "waived": [r for r in dossier.procedure.required_documents.all() if r.pk in waived],
            "appointment": appointment_for(dossier),
            "error_summary": summary,
            "show_errors": show_errors,
        },
        status=400 if summary else 200,
    )


def _store_owner(request, dossier):
    """Whose store the draft may draw on: the applicant's, once their account's identity is confirmed
    (VNeID or the registry); an unconfirmed account is offered nothing."""
    owner = store.owner_of_store(request.user)
    return owner if owner == dossier.applicant_personal_id else None


def _reuse_chosen(request, dossier, required, offered, errors):
    """Attach the papers of the store the citizen chose ("Dùng giấy tờ đã có"); a choice that is not
    on offer (another person's paper, an expired one) is an error of that document, nothing attached."""
    form = reuse_form(request.POST, required, offered)
    form.is_valid()
    for document in required:
        name = f"reuse-{document.pk}"
        if name in form.errors:
            errors.setdefault(document.pk, []).extend(form.errors[name])
        elif form.cleaned_data.get(name):
            try:
                store.reuse(dossier, request.user, document, form.cleaned_data[name])
            except DomainError as error:
                errors.setdefault(document.pk, []).append(str(error.message))


def _remove_requested(request, dossier):
    """The name of the file the citizen asked to remove with this same post, once removed; else None."""
    value = request.POST.get("remove", "")
    if not value.isdigit() or len(value) > 12:
        return None
    document = dossier.documents.filter(pk=int(value)).first()
    if document is None:
        return None
    filing.remove_document(dossier, request.user, document.pk)
    return document.name


@citizen_required
@require_POST
def remove_document(request, pk, document_id):
    dossier = own_dossier(request, pk)
    try:
        filing.remove_document(dossier, request.user, document_id)
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("citizens:draft", pk=dossier.pk)


@citizen_required
def review(request, pk):
    dossier = own_dossier(request, pk)
    if dossier.state != DossierState.DRAFT:
        return redirect("citizens:dossier", pk=dossier.pk)
    problems = []
    if request.method == "POST":  # the service checks for problems itself: not twice per submission
        try:
            filing.submit_online(dossier, request.user, assurance=assurance.level_of(request))
        except filing.SubmissionIncomplete as incomplete:
            problems = incomplete.problems
        except filing.AssuranceTooLow:
            problems = filing.problems_before_submission(dossier)  # the page says so, with _reauth
        except DomainError as error:
            problems = [str(error.message)]
        else:
            messages.success(request, _("Đã nộp hồ sơ. Mã hồ sơ của bạn: %(code)s.") % {"code": dossier.code})
            return redirect("citizens:dossier", pk=dossier.pk)
    else:
        problems = filing.problems_before_submission(dossier)
    declared = [
        (record.required_document, display(record.definition, form.values))
        for record in dossier.eforms.select_related("required_document")
        for form in [eform_services.stored_form(record, "ef")]
        if form.is_valid()
    ]
    return render(
        request,
        "citizens/review.html",
        {
            "dossier": dossier,
            "problems": problems,
            "documents": dossier.documents.select_related("required_document"),
            "appointment": appointment_for(dossier),
            "declared": declared,
            "reauth": _reauth(request, dossier.procedure),
        },
        status=400 if request.method == "POST" else 200,
    )


@citizen_required
def receipt(request, pk):
    dossier = own_dossier(request, pk)
    if not dossier.code:
        return redirect("citizens:draft", pk=dossier.pk)
    if dossier.state == DossierState.REJECTED:  # refused at intake: nothing was received (Mẫu 03 says why)
        return redirect("citizens:dossier", pk=dossier.pk)
    url = request.build_absolute_uri(reverse("citizens:track") + f"?ma={dossier.code}")
    response = HttpResponse(render_receipt(dossier, url), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="giay-tiep-nhan-{dossier.code}.pdf"'
    return response


@citizen_required
def document(request, pk, document_id):
    dossier = own_dossier(request, pk)
    item = get_object_or_404(dossier.documents, pk=document_id)
    return download(item.file, item.name, item.content_type)


def _usual_agency(user, agencies):
    """Where the citizen filed last, if this procedure is filed there too (no registry call before consent)."""
    last = user.dossiers.order_by("-created_at").values_list("receiving_agency_id", flat=True).first()
    return agencies.filter(pk=last).first() if last else None
