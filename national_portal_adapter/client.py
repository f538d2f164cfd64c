"""What the portal asks of the National Public Service Portal, whichever client answers."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


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


@cache
def _portal(backend, url, api_key, connect, read, cooldown):
    return import_string(backend)(
        url, api_key=api_key, connect_timeout=connect, read_timeout=read, breaker_cooldown=cooldown
    )


def get_portal():
    """One client per configuration, kept for the process (its connection pool and circuit breaker)."""
    config = settings.NATIONAL_PORTAL
    return _portal(
        config["BACKEND"],
        config["URL"],
        config["API_KEY"],
        config["CONNECT_TIMEOUT"],
        config["READ_TIMEOUT"],
        config["BREAKER_COOLDOWN"],
    )
