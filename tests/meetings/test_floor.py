import pytest
from django.db import connection

from meetings.models import Choice, SpeechState
from meetings.policy import NotAllowed
from meetings.services import floor, meetings
from tests.concurrency import at_once
from tests.meetings.factories import present


@pytest.fixture
def groups(council):
    return meetings.split_into_groups(council.chair, council.meeting, 2)


def test_a_group_discusses_and_its_secretary_summarises(council, groups):
    first, second, third = council.delegates[:3]  # first and third in group 1, second in group 2
    message = floor.post_message(first, groups[0], "  Tôi đồng ý  ")
    assert message.text == "Tôi đồng ý"
    with pytest.raises(NotAllowed, match="không thuộc tổ"):
        floor.post_message(second, groups[0], "Tôi ở tổ khác")
    with pytest.raises(NotAllowed, match="chưa có nội dung"):
        floor.post_message(third, groups[0], " ")
    with pytest.raises(NotAllowed, match="dài quá"):
        floor.post_message(third, groups[0], "x" * 4001)
    later = floor.post_message(third, groups[0], "Tôi đề nghị thêm trạm y tế")
    assert [m["id"] for m in floor.messages_after(council.chair, groups[0], message.pk)] == [later.pk]
    with pytest.raises(NotAllowed):  # another group's thread is closed to a delegate
        floor.messages_after(second, groups[0])
    with pytest.raises(NotAllowed, match="thư ký"):
        floor.write_summary(third, groups[0], "Tóm tắt")
    floor.write_summary(first, groups[0], "Tổ 1 nhất trí")
    assert groups[0].summary == "Tổ 1 nhất trí" and groups[0].summary_by == first


def test_speakers_queue_in_order_and_the_chair_gives_the_floor(council):
    first, second = council.delegates[:2]
    a = floor.request_to_speak(first, council.meeting, topic="Về vốn đầu tư")
    b = floor.request_to_speak(second, council.meeting, topic="Về trường học")
    with pytest.raises(NotAllowed, match="đang chờ"):
        floor.request_to_speak(first, council.meeting, topic="Lần nữa")
    assert floor.speech_queue(council.meeting) == [a, b]
    with pytest.raises(NotAllowed):
        floor.move_speech(second, a, SpeechState.SPEAKING)
    floor.move_speech(council.chair, a, SpeechState.SPEAKING)
    floor.move_speech(council.chair, b, SpeechState.SPEAKING)  # the previous speaker is done
    a.refresh_from_db()
    assert a.state == SpeechState.DONE
    with pytest.raises(NotAllowed):  # only one's own request is withdrawn, and only while waiting
        floor.move_speech(second, b, SpeechState.WITHDRAWN)


def test_one_ballot_each_and_a_majority_of_all_delegates(council):
    with pytest.raises(NotAllowed, match="chủ tọa"):
        floor.open_motion(council.delegates[0], council.meeting, title="Thông qua")
    motion = floor.open_motion(council.chair, council.meeting, title="Thông qua Nghị quyết")
    present(council)
    with pytest.raises(NotAllowed, match="chưa kết thúc"):
        floor.open_motion(council.chair, council.meeting, title="Một biểu quyết nữa")
    for person, choice in zip(council.delegates, [Choice.FOR, Choice.FOR, Choice.AGAINST, Choice.ABSTAIN]):
        floor.cast_ballot(person, motion, choice)
    with pytest.raises(NotAllowed, match="đã biểu quyết"):
        floor.cast_ballot(council.delegates[0], motion, Choice.AGAINST)
    with pytest.raises(NotAllowed, match="không hợp lệ"):
        floor.cast_ballot(council.chair, motion, "maybe")
    with pytest.raises(NotAllowed, match="Chỉ đại biểu"):
        floor.cast_ballot(council.secretary, motion, Choice.FOR)
    assert floor.tally(motion) == {"for": 2, "against": 1, "abstain": 1, "cast": 4}
    closed = floor.close_motion(council.chair, motion)
    assert closed.electorate == 5 and closed.passed is False  # 2 of 5 (the chair did not vote)
    with pytest.raises(NotAllowed, match="đã kết thúc"):
        floor.cast_ballot(council.chair, motion, Choice.FOR)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_ballots_give_an_exact_tally():
    if connection.vendor != "postgresql":
        pytest.skip("threads writing at once need PostgreSQL (SQLite serialises writers with a lock)")
    from tests.meetings.factories import session

    council = session(delegates=40)
    present(council)
    motion = floor.open_motion(council.chair, council.meeting, title="Thông qua")
    voters = iter(council.delegates * 2)  # every delegate tries twice, at once

    def vote():
        return floor.cast_ballot(next(voters), motion, Choice.FOR)

    results, errors = at_once(80, vote)
    assert len(results) == 40 and len(errors) == 40 and all(isinstance(e, NotAllowed) for e in errors)
    assert floor.tally(motion) == {"for": 40, "against": 0, "abstain": 0, "cast": 40}
