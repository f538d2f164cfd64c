"""Attendance: the door's screen with its rotating code, the delegate's confirmation (a POST), and the
secretary recording a delegate present."""

import base64
import io

import qrcode
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from government.exceptions import DomainError
from meetings import selectors
from meetings.models import Participant
from meetings.services import attendance

from .common import act, refusal, with_seat


def _png_data_uri(url):
    buffer = io.BytesIO()
    qrcode.make(url, box_size=8, border=2).save(buffer)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@never_cache
@with_seat
def door(request, meeting, seat):
    """What the screen at the door shows: the code of this minute, renewed by the page every 30 seconds."""
    if not seat.is_organiser:
        return refusal(request, _("Chỉ người tổ chức kỳ họp mới mở được màn hình điểm danh."))
    url = request.build_absolute_uri(reverse("meetings:check_in", args=[meeting.pk, attendance.door_code(meeting)]))
    people = selectors.participants(meeting)
    voters = [p for p in people if p.can_vote]
    return render(
        request,
        "meetings/door.html",
        {
            "meeting": meeting,
            "seat": seat,
            "qr": _png_data_uri(url),
            "url": url,
            "present": sum(1 for p in voters if p.is_present),
            "voters": len(voters),
        },
    )


@never_cache
@with_seat
def check_in(request, meeting, seat, code):
    """GET shows what the scan will do; only the POST from that page records the delegate present."""
    if request.method != "POST":
        return render(request, "meetings/check_in.html", {"meeting": meeting, "seat": seat, "code": code})
    try:
        seat, first = attendance.check_in(request.user, meeting, code)
    except DomainError as error:
        return refusal(request, error.message)
    at = timezone.localtime(seat.checked_in_at).strftime("%H:%M")
    messages.success(
        request, _("Đã điểm danh lúc %(at)s.") % {"at": at} if first else _("Anh/chị đã điểm danh trước đó.")
    )
    return redirect("meetings:room", meeting.pk)


@require_POST
@with_seat
def mark_present(request, meeting, seat, participant_id):
    person = get_object_or_404(Participant, pk=participant_id, meeting=meeting)
    return act(
        request,
        lambda: attendance.mark_present(request.user, meeting, person),
        _("Đã ghi nhận %(name)s có mặt.") % {"name": person.name},
        reverse("meetings:manage", args=[meeting.pk]),
    )
