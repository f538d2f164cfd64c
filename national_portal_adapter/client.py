"""What the portal asks of the National Public Service Portal, whichever client answers."""

from abc import ABC, abstractmethod
from dataclasses import dataclass

from adapter_kit.backends import backend


class PortalError(Exception):
    """A send or query that did not go through; `reason` is for the log and the dead-letter list."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class PortalUnavailable(PortalError):
    """No answer (down, timeout, circuit open, 5xx): try again later."""


class PortalRefused(PortalError):
    """The portal answered and said no (a malformed message): retrying the same message will not help."""


@dataclass(frozen=True)
class Receipt:
    message_id: str
    duplicate: bool  # the portal had it already (a re-send after a lost answer)


class NationalPortal(ABC):
    @abstractmethod
    def send(self, message):
        """Deliver one status message (a dict from messages.status_message). Returns a Receipt."""

    @abstractmethod
    def held(self, since, until):
        """What the portal holds for dossiers changed in [since, until): {dossier code: [status codes in
        the order of their times]}."""

    @abstractmethod
    def health(self):
        """(ok, detail) without side effects."""


def get_portal() -> NationalPortal:
    """The client settings.NATIONAL_PORTAL names, kept for the process (its connection pool and circuit breaker)."""
    return backend("NATIONAL_PORTAL", {"memory": "national_portal_adapter.memory.MemoryNationalPortal"})
