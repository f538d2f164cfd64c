"""A council's rules (DOMAIN.md §13): only delegates present vote; a majority is counted on the body's
statutory number of delegates, two thirds for a dismissal, those present for procedural questions;
elections, dismissals and confidence votes are secret; no ballot after the chair closes the vote."""

import itertools
import json
import logging

import pytest
from django.apps import apps
from django.core import mail, serializers
from django.db import connection

from meetings.models import Ballot, Choice, MajorityRule, MotionKind
from meetings.policy import NotAllowed
from meetings.services import floor, invitations
from tests.concurrency import at_once
from tests.meetings.factories import present, session
from tests.pdf_checks import check_paper

pytestmark = pytest.mark.django_db


def test_only_delegates_present_vote():
    council = session()
    motion = floor.open_motion(council.chair, council.meeting, title="Thông qua Nghị quyết")
    with pytest.raises(NotAllowed, match="chưa điểm danh"):
        floor.cast_ballot(council.delegates[0], motion, Choice.FOR)
    present(council, council.delegates[0])
    floor.cast_ballot(council.delegates[0], motion, Choice.FOR)
    assert floor.tally(motion)["cast"] == 1


def test_the_majority_is_of_the_statutory_number_not_of_the_seats():
    council = session(delegates=6, statutory=30)  # 7 seated of the council's 30
    present(council)
    motion = floor.open_motion(council.chair, council.meeting, title="Thông qua Nghị quyết")
    for person in [council.chair, *council.delegates]:
        floor.cast_ballot(person, motion, Choice.FOR)
    closed = floor.close_motion(council.chair, motion)
    assert (closed.electorate, closed.present, closed.rule, closed.passed) == (30, 7, MajorityRule.ALL, False)


@pytest.mark.parametrize(
    "kind, yes, passed",
    [
        (MotionKind.DISMISSAL, 4, True),  # 4 of 6: two thirds
        (MotionKind.DISMISSAL, 3, False),  # half is not two thirds
        (MotionKind.RESOLUTION, 4, True),
        (MotionKind.RESOLUTION, 3, False),  # half is not more than half
        (MotionKind.PROCEDURAL, 2, True),  # 2 of the 3 present, though not of the 6
    ],
)
def test_each_kind_has_its_rule(kind, yes, passed):
    council = session(delegates=5, statutory=6)
    voters = [council.chair, *council.delegates]
    present(council, *(voters[:3] if kind == MotionKind.PROCEDURAL else voters))
    motion = floor.open_motion(council.chair, council.meeting, title="Biểu quyết", kind=kind)
    for person in voters[:yes]:
        floor.cast_ballot(person, motion, Choice.FOR)
    assert floor.close_motion(council.chair, motion).passed is passed


def test_a_secret_ballot_records_who_voted_but_nowhere_how(caplog):
    council = session(delegates=3)
    present(council)
    alone, *others = council.delegates
    motion = floor.open_motion(council.chair, council.meeting, title="Miễn nhiệm đại biểu X", kind=MotionKind.DISMISSAL)
    assert motion.secret and motion.rule == MajorityRule.TWO_THIRDS
    caplog.set_level(logging.DEBUG)
    floor.cast_ballot(alone, motion, Choice.AGAINST)  # the only "against": what must not be traceable
    for person in others:
        floor.cast_ballot(person, motion, Choice.FOR)
    floor.close_motion(council.chair, motion)
    assert floor.tally(motion) == {"for": 2, "against": 1, "abstain": 0, "cast": 3}
    assert list(Ballot.objects.filter(motion=motion).values_list("choice", flat=True)) == ["", "", ""]
    seat = council.meeting.participants.get(user=alone)
    # Every row of every table: none that names the delegate (their seat or their account) holds a choice.
    choices = set(Choice.values) | {str(label) for label in Choice.labels}
    for model in apps.get_models():
        for row in json.loads(serializers.serialize("json", model._default_manager.all())):
            values = [str(v) for v in itertools.chain(row["fields"].values(), [row["pk"]])]
            names_them = (model._meta.label == "meetings.Participant" and row["pk"] == seat.pk) or any(
                field in row["fields"] and row["fields"][field] in (seat.pk, alone.pk)
                for field in ("participant", "user", "author")
            )
            if names_them:
                assert not choices & set(values), (model._meta.label, row)
    assert not any("against" in record.getMessage() for record in caplog.records)


def test_the_invitation_is_numbered_once_and_sent_to_each_invitee():
    council = session(delegates=2)
    council.delegates[1].email = ""
    council.delegates[1].save()
    for person in (council.chair, council.delegates[0]):
        person.email = f"{person.username}@example.org"
        person.save()
    sent, unreachable = invitations.issue_invitation(council.secretary, council.meeting)
    assert {p.user for p in sent} == {council.chair, council.delegates[0]} and [p.user for p in unreachable] == [
        council.delegates[1]
    ]
    council.meeting.refresh_from_db()
    assert council.meeting.invitation_symbol.endswith("/GM-HĐND")
    assert len(mail.outbox) == 2
    name, pdf, kind = mail.outbox[1].attachments[0]
    text = check_paper(pdf)
    for expected in (
        "GIẤY MỜI",
        f"Số: {council.meeting.invitation_symbol}",
        "Kính gửi: Ông/Bà",
        "Nghị quyết về đầu tư công",
        "Hội trường",
        "TM. THƯỜNG TRỰC HĐND",
        "CHỦ TỊCH",
        council.chair.get_full_name(),
        "Quét mã QR để mở kỳ họp",
    ):
        assert expected in text, expected
    symbol = council.meeting.invitation_symbol
    assert invitations.issue_invitation(council.secretary, council.meeting) == (
        [],
        [council.meeting.participants.get(user=council.delegates[1])],
    )
    council.meeting.refresh_from_db()
    assert council.meeting.invitation_symbol == symbol and len(mail.outbox) == 2
    with pytest.raises(NotAllowed):
        invitations.issue_invitation(council.delegates[0], council.meeting)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_ballot_counts_after_the_chair_closes_the_vote():
    """6 delegates voting while the chair closes, 20 rounds: every ballot is before the close or refused,
    and the stored result is the one the counted ballots give."""
    if connection.vendor != "postgresql":
        pytest.skip("the race needs PostgreSQL's row locks (SQLite serialises every writer)")
    council = session(delegates=6, statutory=7)
    present(council)
    for round_ in range(20):
        motion = floor.open_motion(council.chair, council.meeting, title=f"Vòng {round_}")
        voters = iter(council.delegates)

        def act(index=itertools.count()):
            if next(index) == 0:
                return floor.close_motion(council.chair, motion)
            return floor.cast_ballot(next(voters), motion, Choice.FOR)

        _results, errors = at_once(7, act)
        assert all(isinstance(error, NotAllowed) for error in errors), errors
        motion.refresh_from_db()
        ballots = Ballot.objects.filter(motion=motion)
        assert not ballots.filter(cast_at__gt=motion.closed_at).exists()
        assert motion.votes_for == ballots.count()
        assert motion.passed == (motion.votes_for * 2 > 7)
