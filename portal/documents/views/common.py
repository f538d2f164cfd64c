from functools import wraps

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from documents import selectors
from documents.models import OutgoingState
from documents.policy import works_with_documents
from documents.register_books import Book, book_pdf, incoming_rows, outgoing_rows
from documents.selectors import overdue_q
from government.selectors import agency_of
from portal.backoffice.views.common import staff_refusal, staff_required
from search.services import find_documents

from ..forms import BookForm

PAGE_SIZE = 50


def documents_staff_required(view):
    """Staff of an agency (clerk, leader, specialist, one-stop officer): documents belong to an agency."""

    @staff_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not works_with_documents(request.user):
            return staff_refusal(request, _("Văn bản đi, đến dành cho cán bộ của một cơ quan."))
        return view(request, *args, **kwargs)

    return wrapper


def page_of(queryset, number):
    return Paginator(queryset, PAGE_SIZE).get_page(number or 1)


def query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def filtered(documents, form, *, incoming, agency):
    """The register narrowed by the filter form's valid fields (search words through the search backends)."""
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("year"):
        documents = documents.filter(year=data["year"])
    if data.get("document_type"):
        documents = documents.filter(document_type=data["document_type"])
    if data.get("state"):
        documents = documents.filter(state=data["state"])
    if incoming and data.get("overdue"):
        documents = documents.filter(overdue_q())
    if data.get("q"):
        documents = find_documents(documents, data["q"], agency=agency)
    return documents


def register_book(request, *, incoming):
    """The agency's register for the year asked (BookForm) as a PDF book; a bad year gets the reason."""

    form = BookForm(request.GET or {"year": timezone.localdate().year})
    if not form.is_valid():
        return HttpResponse(
            "; ".join(e for errors in form.errors.values() for e in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    year = form.cleaned_data["year"]
    if incoming:
        documents = selectors.incoming_for(request.user).filter(year=year).order_by("number")
        rows = incoming_rows(documents.prefetch_related("assignments__assignee"))
    else:
        documents = (
            selectors.outgoing_for(request.user)
            .filter(year=year, state=OutgoingState.ISSUED)
            .order_by("number")
            .prefetch_related("addressees")
        )
        rows = outgoing_rows(documents)
    content = book_pdf(Book(agency_of(request.user), year, incoming, rows))
    name = f"so-van-ban-{'den' if incoming else 'di'}-{year}.pdf"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
