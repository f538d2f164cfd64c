"""The signed-in citizen's dossiers: list, detail, supplement, withdrawal, result, rating."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from government.downloads import download
from payments.selectors import payments_of
from payments.services import can_pay_online, fee_of
from procedures import policy
from procedures.exceptions import DomainError
from procedures.models import DossierEventFile, DossierState, SatisfactionRating
from procedures.pdf import set_of
from procedures.pdf.forms import apology as apology_pdf
from procedures.pdf.forms import stop_notice as stop_pdf
from procedures.pdf.sets import APOLOGY, STOP
from procedures.selectors import (
    apologies,
    citizen_decision_note,
    citizen_dossier_rows,
    citizen_view,
    components_of,
    result_files,
    supplement_rounds,
    timeline,
)
from procedures.services import filing, withdraw
from signing_adapter.pades import sign_pdf

from .. import list_cache
from ..forms import ListPageForm, RatingForm, SupplyForm, WithdrawForm
from .common import citizen_required, own_dossier


@citizen_required
def my_dossiers(request):
    number = ListPageForm(request.GET).number()

    def draw():
        page = Paginator(citizen_dossier_rows(request.user), 20).get_page(number)
        return render_to_string("citizens/_my_dossiers_table.html", {"page_obj": page}, request=request)

    table = list_cache.table(request.user, number, draw)
    return render(request, "citizens/my_dossiers.html", {"table": mark_safe(table)})  # noqa: S308 (escaped by its template)


@citizen_required
def detail(request, pk, forms=None, status=200):
    dossier = own_dossier(request, pk)
    if dossier.state == DossierState.DRAFT:
        return redirect("citizens:draft", pk=dossier.pk)
    forms = forms or {}
    rating = SatisfactionRating.objects.filter(dossier=dossier).first()
    reason = citizen_decision_note(dossier)
    context = {
        **citizen_view(dossier),
        "download_apologies": True,
        "dossier": dossier,
        "events": timeline(dossier),
        # what was handed in, online or at a counter (paper the desk kept, copies it scanned)
        "components": [row for row in components_of(dossier) if row.received],
        "results": result_files(dossier),
        "supplement_rounds": supplement_rounds(dossier),
        "reason": reason,
        "reason_label": _REASON_LABELS.get(dossier.state, "") if reason else "",
        "supply_form": forms.get("supply", SupplyForm()),
        "can_withdraw": policy.is_allowed("withdraw", dossier, request.user) and dossier.state in _WITHDRAWABLE,
        "withdraw_form": forms.get("withdraw", WithdrawForm()),
        "rating": rating,
        **_fee_panel(dossier),
        "rating_form": forms.get("rating", RatingForm()) if rating is None and dossier.state in _RATEABLE else None,
    }
    return render(request, "citizens/dossier.html", context, status=status)


def _fee_panel(dossier):
    payments = payments_of(dossier)
    return {"payments": payments, "fee": fee_of(dossier), "can_pay": can_pay_online(dossier, payments)}


# The decision note is the citizen's to read only where it is addressed to them; elsewhere (a
# specialist's proposal to the leader) it is an internal note and stays in the back office.
_REASON_LABELS = {
    DossierState.REJECTED: _lazy("Lý do từ chối tiếp nhận"),
    DossierState.NOT_QUALIFIED: _lazy("Lý do không đủ điều kiện giải quyết"),
    DossierState.WITHDRAWN: _lazy("Lý do rút hồ sơ"),
}
_WITHDRAWABLE = {
    DossierState.SUBMITTED,
    DossierState.RECEIVED,
    DossierState.SUPPLEMENT_REQUESTED,
    DossierState.PROCESSING,
    DossierState.TRANSFERRED,
    DossierState.AWAITING_APPROVAL,
}
_RATEABLE = {DossierState.RETURNED, DossierState.NOT_QUALIFIED}


def _act(request, pk, name, form_class, action, done):
    """Validate the posted form, run `action(dossier, data)`; on refusal show the page again with the message."""
    dossier = own_dossier(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(dossier, form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, done)
            return redirect("citizens:dossier", pk=pk)
    return detail(request, pk, forms={name: form}, status=400)


@citizen_required
@require_POST
def supply(request, pk):
    files = request.FILES.getlist("files")
    return _act(
        request,
        pk,
        "supply",
        SupplyForm,
        lambda dossier, data: filing.supply_online(dossier, request.user, files, comment=data["comment"]),
        _("Đã gửi giấy tờ bổ sung. Hồ sơ được xử lý tiếp."),
    )


@citizen_required
@require_POST
def withdraw_dossier(request, pk):
    return _act(
        request,
        pk,
        "withdraw",
        WithdrawForm,
        lambda dossier, data: withdraw(dossier, request.user, reason=data["reason"]),
        _("Đã rút hồ sơ."),
    )


@citizen_required
@require_POST
def rate(request, pk):
    return _act(
        request,
        pk,
        "rating",
        RatingForm,
        lambda dossier, data: filing.rate(dossier, request.user, score=data["score"], comment=data["comment"]),
        _("Cảm ơn bạn đã đánh giá."),
    )


@citizen_required
def result(request, pk, file_id):
    dossier = own_dossier(request, pk)
    item = get_object_or_404(result_files(dossier), pk=file_id)
    return download(item.file, item.name)


@citizen_required
def supplied_file(request, pk, file_id):
    """A file the citizen sent with a supplement, downloadable again from their own dossier."""
    dossier = own_dossier(request, pk)
    item = get_object_or_404(DossierEventFile, pk=file_id, event__dossier=dossier, event__action="supply")
    return download(item.file, item.name)


@citizen_required
def apology(request, pk, event_id):
    """An apology letter (Mẫu 04) of the citizen's own dossier, signed by the agency that issued it."""
    dossier = own_dossier(request, pk)
    event = get_object_or_404(apologies(dossier).select_related("actor", "agency"), pk=event_id)
    return _letter(
        request,
        dossier,
        APOLOGY,
        apology_pdf(dossier, event, _tracking(request, dossier)),
        event.agency or dossier.receiving_agency,
    )


@citizen_required
def stop_notice(request, pk):
    """The notice that the competent agency stopped handling the citizen's dossier (Mẫu 05, 2025)."""
    dossier = own_dossier(request, pk)
    event = get_object_or_404(dossier.events.select_related("agency"), action="stop")
    return _letter(
        request,
        dossier,
        STOP,
        stop_pdf(dossier, event, _tracking(request, dossier)),
        event.agency or dossier.receiving_agency,
    )


def _tracking(request, dossier):
    return request.build_absolute_uri(reverse("citizens:track") + f"?ma={dossier.code}")


def _letter(request, dossier, kind, pdf, signer):
    form_set = set_of(dossier)
    try:
        pdf = sign_pdf(pdf, signer, reason=_("Mẫu số %(number)s") % {"number": form_set.number(kind)})
    except DomainError:
        pass  # the letter itself still informs the citizen; the agency's copy carries the signature
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{form_set.filename(kind, dossier.code)}"'
    return response
