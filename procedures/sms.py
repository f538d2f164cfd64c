"""Text messages through an SMS gateway, chosen by settings.SMS_BACKEND.

The real gateway (a telecom's brand-name SMS API) plugs in behind `SmsGateway`; development
prints to the console and tests keep messages in memory.
"""

import logging
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("procedures.sms")


class SmsGateway(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class ConsoleSmsGateway:
    def send(self, phone, text):
        print(f"[SMS tới {phone}] {text}", flush=True)


class MemorySmsGateway:
    outbox: list[tuple[str, str]] = []

    def send(self, phone, text):
        MemorySmsGateway.outbox.append((phone, text))


def get_sms_gateway():
    return import_string(settings.SMS_BACKEND)()
