from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents import selectors
from documents.models import AssignmentRole, IncomingState, OutgoingState
from documents.policy import is_clerk_of, is_leader_of, may_draft
from documents.register_books import INCOMING_COLUMNS, incoming_rows
from documents.services import incoming as services
from government.downloads import download
from government.exceptions import DomainError
from government.selectors import agency_of
from reporting.exports import xlsx_response

from ..forms import AssignForm, Classification, CloseForm, IncomingForm, ProgressForm, ReceiveForm, RegisterFilterForm
from .common import documents_staff_required, filtered, page_of, query_without_page, register_book


@documents_staff_required
def register(request):
    form = RegisterFilterForm(request.GET or None, direction="incoming")
    agency = agency_of(request.user)
    clerk = is_clerk_of(request.user, agency)
    documents = filtered(selectors.incoming_for(request.user), form, incoming=True, agency=agency)
    context = {
        "form": form,
        "query": query_without_page(request),
        "agency": agency,
        "is_clerk": clerk,
        "page": page_of(
            selectors.with_overdue(documents).order_by("-year", "-number"),
            form.cleaned_data.get("page") if form.is_valid() else 1,
        ),
        "waiting": selectors.waiting_deliveries(request.user) if clerk else [],
        "mine": selectors.my_assignments(request.user)[:20],
    }
    return render(request, "documents/incoming_register.html", context, status=400 if form.errors else 200)


@documents_staff_required
def export(request):
    form = RegisterFilterForm(request.GET or None, direction="incoming")
    documents = filtered(
        selectors.incoming_for(request.user), form, incoming=True, agency=agency_of(request.user)
    ).order_by("year", "number")
    rows = incoming_rows(documents.prefetch_related("assignments__assignee"))
    return xlsx_response(
        [{"title": _("Sổ văn bản đến"), "columns": list(INCOMING_COLUMNS), "rows": rows}], "so-van-ban-den"
    )


@documents_staff_required
def book(request):
    """The year's incoming register as a book to print, sign and bind."""
    return register_book(request, incoming=True)


@documents_staff_required
def create(request):
    agency = agency_of(request.user)
    if not is_clerk_of(request.user, agency):
        return redirect("documents:incoming")
    form = IncomingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.register_incoming(
                request.user,
                services.IncomingEntry(
                    sender=data["sender"],
                    number_symbol=data["number_symbol"],
                    issued_on=data["issued_on"],
                    document_type=data["document_type"],
                    excerpt=data["excerpt"],
                    urgency=data["urgency"],
                    channel=data["channel"],
                    answer_due=data["answer_due"],
                ),
                files=data["files"],
                classified=data["classification"] != Classification.NONE,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã vào sổ văn bản đến số %(number)s.") % {"number": document.number})
            return redirect("documents:incoming_detail", pk=document.pk)
    return render(request, "documents/incoming_form.html", {"form": form}, status=400 if form.errors else 200)


def _document(request, pk):
    documents = selectors.with_overdue(selectors.incoming_for(request.user))
    return get_object_or_404(documents.select_related("agency", "registered_by", "answer"), pk=pk)


@documents_staff_required
def detail(request, pk, forms=None):
    document = _document(request, pk)
    user, forms = request.user, forms or {}
    assignments = list(document.assignments.select_related("assignee"))
    handles = any(a.assignee_id == user.pk and a.role == AssignmentRole.HANDLE for a in assignments)
    works = handles or any(a.assignee_id == user.pk and a.role == AssignmentRole.COOPERATE for a in assignments)
    leader = is_leader_of(user, document.agency)
    open_ = document.state != IncomingState.CLOSED
    context = {
        "document": document,
        "assignments": assignments,
        "files": document.files.all(),
        "may_draft": may_draft(user, document.agency),
        "progress": document.progress.select_related("author"),
        "assign_form": (
            forms.get("assign") or AssignForm(staff=selectors.assignable_staff(document.agency), document=document)
        )
        if leader and open_
        else None,
        "progress_form": (forms.get("progress") or ProgressForm())
        if (works or leader) and document.state == IncomingState.ASSIGNED
        else None,
        "close_form": (forms.get("close") or CloseForm(issued=_issued(user)))
        if (handles or leader) and document.state == IncomingState.ASSIGNED
        else None,
    }
    return render(request, "documents/incoming_detail.html", context, status=400 if forms else 200)


def _issued(user):
    return selectors.outgoing_for(user).filter(state=OutgoingState.ISSUED).order_by("-issued_at")


def _submit(request, pk, key, form, operation, done=""):
    """Run `operation(cleaned data)` for a valid form and go back to the document; a refusal or an
    invalid form shows the page again with the form open and its message."""
    if form.is_valid():
        try:
            operation(form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if done:
                messages.success(request, done)
            return redirect("documents:incoming_detail", pk=pk)
    return detail(request, pk, forms={key: form})


@require_POST
@documents_staff_required
def assign(request, pk):
    document, user = _document(request, pk), request.user
    form = AssignForm(request.POST, staff=selectors.assignable_staff(document.agency), document=document)
    return _submit(
        request,
        pk,
        "assign",
        form,
        lambda data: services.assign(
            user,
            document,
            handler=services.Assignee(data["handler"], data["handler_due"]),
            cooperating=[services.Assignee(u, data["cooperating_due"]) for u in data["cooperating"]],
            informed=[services.Assignee(u) for u in data["informed"]],
            note=data["note"],
        ),
        _("Đã phân công xử lý."),
    )


@require_POST
@documents_staff_required
def progress(request, pk):
    document, user = _document(request, pk), request.user
    return _submit(
        request,
        pk,
        "progress",
        ProgressForm(request.POST),
        lambda data: services.record_progress(user, document, data["text"]),
    )


@require_POST
@documents_staff_required
def close(request, pk):
    document, user = _document(request, pk), request.user
    return _submit(
        request,
        pk,
        "close",
        CloseForm(request.POST, issued=_issued(user)),
        lambda data: services.close(user, document, outcome=data["outcome"], answer=data["answer"], note=data["note"]),
        _("Đã kết thúc xử lý văn bản."),
    )


@require_POST
@documents_staff_required
def receive(request, delivery_pk):
    delivery = get_object_or_404(selectors.waiting_deliveries(request.user), pk=delivery_pk)
    form = ReceiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hạn trả lời không hợp lệ."))
        return redirect("documents:incoming")
    try:
        document = services.receive_delivery(request.user, delivery, answer_due=form.cleaned_data["answer_due"])
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("documents:incoming")
    messages.success(request, _("Đã tiếp nhận, vào sổ văn bản đến số %(number)s.") % {"number": document.number})
    return redirect("documents:incoming_detail", pk=document.pk)


@documents_staff_required
def file(request, pk, file_id):
    document = _document(request, pk)
    item = get_object_or_404(document.files, pk=file_id)
    return download(item.file, item.name, item.content_type, inline=True)
