"""The demo session `make run` seeds: made once through the services, held again when it is over."""

import datetime as dt

import pytest
from django.utils import timezone

from demo.meetings import DELEGATES, seed
from meetings.models import Meeting
from meetings.services import floor
from tests.clock import HARD_MOMENTS
from tests.factories import AgencyFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("moment", HARD_MOMENTS, ids=lambda moment: f"{moment:%Y-%m-%d %H:%M}")
def test_the_demo_session_is_made_once_and_held_again_when_over(time_machine, moment):
    """Under way whenever `make run` seeds it: on a Sunday, at 00:10 on New Year's Day, in Tết."""
    time_machine.move_to(moment)
    AgencyFactory(unit=UnitFactory(level="district", short_name="Phú Bình"))
    logins, meeting, created = seed()
    assert created and len(logins) == 2 + len(DELEGATES)
    assert meeting.participants.filter(role="delegate").count() == len(DELEGATES)
    assert [g.members.count() for g in meeting.groups.all()] == [3, 3]
    draft = meeting.items.get(position=2).documents.get(kind="main")
    assert draft.current.number == 2 and "Điều 3" in draft.current.change_note
    assert meeting.starts_at <= timezone.now() < meeting.ends_at
    assert meeting.agency.is_council and meeting.agency.statutory_members == 9
    agenda, election = meeting.motions.order_by("pk")
    assert agenda.passed and not agenda.secret and agenda.votes_for == 6  # 6 of the 6 present
    assert election.secret and election.passed and election.votes_for == 5  # 5 of the 9 delegates: over half
    assert set(election.ballots.values_list("choice", flat=True)) == {""}
    assert meeting.participants.filter(checked_in_at__isnull=True, role="delegate").count() == 1
    assert len(floor.speech_queue(meeting)) == 2 and meeting.groups.get(name="Tổ 1").summary
    _logins, again, created = seed()
    assert not created and again == meeting and Meeting.objects.count() == 1
    later = timezone.now() + dt.timedelta(days=10)
    _logins, held_again, _created = seed(now=later)
    held_again.refresh_from_db()
    assert held_again.starts_at <= later < held_again.ends_at
