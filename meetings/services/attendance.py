"""Who is in the hall. A delegate checks in by scanning the code on the screen at the door, signed in,
and confirming (a POST: a link cannot check anyone in); the code is drawn from the meeting's own door
secret and the minute, so a photo of it stops working within two minutes and the invitation's code
never checks anyone in. The secretary may record a delegate as present instead."""

import base64
import datetime as dt
import hashlib
import hmac

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import policy
from ..models import Participant
from ..policy import NotAllowed, require
from .meetings import _organiser

# Delegates may check in this long before the meeting starts (they arrive early at the door).
CHECK_IN_OPENS = dt.timedelta(hours=1)
DOOR_CODE_PERIOD = 60  # seconds; the code of the minute before is still accepted (a slow scan)


def door_code(meeting, at=None):
    window = int((at or timezone.now()).timestamp()) // DOOR_CODE_PERIOD
    return _code(meeting, window)


def _code(meeting, window):
    digest = hmac.new(meeting.door_secret.encode(), f"{meeting.pk}:{window}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest[:10]).decode().lower()  # 16 letters and digits, safe in a URL


def door_code_is_valid(meeting, code, at=None):
    window = int((at or timezone.now()).timestamp()) // DOOR_CODE_PERIOD
    return any(hmac.compare_digest(_code(meeting, w), code or "") for w in (window, window - 1))


def _during(meeting, now):
    if not meeting.starts_at - CHECK_IN_OPENS <= now < meeting.ends_at:
        raise NotAllowed(_("Chỉ điểm danh được từ 1 giờ trước khi họp đến khi kết thúc kỳ họp."))


@transaction.atomic
def check_in(user, meeting, code, now=None):
    """The delegate at the door: once, with the door's current code, around the meeting's time.
    (seat, whether this call recorded it)."""
    now = now or timezone.now()
    seat = policy.seat_of(user, meeting)
    require(seat is not None, _("Anh/chị không có tên trong danh sách dự họp."))
    if not door_code_is_valid(meeting, code, now):
        raise NotAllowed(
            _("Mã điểm danh đã hết hạn hoặc không đúng: hãy quét lại mã trên màn hình tại cửa hội trường.")
        )
    _during(meeting, now)
    updated = Participant.objects.filter(pk=seat.pk, checked_in_at__isnull=True).update(checked_in_at=now)
    seat.refresh_from_db(fields=["checked_in_at"])
    return seat, bool(updated)


@transaction.atomic
def mark_present(user, meeting, participant, now=None):
    """The secretary records a delegate present (a phone without battery, a delegate who came late)."""
    now = now or timezone.now()
    _organiser(user, meeting)
    require(participant.meeting_id == meeting.pk)
    _during(meeting, now)
    Participant.objects.filter(pk=participant.pk, checked_in_at__isnull=True).update(
        checked_in_at=now, checked_in_by=user
    )
    participant.refresh_from_db(fields=["checked_in_at", "checked_in_by"])
    return participant
