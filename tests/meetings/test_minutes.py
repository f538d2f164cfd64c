import pytest

from government.signing import check_signatures
from meetings.models import Choice
from meetings.policy import NotAllowed
from meetings.services import floor, meetings, record
from tests.pdf_checks import check_paper


def test_the_chair_signs_the_minutes_of_the_whole_meeting(council, settings):
    groups = meetings.split_into_groups(council.chair, council.meeting, 2)
    meetings.check_in(council.delegates[0], council.meeting)
    floor.write_summary(council.delegates[0], groups[0], "Tổ 1 nhất trí với dự thảo")
    motion = floor.open_motion(council.chair, council.meeting, title="Thông qua Nghị quyết đầu tư công")
    for person in council.delegates[:3]:
        floor.cast_ballot(person, motion, Choice.FOR)
    with pytest.raises(NotAllowed, match="chưa kết thúc"):
        record.sign_minutes(council.chair, council.meeting, conclusions="Kết luận")
    floor.close_motion(council.chair, motion)
    with pytest.raises(NotAllowed, match="chủ tọa"):
        record.sign_minutes(council.secretary, council.meeting, conclusions="Kết luận")
    meeting = record.sign_minutes(council.chair, council.meeting, conclusions="Giao Ủy ban nhân dân tổ chức thực hiện.")
    pdf = meeting.minutes_pdf.open("rb").read()
    text = check_paper(pdf)  # fonts embedded and of the serif face, every character drawn by it
    for expected in ("BIÊN BẢN KỲ HỌP", "có mặt 1/5", "Thông qua Nghị quyết đầu tư công", "3 (60.0%)", "Thông qua",
                     "Tổ 1 nhất trí với dự thảo", "Giao Ủy ban nhân dân tổ chức thực hiện.", "Dự thảo Nghị quyết"):
        assert expected in text, expected
    [signature] = check_signatures(pdf)
    assert signature.valid and signature.certifies and council.chair.get_full_name() in signature.signer
