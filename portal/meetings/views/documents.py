"""Reading a meeting's documents: the PDF in the page, private notes and highlights, comments."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from government.downloads import download
from government.exceptions import DomainError
from meetings import policy, selectors
from meetings.models import Annotation, DocumentKind, DocumentVersion, Meeting, MeetingDocument
from meetings.services import documents
from reporting.exports import csv_response

from ..forms import AnnotationForm, CommentForm, VersionForm
from .common import qr_meetings, refusal, submit, with_seat


def _document(meeting, document_id):
    return get_object_or_404(
        MeetingDocument.objects.select_related("item__meeting").prefetch_related("versions"),
        pk=document_id,
        item__meeting=meeting,
    )


@with_seat
def document(request, meeting, seat, document_id):
    doc = _document(meeting, document_id)
    versions = sorted(doc.versions.all(), key=lambda v: -v.number)
    chosen = versions[0] if versions else None
    asked = VersionForm(request.GET)
    if asked.is_valid() and asked.cleaned_data["v"]:
        chosen = next((v for v in versions if v.number == asked.cleaned_data["v"]), chosen)
    return render(
        request,
        "meetings/document.html",
        {
            "meeting": meeting,
            "seat": seat,
            "document": doc,
            "versions": versions,
            "version": chosen,
            "is_current": chosen is not None and chosen == versions[0],
            "comments": selectors.comments_for(seat, doc),
            "comment_form": CommentForm(),
            "may_comment": not seat.is_organiser and not meeting.is_over,
        },
    )


def version_file(request, meeting_id, document_id, number):
    """The PDF itself: for a seat of the meeting, or for anyone who opened its QR code if public."""
    meeting = get_object_or_404(Meeting, pk=meeting_id)  # first: an id past any integer is a 404, not an overflow
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document__item"),
        document_id=document_id,
        document__item__meeting=meeting,
        number=number,
    )
    seat = policy.seat_of(request.user, meeting)
    if seat is not None and policy.needs_second_factor(request.user, seat):
        seat = None
    qr = qr_meetings(request) if not meeting.is_over else set()
    if not policy.may_read(seat, version.document, qr):
        return refusal(request, _("Tài liệu này chỉ dành cho người dự họp: hãy đăng nhập."))
    return download(version.file, version.name, "application/pdf", inline=True)


@with_seat
def annotations(request, meeting, seat, version_id):
    """GET: the signed-in delegate's own notes on a version. POST: a new note or highlight."""
    version = get_object_or_404(DocumentVersion, pk=version_id, document__item__meeting=meeting)
    if request.method == "POST":
        form = AnnotationForm(request.POST)
        if not form.is_valid():
            return JsonResponse({"error": " ".join(e for errors in form.errors.values() for e in errors)}, status=400)
        try:
            note = documents.annotate(request.user, version, **form.cleaned_data)
        except DomainError as error:
            return JsonResponse({"error": str(error.message)}, status=400)
        return JsonResponse(_note(note), status=201)
    notes = Annotation.objects.filter(version=version, owner=request.user).order_by("page", "pk")
    return JsonResponse({"notes": [_note(note) for note in notes]})


@require_POST
@with_seat
def delete_annotation(request, meeting, seat, annotation_id):
    note = Annotation.objects.filter(
        pk=annotation_id, owner=request.user, version__document__item__meeting=meeting
    ).first()
    if note is None:  # someone else's, or gone: the same answer, so that ids reveal nothing
        return JsonResponse({"error": _("Không tìm thấy ghi chú.")}, status=404)
    documents.delete_annotation(request.user, note)
    return JsonResponse({"deleted": annotation_id})


@with_seat
def export_notes(request, meeting, seat):
    """The delegate's own notes on every document of the meeting, as a text file to keep."""
    notes = (
        Annotation.objects.filter(owner=request.user, version__document__item__meeting=meeting)
        .select_related("version__document__item")
        .order_by("version__document__item__position", "version__document_id", "version__number", "page", "pk")
    )
    lines = [
        _("Ghi chú riêng của %(name)s — %(meeting)s") % {"name": seat.name, "meeting": meeting.title},
        _("Xuất lúc %(at)s") % {"at": timezone.localtime().strftime("%H:%M %d/%m/%Y")},
        "",
    ]
    current = None
    for note in notes:
        heading = f"{note.version.document.title} ({_('phiên bản')} {note.version.number})"
        if heading != current:
            lines += ["", f"## {heading}"]
            current = heading
        kind = note.get_kind_display()
        quote = f" «{note.quote}»" if note.quote else ""
        text = f" — {note.text}" if note.text else ""
        lines.append(f"- {_('Trang')} {note.page}, {kind}:{quote}{text}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ghi-chu-ky-hop-{meeting.pk}.txt"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@with_seat
def comment(request, meeting, seat, document_id):
    doc = _document(meeting, document_id)
    back = reverse("meetings:document", args=[meeting.pk, doc.pk])
    version = doc.current if doc.kind != DocumentKind.LINK else None
    return submit(
        request,
        CommentForm(request.POST),
        lambda data: documents.comment(request.user, doc, version=version, **data),
        _("Đã gửi góp ý."),
        back,
    )


@with_seat
def export_comments(request, meeting, seat, document_id):
    """Every comment on a document, for the drafting unit: organisers only."""
    doc = _document(meeting, document_id)
    if not seat.is_organiser:
        return refusal(request, _("Chỉ người tổ chức kỳ họp mới xuất góp ý cho đơn vị soạn thảo."))
    table = {
        "columns": [
            _("Thời gian"),
            _("Đại biểu"),
            _("Phiên bản"),
            _("Trang"),
            _("Đoạn góp ý"),
            _("Nội dung góp ý"),
            _("Cho đại biểu khác xem"),
        ],
        "rows": [
            [
                timezone.localtime(row.created_at).strftime("%d/%m/%Y %H:%M"),
                row.author.get_full_name() or row.author.get_username(),
                row.version.number if row.version else "",
                row.page or "",
                row.quote,
                row.text,
                _("Có") if row.shared_with_delegates else _("Không"),
            ]
            for row in selectors.comments_for(seat, doc)
        ],
    }
    response = csv_response(table, f"gop-y-tai-lieu-{doc.pk}")
    response["Cache-Control"] = "private, no-store"
    return response


def _note(note):
    return {
        "id": note.pk,
        "kind": note.kind,
        "page": note.page,
        "quote": note.quote,
        "rects": note.rects,
        "text": note.text,
    }
