from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents import selectors
from documents.models import ExternalDelivery, OutgoingState
from documents.policy import is_clerk_of, is_leader_of, may_draft
from documents.register_books import OUTGOING_COLUMNS, outgoing_rows
from documents.services import exchange
from documents.services import outgoing as services
from government.downloads import download
from government.exceptions import DomainError
from government.models import Role
from government.selectors import agency_of
from government.signing import check_signatures
from reporting.exports import xlsx_response

from ..forms import DraftForm, RegisterFilterForm, ReturnForm
from .common import documents_staff_required, filtered, page_of, query_without_page, register_book


@documents_staff_required
def register(request):
    form = RegisterFilterForm(request.GET or None, direction="outgoing")
    user, agency = request.user, agency_of(request.user)
    book = selectors.outgoing_for(user)
    documents = filtered(book, form, incoming=False, agency=agency)
    context = {
        "form": form,
        "agency": agency,
        "may_draft": may_draft(user, agency),
        "query": query_without_page(request),
        "page": page_of(
            documents.order_by("-issued_at", "-drafted_at"), form.cleaned_data.get("page") if form.is_valid() else 1
        ),
        # What waits for the user, whatever the filters of the register below say.
        "to_sign": book.filter(state=OutgoingState.AWAITING_SIGNATURE, signer=user)
        if is_leader_of(user, agency)
        else [],
        "to_issue": book.filter(state=OutgoingState.SIGNED) if is_clerk_of(user, agency) else [],
    }
    return render(request, "documents/outgoing_register.html", context, status=400 if form.errors else 200)


@documents_staff_required
def export(request):
    form = RegisterFilterForm(request.GET or None, direction="outgoing")
    documents = filtered(selectors.outgoing_for(request.user), form, incoming=False, agency=agency_of(request.user))
    documents = documents.filter(state=OutgoingState.ISSUED).order_by("year", "number").prefetch_related("addressees")
    rows = outgoing_rows(documents)
    return xlsx_response(
        [{"title": _("Sổ văn bản đi"), "columns": list(OUTGOING_COLUMNS), "rows": rows}], "so-van-ban-di"
    )


@documents_staff_required
def book(request):
    """The year's outgoing register as a book to print, sign and bind."""
    return register_book(request, incoming=False)


def _leaders(agency):
    return selectors.assignable_staff(agency).filter(staff_role__role=Role.LEADER)


@documents_staff_required
def create(request):
    agency = agency_of(request.user)
    if not may_draft(request.user, agency):
        return redirect("documents:outgoing")
    form = DraftForm(
        request.POST or None,
        request.FILES or None,
        agency=agency,
        leaders=_leaders(agency),
        outside=exchange.outside_agencies(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.create_draft(
                request.user,
                document_type=data["document_type"],
                excerpt=data["excerpt"],
                signer=data["signer"],
                signer_title=data["signer_title"],
                body=data["body"],
                upload=data["upload"],
                urgency=data["urgency"],
                drafting_unit=data["drafting_unit"],
                addressees=data["addressees"],
                external_addressees=data["external_addressees"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu dự thảo. Xem lại rồi trình lãnh đạo ký."))
            return redirect("documents:outgoing_detail", pk=document.pk)
    return render(request, "documents/outgoing_form.html", {"form": form}, status=400 if form.errors else 200)


def _document(request, pk):
    return get_object_or_404(
        selectors.outgoing_for(request.user).select_related("agency", "drafted_by", "issued_by"), pk=pk
    )


@documents_staff_required
def detail(request, pk, return_form=None):
    document = _document(request, pk)
    user = request.user
    external = list(document.external_deliveries.all())
    context = {
        "document": document,
        "deliveries": document.deliveries.select_related("agency"),
        "external": external,
        "addressees": document.addressees.all()
        if document.state in (OutgoingState.DRAFT, OutgoingState.AWAITING_SIGNATURE)
        else [],
        "may_submit": document.state == OutgoingState.DRAFT and document.drafted_by_id == user.pk,
        "may_sign": document.state == OutgoingState.AWAITING_SIGNATURE
        and document.signer_id == user.pk
        and is_leader_of(user, document.agency),
        "may_issue": document.state == OutgoingState.SIGNED and is_clerk_of(user, document.agency),
        "may_resend": is_clerk_of(user, document.agency)
        and any(d.status == ExternalDelivery.Status.FAILED for d in external),
        "return_form": return_form or ReturnForm(),
        "signatures": _signatures(document),
    }
    return render(request, "documents/outgoing_detail.html", context, status=400 if return_form else 200)


def _signatures(document):
    field = document.issued_pdf or document.signed_pdf
    if not field:
        return []
    with field.open("rb") as handle:
        return check_signatures(handle.read())


def _act(request, pk, operation, done_message):
    document = _document(request, pk)
    try:
        operation(request.user, document)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done_message)
    return redirect("documents:outgoing_detail", pk=pk)


@require_POST
@documents_staff_required
def submit(request, pk):
    return _act(request, pk, services.submit, _("Đã trình lãnh đạo ký."))


@require_POST
@documents_staff_required
def sign(request, pk):
    return _act(request, pk, services.sign, _("Đã ký số. Văn thư sẽ cấp số và ban hành."))


@require_POST
@documents_staff_required
def issue(request, pk):
    return _act(request, pk, services.issue, _("Đã cấp số, đóng dấu số và gửi văn bản."))


@require_POST
@documents_staff_required
def send_again(request, pk):
    return _act(request, pk, exchange.resend, _("Đã gửi lại lên trục liên thông."))


@require_POST
@documents_staff_required
def return_draft(request, pk):
    form = ReturnForm(request.POST)
    if not form.is_valid():
        return detail(request, pk, return_form=form)
    return _act(
        request,
        pk,
        lambda user, document: services.return_draft(user, document, form.cleaned_data["note"]),
        _("Đã trả lại dự thảo cho người soạn."),
    )


FILES = {"du-thao": "draft_pdf", "da-ky": "signed_pdf", "ban-hanh": "issued_pdf"}


@documents_staff_required
def file(request, pk, kind):
    document = _document(request, pk)
    field = getattr(document, FILES[kind]) if kind in FILES else None
    if not field:
        raise Http404
    name = document.symbol.replace("/", "-") if document.symbol else f"du-thao-{document.pk}"
    return download(field, f"{name}-{kind}.pdf", "application/pdf", inline=True)
