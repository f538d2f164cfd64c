"""Who may do what in a meeting. A seat (Participant) is the key to everything but a public document;
services check through here and views ask the same questions to decide what to show."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from government.exceptions import DomainError
from government.models import Role
from government.selectors import agency_of, role_of

from .models import Participant


class NotAllowed(DomainError):
    default_message = _("Anh/chị không có quyền thực hiện thao tác này trong kỳ họp.")


def require(allowed, message=None):
    if not allowed:
        raise NotAllowed(message)


def seat_of(user, meeting):
    if not user.is_authenticated:
        return None
    return Participant.objects.filter(meeting=meeting, user=user).select_related("group").first()


def may_create_meetings(user):
    return role_of(user) == Role.MEETING_SECRETARY and agency_of(user) is not None


def needs_second_factor(user, seat):
    """Organisers are staff and always pass the second factor; delegates when the setting asks."""
    if seat is not None and seat.is_organiser or may_create_meetings(user):
        return not user.is_verified()
    return settings.MEETINGS_DELEGATE_SECOND_FACTOR and not user.is_verified()


def may_read(seat, document, qr_meeting_ids=()):
    if seat is not None and seat.meeting_id == document.item.meeting_id:
        return True
    return document.is_public and document.item.meeting_id in qr_meeting_ids


def sees_comment(seat, comment):
    if seat is None:
        return False
    return seat.is_organiser or seat.is_chair or comment.author_id == seat.user_id or comment.shared_with_delegates


def reads_group(seat, group):
    return seat is not None and (seat.is_organiser or seat.is_chair or seat.group_id == group.pk)


def writes_in_group(seat, group):
    return seat is not None and seat.group_id == group.pk
