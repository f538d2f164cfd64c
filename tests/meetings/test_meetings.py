import datetime as dt

import pytest

from government.models import Role
from meetings.models import Participant, ParticipantRole
from meetings.policy import NotAllowed
from meetings.services import attendance, meetings
from tests.factories import AgencyFactory, staff
from tests.meetings.factories import delegate, session


def test_only_a_meeting_secretary_creates_a_meeting_and_sits_as_its_organiser(db):
    agency = AgencyFactory()
    leader = staff(Role.LEADER, agency, username="lanhdao")
    start = dt.datetime(2026, 12, 1, 1, 30, tzinfo=dt.timezone.utc)
    with pytest.raises(NotAllowed):
        meetings.create_meeting(
            leader, title="Kỳ họp", place="Hội trường", starts_at=start, ends_at=start + dt.timedelta(hours=4)
        )
    secretary = staff(Role.MEETING_SECRETARY, agency, username="thuky")
    with pytest.raises(NotAllowed, match="kết thúc phải sau"):
        meetings.create_meeting(secretary, title="Kỳ họp", place="Hội trường", starts_at=start, ends_at=start)
    meeting = meetings.create_meeting(
        secretary, title="Kỳ họp", place="Hội trường", starts_at=start, ends_at=start + dt.timedelta(hours=4)
    )
    assert meeting.agency == agency
    assert Participant.objects.get(meeting=meeting, user=secretary).role == ParticipantRole.ORGANISER


def test_one_chair_and_one_seat_each(council):
    meeting = council.meeting
    assert meeting.chair.user == council.chair
    with pytest.raises(NotAllowed, match="đã có chủ tọa"):
        meetings.seat(council.secretary, meeting, [council.delegates[0]], ParticipantRole.CHAIR)
    again = meetings.seat(council.secretary, meeting, council.delegates, ParticipantRole.INVITEE)
    assert again == [] and meeting.participants.filter(role=ParticipantRole.DELEGATE).count() == 4
    with pytest.raises(NotAllowed):  # a delegate does not invite people
        meetings.seat(council.delegates[0], meeting, [delegate("khach")], ParticipantRole.INVITEE)


def test_the_chair_splits_the_delegates_into_groups_each_with_a_secretary(council):
    groups = meetings.split_into_groups(council.chair, council.meeting, 2)
    assert [g.name for g in groups] == ["Tổ 1", "Tổ 2"]
    seats = list(council.meeting.participants.filter(role=ParticipantRole.DELEGATE).order_by("pk"))
    assert [s.group_id for s in seats] == [groups[0].pk, groups[1].pk, groups[0].pk, groups[1].pk]
    assert [s.is_secretary for s in seats] == [True, True, False, False]
    with pytest.raises(NotAllowed, match="Số tổ"):
        meetings.split_into_groups(council.chair, council.meeting, 5)
    with pytest.raises(NotAllowed):
        meetings.split_into_groups(council.delegates[0], council.meeting, 2)
    moved = meetings.place_in_group(council.secretary, council.meeting, seats[2], groups[0], secretary=True)
    assert moved.is_secretary and not Participant.objects.get(pk=seats[0].pk).is_secretary


def test_check_in_with_the_door_code_only_around_the_meeting_and_once(council, time_machine):
    meeting, person = council.meeting, council.delegates[0]
    time_machine.move_to(meeting.starts_at + dt.timedelta(minutes=30), tick=False)
    code = attendance.door_code(meeting)
    seat, first = attendance.check_in(person, meeting, code)
    assert first and seat.checked_in_at is not None and seat.checked_in_by is None
    _seat, again = attendance.check_in(person, meeting, code)
    assert not again
    with pytest.raises(NotAllowed, match="hết hạn"):  # the invitation's key is not the door's code
        attendance.check_in(council.delegates[1], meeting, meeting.qr_key)
    with pytest.raises(NotAllowed, match="từ 1 giờ trước"):
        later = meeting.ends_at + dt.timedelta(minutes=1)
        attendance.check_in(council.delegates[1], meeting, attendance.door_code(meeting, later), now=later)
    with pytest.raises(NotAllowed, match="không có tên"):
        attendance.check_in(session(name="Đồng Hỷ").delegates[0], meeting, code)
    time_machine.shift(dt.timedelta(minutes=2, seconds=1))  # a photo of the screen, used at home later
    with pytest.raises(NotAllowed, match="hết hạn"):
        attendance.check_in(council.delegates[1], meeting, code)


def test_the_secretary_records_a_delegate_present(council):
    seat = council.meeting.participants.get(user=council.delegates[1])
    with pytest.raises(NotAllowed):
        attendance.mark_present(council.delegates[0], council.meeting, seat)
    marked = attendance.mark_present(council.secretary, council.meeting, seat)
    assert marked.is_present and marked.checked_in_by == council.secretary


def test_the_qr_code_stops_after_the_meeting_and_when_renewed(council):
    meeting = council.meeting
    assert meetings.qr_is_valid(meeting)
    assert not meetings.qr_is_valid(meeting, now=meeting.ends_at)
    old = meeting.qr_key
    meetings.renew_qr(council.secretary, meeting)
    assert meeting.qr_key != old
