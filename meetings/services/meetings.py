from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from government.selectors import agency_of

from .. import policy
from ..models import AgendaItem, DiscussionGroup, Meeting, Participant, ParticipantRole, new_qr_key
from ..policy import NotAllowed, require


@transaction.atomic
def create_meeting(user, *, title, place, starts_at, ends_at):
    require(policy.may_create_meetings(user), _("Chỉ thư ký kỳ họp của cơ quan mới tạo được kỳ họp."))
    if ends_at <= starts_at:
        raise NotAllowed(_("Giờ kết thúc phải sau giờ bắt đầu."))
    meeting = Meeting.objects.create(
        agency=agency_of(user), title=title, place=place, starts_at=starts_at, ends_at=ends_at, created_by=user
    )
    Participant.objects.create(meeting=meeting, user=user, role=ParticipantRole.ORGANISER)
    return meeting


def _organiser(user, meeting):
    seat = policy.seat_of(user, meeting)
    require(seat is not None and seat.is_organiser, _("Chỉ người tổ chức kỳ họp mới làm được việc này."))
    return seat


def _chair_or_organiser(user, meeting):
    seat = policy.seat_of(user, meeting)
    require(
        seat is not None and (seat.is_organiser or seat.is_chair),
        _("Chỉ chủ tọa hoặc người tổ chức kỳ họp mới làm được việc này."),
    )
    return seat


@transaction.atomic
def add_item(user, meeting, *, title, presenter=""):
    _organiser(user, meeting)
    last = meeting.items.order_by("-position").values_list("position", flat=True).first() or 0
    return AgendaItem.objects.create(meeting=meeting, position=last + 1, title=title, presenter=presenter)


@transaction.atomic
def seat(user, meeting, people, role):
    """Invite `people` in `role`; someone already seated keeps their seat (and role)."""
    _organiser(user, meeting)
    if role == ParticipantRole.CHAIR:
        people = list(people)[:1]
        if people and meeting.participants.filter(role=ParticipantRole.CHAIR).exclude(user=people[0]).exists():
            raise NotAllowed(_("Kỳ họp đã có chủ tọa."))
    seated = set(meeting.participants.values_list("user_id", flat=True))
    return [
        Participant.objects.create(meeting=meeting, user=person, role=role)
        for person in people
        if person.pk not in seated
    ]


@transaction.atomic
def split_into_groups(user, meeting, count):
    """The chair splits the delegates into `count` groups, in turn in the order they were invited; the
    first of each group is its secretary until someone else is named. Splitting again replaces the groups."""
    _chair_or_organiser(user, meeting)
    delegates = list(meeting.participants.filter(role=ParticipantRole.DELEGATE).order_by("pk"))
    if not 1 <= count <= max(1, len(delegates)):
        raise NotAllowed(_("Số tổ phải từ 1 đến số đại biểu (%(count)s).") % {"count": len(delegates)})
    if meeting.groups.filter(messages__isnull=False).exists():
        raise NotAllowed(_("Các tổ đã bắt đầu thảo luận; không chia lại được."))
    meeting.participants.update(group=None, is_secretary=False)
    meeting.groups.all().delete()
    groups = [
        DiscussionGroup.objects.create(meeting=meeting, name=_("Tổ %(number)s") % {"number": n + 1})
        for n in range(count)
    ]
    for index, delegate in enumerate(delegates):
        delegate.group = groups[index % count]
        delegate.is_secretary = index < count
        delegate.save(update_fields=["group", "is_secretary"])
    return groups


@transaction.atomic
def place_in_group(user, meeting, participant, group, *, secretary=False):
    _chair_or_organiser(user, meeting)
    require(participant.meeting_id == meeting.pk and (group is None or group.meeting_id == meeting.pk))
    if secretary and group is not None:
        group.members.filter(is_secretary=True).update(is_secretary=False)
    participant.group, participant.is_secretary = group, bool(secretary and group)
    participant.save(update_fields=["group", "is_secretary"])
    return participant


def qr_is_valid(meeting, now=None):
    return (now or timezone.now()) < meeting.ends_at


@transaction.atomic
def renew_qr(user, meeting):
    """A new code for a leaked one: the printed invitations stop working too."""
    _organiser(user, meeting)
    meeting.qr_key = new_qr_key()
    meeting.save(update_fields=["qr_key"])
    return meeting
