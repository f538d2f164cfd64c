"""Numbers from an agency's registers (Decree 30/2020/NĐ-CP): the running "số đến" of an incoming
document and the number of an outgoing one."""

from dataclasses import dataclass

from django.utils import timezone

from documents.models import Direction, RegisterSequence
from government.calendar import LOCAL_TZ
from government.sequences import next_value


@dataclass(frozen=True)
class RegisterNumber:
    direction: str
    year: int
    number: int

    def __str__(self):
        # Outgoing numbers are written from 01 (Decree 30/2020, appendix I); incoming ones as counted.
        return f"{self.number:02d}" if self.direction == Direction.OUTGOING else str(self.number)


def take_number(agency, direction, at=None):
    """The next number of `agency`'s `direction` register for the year of `at` in Vietnam's time.

    Call it inside the transaction that records the document: a rolled-back record gives its number
    back, so the register stays consecutive; a committed number is never given again.
    """
    if direction not in Direction.values:
        raise ValueError(f"unknown register {direction!r}")
    year = (at or timezone.now()).astimezone(LOCAL_TZ).year
    number = next_value(
        RegisterSequence, {"agency_id": agency.pk, "direction": direction, "year": year}, value_column="last_number"
    )
    return RegisterNumber(direction, year, number)
