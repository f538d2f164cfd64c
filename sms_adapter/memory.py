"""In-process gateways: the console for `make run` (a developer reads the message in the terminal)
and a list for the tests."""

from adapter_kit.backends import InProcess

from .client import SmsGateway


class ConsoleSmsGateway(InProcess, SmsGateway):
    def send(self, phone, text):
        print(f"[SMS tới {phone}] {text}", flush=True)

    def health(self):
        return True, "console"


class MemorySmsGateway(InProcess, SmsGateway):
    # On the class: a test reads what any instance (in any backend cache) sent, and clears it.
    outbox: list[tuple[str, str]] = []

    def send(self, phone, text):
        MemorySmsGateway.outbox.append((phone, text))

    def health(self):
        return True, "in-process"
