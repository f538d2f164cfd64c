"""The meeting's record: the minutes (written up and signed by the secretary, then signed by the chair),
the invitation, and the archive of documents and comments."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from government.downloads import download
from government.exceptions import DomainError
from government.signing import check_signatures
from meetings import selectors
from meetings.models import Comment
from meetings.services import invitations, record

from ..forms import MinutesForm
from .common import act, refusal, submit, with_seat


@with_seat
def minutes(request, meeting, seat):
    if not meeting.minutes_pdf:
        return refusal(request, _("Thư ký chưa lập biên bản kỳ họp."), status=404)
    return download(meeting.minutes_pdf, f"bien-ban-ky-hop-{meeting.pk}.pdf", "application/pdf")


def _archive(meeting):
    return reverse("meetings:archive", args=[meeting.pk])


@require_POST
@with_seat
def prepare_minutes(request, meeting, seat):
    return submit(
        request,
        MinutesForm(request.POST),
        lambda data: record.prepare_minutes(request.user, meeting, **data),
        _("Đã lập và ký số biên bản; chờ chủ tọa ký."),
        _archive(meeting),
    )


@require_POST
@with_seat
def sign_minutes(request, meeting, seat):
    return act(
        request, lambda: record.sign_minutes(request.user, meeting), _("Đã ký số biên bản kỳ họp."), _archive(meeting)
    )


@require_POST
@with_seat
def issue_invitation(request, meeting, seat):
    back = reverse("meetings:manage", args=[meeting.pk])
    try:
        sent, unreachable = invitations.issue_invitation(request.user, meeting)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(
        request,
        _("Đã gửi giấy mời số %(number)s tới %(count)s người.")
        % {"number": meeting.invitation_symbol, "count": len(sent)},
    )
    if unreachable:
        messages.warning(
            request,
            _("Chưa có thư điện tử, cần gửi giấy mời in: %(names)s.")
            % {"names": ", ".join(p.name for p in unreachable)},
        )
    return redirect(back)


@with_seat
def invitation(request, meeting, seat):
    """The signed-in person's own copy of the invitation, once it has a number."""
    if not meeting.invitation_symbol:
        return refusal(request, _("Giấy mời chưa được ban hành."), status=404)
    response = HttpResponse(invitations.invitation_for(meeting, seat), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="giay-moi-{meeting.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


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
    initial = {
        "conclusions": meeting.conclusions,
        "opened_at": timezone.localtime(meeting.opened_at or meeting.starts_at),
        "closed_at": timezone.localtime(meeting.closed_at or min(timezone.now(), meeting.ends_at)),
    }
    return render(
        request,
        "meetings/archive.html",
        {
            "meeting": meeting,
            "seat": seat,
            "items": items,
            "comments": comments.order_by("document_id", "pk"),
            "record": selectors.record_of(meeting),
            "signatures": signatures,
            "minutes_form": MinutesForm(initial=initial) if seat.is_organiser else None,
            "may_sign": seat.is_chair and meeting.minutes_state == "prepared",
        },
    )
