"""What the portal asks of the document interconnection axis, whichever client answers."""

from abc import ABC, abstractmethod
from dataclasses import dataclass

from adapter_kit.backends import backend


class AxisError(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class AxisUnavailable(AxisError):
    """No answer (down, timeout, circuit open, 5xx): send again later."""


class AxisRefused(AxisError):
    """The axis answered no (an unknown recipient, a malformed message): resending will not help."""


@dataclass(frozen=True)
class OutsideAgency:
    code: str
    name: str


class DocumentAxis(ABC):
    @abstractmethod
    def directory(self):
        """[OutsideAgency] the axis can deliver to."""

    @abstractmethod
    def send(self, envelope):
        """Deliver one envelope (messages.envelope); returns True if new, False if the axis had it."""

    @abstractmethod
    def statuses(self, message_ids):
        """{message id: status} as the recipients reported them (messages.STATUS)."""

    @abstractmethod
    def health(self):
        """(ok, detail) without side effects."""


def get_axis() -> DocumentAxis:
    """The client settings.DOCUMENT_AXIS names, kept for the process (its connection pool and circuit breaker)."""
    return backend("DOCUMENT_AXIS", {"memory": "document_exchange_adapter.memory.MemoryDocumentAxis"})
