"""Numbers from an agency's registers (Decree 30/2020/NĐ-CP): the running "số đến" of an incoming
document and the number of an outgoing one."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import Direction, RegisterSequence
from government.calendar import LOCAL_TZ
from government.exceptions import DomainError
from government.sequences import next_value


class RegisterClosed(DomainError):
    """The agency ended in a reorganisation: its registers closed with it."""


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
    at = at or timezone.now()
    if agency.valid_until is not None and at >= agency.valid_until:
        raise RegisterClosed(
            _("Sổ văn bản của %(agency)s đã khóa từ %(day)s do sắp xếp đơn vị; văn bản vào sổ của cơ quan kế thừa.")
            % {"agency": agency.name, "day": f"{agency.valid_until.astimezone(LOCAL_TZ):%d/%m/%Y}"}
        )
    year = at.astimezone(LOCAL_TZ).year
    number = next_value(
        RegisterSequence, {"agency_id": agency.pk, "direction": direction, "year": year}, value_column="last_number"
    )
    return RegisterNumber(direction, year, number)
