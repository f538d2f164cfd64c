"""A new appointment given with an apology is a moment the desk is open, within a year (issue 33, 6;
issue 31, 3): not the year 9999, not a Saturday, not 21:00."""

import datetime as dt

import pytest

from procedures import services
from procedures.exceptions import TransitionNotAllowed
from tests.factories import RECEIVED_AT, local, received

pytestmark = pytest.mark.django_db
AT = RECEIVED_AT + dt.timedelta(hours=2)  # Monday 23 November 2026, 10:00


def apologise(world, dossier, moment):
    return services.issue_apology(dossier, world.xa_motcua, new_appointment_at=moment, reason="Chờ xác minh", at=AT)


@pytest.mark.parametrize(
    "moment, message",
    [
        (local(9999, 12, 30, 9, 0), "không được quá một năm"),
        (local(2027, 12, 1, 9, 0), "không được quá một năm"),
        (local(2026, 11, 28, 9, 0), "(Thứ Bảy). Thời điểm làm việc gần nhất: 07:30 30/11/2026"),
        (local(2026, 11, 27, 21, 0), "(ngoài giờ hành chính). Thời điểm làm việc gần nhất: 07:30 30/11/2026"),
        (local(2026, 11, 27, 12, 0), "ngoài giờ hành chính"),  # the lunch break
    ],
)
def test_a_date_the_desk_is_closed_is_refused_with_the_next_working_moment(world, moment, message):
    dossier = received(world, procedure=world.simple)
    before = dossier.appointment_at
    with pytest.raises(TransitionNotAllowed, match=message.replace("(", r"\(").replace(")", r"\)")):
        apologise(world, dossier, moment)
    dossier.refresh_from_db()
    assert dossier.appointment_at == before and not dossier.events.filter(action="issue_apology").exists()


@pytest.mark.parametrize("moment", [local(2026, 11, 27, 17, 0), local(2026, 11, 30, 7, 30), local(2027, 11, 22, 9, 0)])
def test_a_working_moment_within_a_year_is_taken(world, moment):
    dossier = apologise(world, received(world, procedure=world.simple), moment)
    assert dossier.appointment_at == moment
