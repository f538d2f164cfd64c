"""The meeting's record: the minutes signed by the chair, and the archive of documents and comments."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from government.signing import check_signatures
from meetings import selectors
from meetings.models import Comment
from meetings.services import record
from portal.citizens.views.common import download

from ..forms import MinutesForm
from .common import refusal, submit, with_seat


@with_seat
def minutes(request, meeting, seat):
    if not meeting.minutes_pdf:
        return refusal(request, _("Chủ tọa chưa ký biên bản kỳ họp."), status=404)
    return download(meeting.minutes_pdf, f"bien-ban-ky-hop-{meeting.pk}.pdf", "application/pdf")


@require_POST
@with_seat
def sign_minutes(request, meeting, seat):
    back = reverse("meetings:archive", args=[meeting.pk])
    return submit(request, MinutesForm(request.POST),
                  lambda data: record.sign_minutes(request.user, meeting, conclusions=data["conclusions"]),
                  _("Đã ký số biên bản kỳ họp."), back)


@with_seat
def archive(request, meeting, seat):
    """Everything the meeting produced. Organisers and the chair see every comment; a delegate their own
    and the shared ones."""
    items = selectors.agenda(meeting)
    everything = seat.is_organiser or seat.is_chair
    comments = Comment.objects.filter(document__item__meeting=meeting).select_related("author", "document", "version")
    if not everything:
        comments = comments.filter(author=request.user) | comments.filter(shared_with_delegates=True)
    signatures = []
    if meeting.minutes_pdf:
        with meeting.minutes_pdf.open("rb") as handle:
            signatures = check_signatures(handle.read())
    return render(request, "meetings/archive.html", {
        "meeting": meeting, "seat": seat, "items": items, "comments": comments.order_by("document_id", "pk"),
        "record": selectors.record_of(meeting), "signatures": signatures,
        "minutes_form": MinutesForm(initial={"conclusions": meeting.conclusions}) if seat.is_chair else None,
    })
