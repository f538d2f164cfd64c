"""A dossier in the back-office: everything about it, and the actions the user may take now."""

import mimetypes

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from citizen_registry_adapter.records import FIELD_LABELS
from eforms.selectors import declared_values
from government.downloads import download
from national_sync.selectors import sync_of
from payments.selectors import payments_of
from payments.services import fee_of
from portal.forms import PreviewForm
from privacy.models import Access
from privacy.services import record_access
from procedures import policy
from procedures.exceptions import DomainError
from procedures.models import DossierEventFile
from procedures.queues import deadline_of
from procedures.selectors import appointment_for, components_of, keep_scan_choices, provenance_of
from procedures.services import papers, store
from procedures.services.identity import identity_report
from procedures.services.lifecycle import next_step

from ..actions import ACTIONS, available
from ..forms import KeepScanForm
from .common import pdf_preview, staff_required, visible_dossier


def _page(request, dossier, *, bound=None, identity=None, error=None, status=200):
    deadline = deadline_of(dossier)
    names = available(dossier, request.user, deadline)
    components = components_of(dossier)
    action_forms = [
        (ACTIONS[name], bound[1] if bound and bound[0] == name else ACTIONS[name].form_for(dossier, prefix=name))
        for name in names
    ]
    return render(
        request,
        "backoffice/dossier.html",
        {
            "dossier": dossier,
            "deadline": deadline,
            "steps": dossier.steps.select_related("agency__unit").order_by("index"),
            "events": dossier.events.select_related("actor", "agency")
            .prefetch_related("files__issued_as")
            .order_by("created_at", "pk"),
            "components": components,
            "provenance": provenance_of(components),
            "keep_kinds": keep_scan_choices(dossier, request.user),
            "actions": action_forms,
            "action_labels": policy.ACTION_LABELS,
            "next_step": next_step(dossier) if "transfer" in names else None,
            "apology_later": _apology_later(dossier, request.user, deadline, names),
            "appointment": appointment_for(dossier) if dossier.code else None,
            "identity": identity,
            "field_labels": FIELD_LABELS,
            "printable": papers.printable_forms(dossier),
            "declared": declared_values(dossier),
            "sync": sync_of(dossier),
            "payments": payments_of(dossier),  # online ones too: the officer sees what the citizen paid
            "fee": fee_of(dossier),
            "error": error,
        },
        status=status,
    )


def _apology_later(dossier, user, deadline, names):
    """Why the apology letter is not offered yet, to the desk that would issue it."""
    if "issue_apology" in names or deadline.kind != "ok" or not policy.is_allowed("issue_apology", dossier, user):
        return ""
    return _(
        "Văn bản xin lỗi và hẹn lại (Mẫu 04) được đề xuất khi hồ sơ còn dưới %(days)s ngày làm việc hoặc đã quá hạn."
    ) % {"days": f"{dossier.receiving_agency.warning_days:f}".rstrip("0").rstrip(".")}


@staff_required
def detail(request, pk):
    dossier = visible_dossier(request, pk)
    record_access(request.user, dossier, Access.DOSSIER)
    return _page(request, dossier)


@staff_required
@require_POST
def act(request, pk, action):
    dossier = visible_dossier(request, pk)
    if action not in ACTIONS:
        raise Http404
    form = ACTIONS[action].form_for(dossier, request.POST, request.FILES, prefix=action)
    if form.is_valid():
        try:
            ACTIONS[action].run(request, dossier, form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("Đã %(action)s.") % {"action": policy.ACTION_LABELS[action]})
            return redirect("backoffice:dossier", pk=pk)
    dossier.refresh_from_db()
    errors = form.non_field_errors()
    return _page(request, dossier, bound=(action, form), error=errors[0] if errors else None, status=400)


@staff_required
@require_POST
def check_identity(request, pk):
    dossier = visible_dossier(request, pk)
    record_access(request.user, dossier, Access.IDENTITY)
    status, results, message = identity_report(dossier, actor=request.user.username)
    return _page(request, dossier, identity={"status": status, "results": results, "message": message})


@staff_required
@require_POST
def keep_scan(request, pk, document_id):
    """Keep a counter scan in the applicant's store as a reusable electronic copy, signed by the desk."""
    dossier = visible_dossier(request, pk)
    kinds = keep_scan_choices(dossier, request.user).get(document_id)
    if not kinds:
        raise Http404
    form = KeepScanForm(request.POST, kinds=kinds)
    if not form.is_valid():
        return _page(request, dossier, error=_("Hãy chọn loại giấy tờ của bản quét."), status=400)
    document = get_object_or_404(dossier.documents, pk=document_id)
    try:
        item = store.keep_scan(document, request.user, form.cleaned_data["kind"])
    except DomainError as error:
        return _page(request, dossier, error=str(error.message), status=400)
    messages.success(
        request,
        _("Đã ký số và lưu “%(name)s” vào kho dữ liệu của công dân (%(kind)s).")
        % {"name": document.name, "kind": item.kind.name},
    )
    return redirect("backoffice:dossier", pk=pk)


@xframe_options_sameorigin
@staff_required
def document(request, pk, document_id):
    dossier = visible_dossier(request, pk)
    item = get_object_or_404(dossier.documents, pk=document_id)
    record_access(request.user, dossier, Access.DOCUMENT, item.name)
    return _file(request, item.file, item.name, item.content_type)


@xframe_options_sameorigin
@staff_required
def event_file(request, pk, file_id):
    dossier = visible_dossier(request, pk)
    item = get_object_or_404(DossierEventFile, pk=file_id, event__dossier=dossier)
    record_access(request.user, dossier, Access.EVENT_FILE, item.name)
    return _file(request, item.file, item.name)


def _file(request, stored, name, content_type=None):
    # ?xem=1: shown inside the page (preview), not saved; a PDF through PDF.js
    content_type = content_type or mimetypes.guess_type(name)[0]
    if PreviewForm.inline(request) and content_type == "application/pdf":
        return pdf_preview(request, name)
    return download(stored, name, content_type, inline=PreviewForm.inline(request))


@staff_required
def form_pdf(request, pk, number):
    dossier = visible_dossier(request, pk)
    url = request.build_absolute_uri(reverse("citizens:track") + f"?ma={dossier.code}")
    paper = papers.desk_form(dossier, number, tracking_url=url)
    if paper is None:
        raise Http404
    record_access(request.user, dossier, Access.FORM, paper.filename)
    if paper.unsigned_because:
        messages.warning(request, paper.unsigned_because)
    response = HttpResponse(paper.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{paper.filename}"'
    return response
