"""An in-process axis for the test suite: knows the fake server's directory, records envelopes once
per message id, reports statuses it is told, can be told to fail."""

import threading

from adapter_kit.backends import InProcess

from .client import AxisRefused, DocumentAxis, OutsideAgency
from .fake_server import DIRECTORY


class MemoryDocumentAxis(InProcess, DocumentAxis):
    def __init__(self, url="", **kwargs):
        self.received = {}
        self.reported = {}  # message id → status, set by a test
        self.failure = None  # an AxisError to raise instead of answering
        self._lock = threading.Lock()

    def directory(self):
        self._fail()
        return [OutsideAgency(code, name) for code, name in DIRECTORY.items()]

    def send(self, envelope):
        self._fail()
        if envelope["MaDinhDanhNoiNhan"] not in DIRECTORY:
            raise AxisRefused("nơi nhận không có trên trục")
        with self._lock:
            new = envelope["MaThongDiep"] not in self.received
            self.received.setdefault(envelope["MaThongDiep"], envelope)
        return new

    def statuses(self, message_ids):
        self._fail()
        return {i: self.reported.get(i, "received") for i in message_ids if i in self.received}

    def health(self):
        return self.failure is None, "in-process"

    def reset(self):
        self.received.clear()
        self.reported.clear()
        self.failure = None

    def _fail(self):
        if self.failure is not None:
            raise self.failure
