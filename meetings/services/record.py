"""The meeting's record: the minutes, written up and signed by the meeting's secretary, then signed by
the chair (Decree 30/2020: a biên bản carries both signatures). Each is a digital signature on the
same PDF; the number comes once from the body's outgoing register."""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from government.registers import register_issued
from signing_adapter.pades import sign_as_person

from .. import policy, selectors
from ..minutes import minutes_pdf
from ..policy import NotAllowed, require
from .meetings import _organiser

MINUTES_TYPE = "Biên bản"


@transaction.atomic
def prepare_minutes(user, meeting, *, conclusions, opened_at=None, closed_at=None):
    """The secretary writes the minutes (the chair's conclusions, the opening and closing times) and
    signs them first. Again after a correction: a new PDF, the same number, and the chair signs anew."""
    _organiser(user, meeting)
    if meeting.motions.filter(closed_at__isnull=True).exists():
        raise NotAllowed(_("Còn biểu quyết chưa kết thúc; hãy kết thúc trước khi lập biên bản."))
    opened_at, closed_at = opened_at or meeting.opened_at or meeting.starts_at, closed_at or timezone.now()
    if closed_at <= opened_at:
        raise NotAllowed(_("Giờ bế mạc phải sau giờ khai mạc."))
    if closed_at - opened_at > dt.timedelta(days=31):
        raise NotAllowed(_("Giờ khai mạc và bế mạc cách nhau quá một tháng; hãy kiểm tra lại."))
    now = timezone.now()
    if not meeting.minutes_symbol:
        meeting.minutes_symbol = register_issued(
            meeting.agency,
            MINUTES_TYPE,
            excerpt=_("Biên bản %(title)s") % {"title": meeting.title},
            drafted_by=user,
            signer=meeting.chair.user if meeting.chair else user,
            at=now,
        ).symbol
    meeting.conclusions, meeting.opened_at, meeting.closed_at = conclusions.strip(), opened_at, closed_at
    pdf = minutes_pdf(meeting, **selectors.record_of(meeting), secretary=user)
    signed = sign_as_person(
        pdf, user, meeting.agency, reason="Thư ký ký biên bản kỳ họp", field="ChuKyThuKy", others_follow=True
    )
    meeting.minutes_pdf.save(f"bien-ban-{meeting.pk}.pdf", ContentFile(signed), save=False)
    meeting.minutes_prepared_by, meeting.minutes_prepared_at, meeting.minutes_signed_at = user, now, None
    meeting.save(
        update_fields=[
            "conclusions",
            "opened_at",
            "closed_at",
            "minutes_symbol",
            "minutes_pdf",
            "minutes_prepared_by",
            "minutes_prepared_at",
            "minutes_signed_at",
        ]
    )
    return meeting


@transaction.atomic
def sign_minutes(user, meeting):
    """The chair signs the minutes the secretary signed; nothing may be added after."""
    seat = policy.seat_of(user, meeting)
    require(seat is not None and seat.is_chair, _("Chỉ chủ tọa mới ký biên bản kỳ họp."))
    if meeting.minutes_state != "prepared":
        raise NotAllowed(_("Thư ký chưa lập biên bản, hoặc chủ tọa đã ký biên bản này."))
    with meeting.minutes_pdf.open("rb") as handle:
        signed = sign_as_person(
            handle.read(), user, meeting.agency, reason="Chủ tọa ký biên bản kỳ họp", field="ChuKyChuToa"
        )
    meeting.minutes_pdf.save(f"bien-ban-{meeting.pk}.pdf", ContentFile(signed), save=False)
    meeting.minutes_signed_at = timezone.now()
    meeting.save(update_fields=["minutes_pdf", "minutes_signed_at"])
    return meeting
