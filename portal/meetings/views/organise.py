"""The organisers' pages: create a meeting, its agenda, documents and people; the QR codes."""

import io

import qrcode
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from government.exceptions import DomainError
from meetings import policy, selectors
from meetings.models import Meeting, MeetingDocument
from meetings.services import documents, meetings

from ..forms import DocumentForm, ItemForm, MeetingForm, PlaceForm, ReplaceForm, SeatForm
from .common import QR_SESSION_KEY, act, refusal, second_factor_first, submit, with_seat


@login_required
def create(request):
    if not policy.may_create_meetings(request.user):
        return refusal(request, _("Chỉ thư ký kỳ họp của cơ quan mới tạo được kỳ họp."))
    if not request.user.is_verified():
        return second_factor_first(request)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meetings.create_meeting(request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("meetings:manage", meeting.pk)
    return render(request, "meetings/create.html", {"form": form}, status=400 if form.errors else 200)


def _organiser_only(request, seat):
    if not seat.is_organiser:
        return refusal(request, _("Chỉ người tổ chức kỳ họp mới làm được việc này."))
    return None


@with_seat
def manage(request, meeting, seat):
    if refused := _organiser_only(request, seat):
        return refused
    return render(
        request,
        "meetings/manage.html",
        {
            "meeting": meeting,
            "seat": seat,
            "items": selectors.agenda(meeting),
            "participants": selectors.participants(meeting),
            "item_form": ItemForm(),
            "document_form": DocumentForm(meeting=meeting),
            "replace_form": ReplaceForm(),
            "seat_form": SeatForm(),
            "place_form": PlaceForm(meeting=meeting),
            "qr_url": request.build_absolute_uri(reverse("meetings:qr", args=[meeting.qr_key])),
            "qr_valid": meetings.qr_is_valid(meeting),
        },
    )


def _manage(meeting):
    return reverse("meetings:manage", args=[meeting.pk])


@require_POST
@with_seat
def add_item(request, meeting, seat):
    return submit(
        request,
        ItemForm(request.POST),
        lambda data: meetings.add_item(request.user, meeting, **data),
        _("Đã thêm nội dung vào chương trình."),
        _manage(meeting),
    )


@require_POST
@with_seat
def add_document(request, meeting, seat):
    return submit(
        request,
        DocumentForm(request.POST, request.FILES, meeting=meeting),
        lambda data: documents.add_document(
            request.user,
            data["item"],
            kind=data["kind"],
            title=data["title"],
            upload=data["file"],
            url=data["url"],
            is_public=data["is_public"],
        ),
        _("Đã thêm tài liệu."),
        _manage(meeting),
    )


@require_POST
@with_seat
def replace_document(request, meeting, seat, document_id):
    doc = get_object_or_404(MeetingDocument, pk=document_id, item__meeting=meeting)
    return submit(
        request,
        ReplaceForm(request.POST, request.FILES),
        lambda data: documents.replace_document(
            request.user, doc, upload=data["file"], change_note=data["change_note"]
        ),
        _("Đã thay tài liệu bằng phiên bản mới."),
        _manage(meeting),
    )


@require_POST
@with_seat
def add_people(request, meeting, seat):
    return submit(
        request,
        SeatForm(request.POST),
        lambda data: meetings.seat(request.user, meeting, data["people"], data["role"]),
        _("Đã cập nhật danh sách dự họp."),
        _manage(meeting),
    )


@require_POST
@with_seat
def place(request, meeting, seat):
    return submit(
        request,
        PlaceForm(request.POST, meeting=meeting),
        lambda data: meetings.place_in_group(
            request.user, meeting, data["participant"], data["group"], secretary=data["secretary"]
        ),
        _("Đã xếp tổ cho đại biểu."),
        _manage(meeting),
    )


@require_POST
@with_seat
def renew_qr(request, meeting, seat):
    return act(
        request,
        lambda: meetings.renew_qr(request.user, meeting),
        _("Đã tạo mã QR mới; mã cũ không còn dùng được."),
        _manage(meeting),
    )


@with_seat
def qr_image(request, meeting, seat):
    """The PNG of the invitation's code (the door's is on the door's own screen, views.attendance)."""
    if refused := _organiser_only(request, seat):
        return refused
    buffer = io.BytesIO()
    qrcode.make(request.build_absolute_uri(reverse("meetings:qr", args=[meeting.qr_key])), box_size=8, border=2).save(
        buffer
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


def _by_qr(key):
    return Meeting.objects.select_related("agency").filter(qr_key=key).first()


def qr(request, key):
    """What the invitation's code opens: the meeting, its public documents, and the way in for delegates."""
    meeting = _by_qr(key)
    if meeting is None or not meetings.qr_is_valid(meeting):
        return refusal(request, _("Mã QR này không còn hiệu lực: kỳ họp đã kết thúc hoặc mã đã được thay."), status=410)
    opened = set(request.session.get(QR_SESSION_KEY, []))
    if meeting.pk not in opened:
        request.session[QR_SESSION_KEY] = sorted(opened | {meeting.pk})
    seat = policy.seat_of(request.user, meeting)
    if seat is not None:
        return redirect("meetings:room", meeting.pk)
    items = selectors.agenda(meeting)
    public = [doc for item in items for doc in item.documents.all() if doc.is_public]
    return render(
        request,
        "meetings/qr.html",
        {"meeting": meeting, "items": items, "public": public, "next": reverse("meetings:room", args=[meeting.pk])},
    )
