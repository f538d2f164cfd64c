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
from procedures.models import DossierEventFile, DossierState
from procedures.pdf import forms as pdf_forms
from procedures.pdf import set_of
from procedures.pdf import sets as kinds
from procedures.pdf.receipt import render_receipt
from procedures.queues import deadline_of
from procedures.selectors import appointment_for, components_of
from procedures.services.identity import identity_report
from procedures.services.lifecycle import next_step
from signing_adapter.pades import sign_pdf

from ..actions import ACTIONS, available
from .common import pdf_preview, staff_required, visible_dossier


def _page(request, dossier, *, bound=None, identity=None, error=None, status=200):
    deadline = deadline_of(dossier)
    names = available(dossier, request.user, deadline)
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
            "components": components_of(dossier),
            "actions": action_forms,
            "action_labels": policy.ACTION_LABELS,
            "next_step": next_step(dossier) if "transfer" in names else None,
            "apology_later": _apology_later(dossier, request.user, deadline, names),
            "appointment": appointment_for(dossier) if dossier.code else None,
            "identity": identity,
            "field_labels": FIELD_LABELS,
            "printable": _printable(dossier),
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


# The forms a dossier's events call for, by kind; the receipt and the control slip once it has a code.
_FORM_EVENTS = {
    kinds.SUPPLEMENT: "request_supplement",
    kinds.REFUSAL: "reject",
    kinds.APOLOGY: "issue_apology",
    kinds.STOP: "stop",
}


def _printable(dossier):
    """(number, title) of each form of the dossier's set that can be printed now, by number."""
    form_set = set_of(dossier)
    # The receipt and the control slip belong to a dossier the desk received, not to one it refused.
    wanted = [kinds.RECEIPT, kinds.CONTROL_SLIP] if dossier.code and dossier.state != DossierState.REJECTED else []
    actions = set(dossier.events.values_list("action", flat=True))
    wanted += [kind for kind, action in _FORM_EVENTS.items() if action in actions and kind in form_set.numbers]
    return sorted((form_set.number(kind), form_set.title(kind)) for kind in wanted)


@staff_required
def form_pdf(request, pk, number):
    dossier = visible_dossier(request, pk)
    form_set = set_of(dossier)
    kind = form_set.kind_of(number)
    if kind is None or number not in dict(_printable(dossier)):
        raise Http404
    filename = form_set.filename(kind, dossier.code)
    record_access(request.user, dossier, Access.FORM, filename)
    url = request.build_absolute_uri(reverse("citizens:track") + f"?ma={dossier.code}")
    last = lambda action: dossier.events.filter(action=action).order_by("-created_at", "-pk").first()  # noqa: E731
    pdf = {
        kinds.RECEIPT: lambda: render_receipt(dossier, url),
        kinds.SUPPLEMENT: lambda: pdf_forms.supplement_request(dossier, last("request_supplement"), url),
        kinds.REFUSAL: lambda: pdf_forms.refusal(dossier, last("reject"), url),
        kinds.APOLOGY: lambda: pdf_forms.apology(dossier, last("issue_apology"), url),
        kinds.STOP: lambda: pdf_forms.stop_notice(dossier, last("stop"), url),
        kinds.CONTROL_SLIP: lambda: pdf_forms.control_slip(dossier, url),
    }[kind]()
    try:
        pdf = sign_pdf(pdf, dossier.receiving_agency, reason=_("Mẫu số %(number)s") % {"number": number})
    except DomainError as error:
        messages.warning(request, str(error.message))  # unsigned is still better than nothing at the counter
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
