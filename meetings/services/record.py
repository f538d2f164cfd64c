from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from government.signing import sign_as_person

from .. import policy, selectors
from ..minutes import minutes_pdf
from ..policy import NotAllowed, require


@transaction.atomic
def sign_minutes(user, meeting, *, conclusions):
    """The chair writes the conclusions and signs the minutes; no vote may still be open. Signing
    again (a correction) makes a new signed PDF in place of the old one."""
    seat = policy.seat_of(user, meeting)
    require(seat is not None and seat.is_chair, _("Chỉ chủ tọa mới ký biên bản kỳ họp."))
    if meeting.motions.filter(closed_at__isnull=True).exists():
        raise NotAllowed(_("Còn biểu quyết chưa kết thúc; hãy kết thúc trước khi ký biên bản."))
    meeting.conclusions = conclusions.strip()
    pdf = minutes_pdf(meeting, **selectors.record_of(meeting))
    signed = sign_as_person(pdf, user, meeting.agency, reason="Chủ tọa ký biên bản kỳ họp")
    meeting.minutes_pdf.save(f"bien-ban-{meeting.pk}.pdf", ContentFile(signed), save=False)
    meeting.minutes_signed_at = timezone.now()
    meeting.save(update_fields=["conclusions", "minutes_pdf", "minutes_signed_at"])
    return meeting
