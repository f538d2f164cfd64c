"""The minutes as a council would accept them: numbered in the body's register, opening and closing
times, each vote with its rule and the delegates who did not vote, percentages of the statutory number
that add up to 100, the secretary's signature and then the chair's."""

import datetime as dt

import pytest
from django.utils import timezone

from government.signing import check_signatures
from meetings.minutes import shares
from meetings.models import Choice, MotionKind
from meetings.policy import NotAllowed
from meetings.services import floor, meetings, record
from tests.meetings.factories import present, session
from tests.pdf_checks import check_paper

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("counts, base", [((2, 1, 1, 3), 7), ((1, 1, 1, 0), 3), ((5, 0, 0, 25), 30), ((0, 0, 0, 6), 6)])
def test_shares_add_up_to_100(counts, base):
    assert round(sum(shares(list(counts), base)), 1) == 100.0


def test_the_secretary_then_the_chair_sign_the_minutes_of_the_whole_meeting():
    council = session(statutory=7)
    groups = meetings.split_into_groups(council.chair, council.meeting, 2)
    present(council, *council.delegates[:3])
    floor.write_summary(council.delegates[0], groups[0], "Tổ 1 nhất trí với dự thảo")
    motion = floor.open_motion(council.chair, council.meeting, title="Thông qua Nghị quyết đầu tư công")
    for person, choice in zip(council.delegates[:3], [Choice.FOR, Choice.FOR, Choice.AGAINST]):
        floor.cast_ballot(person, motion, choice)
    with pytest.raises(NotAllowed, match="chưa kết thúc"):
        record.prepare_minutes(council.secretary, council.meeting, conclusions="Kết luận")
    floor.close_motion(council.chair, motion)
    with pytest.raises(NotAllowed):
        record.prepare_minutes(council.chair, council.meeting, conclusions="Kết luận")
    with pytest.raises(NotAllowed, match="chưa lập"):
        record.sign_minutes(council.chair, council.meeting)
    opened = council.meeting.starts_at + dt.timedelta(minutes=5)
    meeting = record.prepare_minutes(
        council.secretary,
        council.meeting,
        opened_at=opened,
        closed_at=timezone.now(),
        conclusions="Giao Ủy ban nhân dân tổ chức thực hiện.",
    )
    assert meeting.minutes_symbol.endswith("/BB-HĐND") and meeting.minutes_state == "prepared"
    with pytest.raises(NotAllowed, match="chủ tọa"):
        record.sign_minutes(council.delegates[0], meeting)
    meeting = record.sign_minutes(council.chair, meeting)
    assert meeting.minutes_state == "signed"
    pdf = meeting.minutes_pdf.open("rb").read()
    text = check_paper(pdf)  # fonts embedded and of the serif face, every character drawn by it
    local = timezone.localtime(opened)
    for expected in (
        f"Số: {meeting.minutes_symbol}",
        "HỘI ĐỒNG NHÂN DÂN",
        "BIÊN BẢN",
        council.meeting.title,
        f"Thời gian bắt đầu: {local:%H} giờ {local:%M} phút",
        "Kỳ họp kết thúc vào",
        "tổng số đại biểu theo luật định: 7",
        "có mặt: 3",
        "Thông qua Nghị quyết đầu tư công",
        "2 (28,6%)",
        "1 (14,3%)",
        "0 (0,0%)",
        "4 (57,1%)",
        "Không thông qua",
        "quá nửa tổng số đại biểu (4/7)",
        "biểu quyết công khai",
        "không tham gia biểu quyết",
        council.chair.get_full_name(),
        "Tổ 1 nhất trí với dự thảo",
        "Giao Ủy ban nhân dân tổ chức thực hiện.",
        "Dự thảo Nghị quyết",
        "THƯ KÝ",
        "CHỦ TỌA",
        council.secretary.get_full_name(),
    ):
        assert expected in text, expected
    assert "ỦY BAN NHÂN DÂN XÃ" not in text  # a council's minutes are headed by the council
    secretary, chair = check_signatures(pdf)
    assert secretary.valid and secretary.certifies and council.secretary.get_full_name() in secretary.signer
    assert chair.valid and council.chair.get_full_name() in chair.signer
    with pytest.raises(NotAllowed, match="đã ký"):
        record.sign_minutes(council.chair, meeting)


def test_a_committee_meeting_keeps_its_own_header():
    from government.models import AgencyKind

    committee = session(name="Phú Bình", body=AgencyKind.PEOPLES_COMMITTEE)
    motion = floor.open_motion(
        committee.chair, committee.meeting, title="Thông qua kế hoạch", kind=MotionKind.PROCEDURAL
    )
    present(committee, committee.delegates[0])
    floor.cast_ballot(committee.delegates[0], motion, Choice.FOR)
    assert floor.close_motion(committee.chair, motion).passed  # 1 of the 1 present
    meeting = record.prepare_minutes(committee.secretary, committee.meeting, conclusions="Thống nhất.")
    text = check_paper(meeting.minutes_pdf.open("rb").read())
    assert meeting.minutes_symbol.endswith("/BB-UBND") and "ỦY BAN NHÂN DÂN" in text
    assert "quá nửa số đại biểu có mặt (1/1)" in text
