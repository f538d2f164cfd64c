"""What the portal asks of the document interconnection axis, whichever client answers."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


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


@cache
def _axis(backend, url, api_key, connect, read):
    return import_string(backend)(url, api_key=api_key, connect_timeout=connect, read_timeout=read)


def get_axis():
    config = settings.DOCUMENT_AXIS
    return _axis(config["BACKEND"], config["URL"], config["API_KEY"], config["CONNECT_TIMEOUT"], config["READ_TIMEOUT"])
