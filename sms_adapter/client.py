"""What the portal asks of an SMS gateway, whichever backend answers."""

from abc import ABC, abstractmethod

from adapter_kit.backends import backend

BACKENDS = {
    "console": "sms_adapter.memory.ConsoleSmsGateway",
    "memory": "sms_adapter.memory.MemorySmsGateway",
    "http": "sms_adapter.http_client.HttpSmsGateway",
}


class SmsError(Exception):
    """The gateway did not take the message (down, timeout, refused); the Celery task retries."""


class SmsUnavailable(SmsError, OSError):
    # An OSError too, so that the notification task's retry on OSError covers a gateway outage.
    pass


class SmsRefused(SmsError):
    """The gateway answered no (a malformed number, an unknown brand name): a retry will not help."""


class SmsGateway(ABC):
    @abstractmethod
    def send(self, phone: str, text: str) -> None:
        """Hand one message over to the gateway, or raise SmsError."""

    @abstractmethod
    def health(self) -> tuple[bool, str]:
        """(ok, detail) without sending anything."""


def get_sms_gateway() -> SmsGateway:
    return backend("SMS", BACKENDS)
