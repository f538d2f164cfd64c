"""An in-process national portal for the test suite: records messages once per id, can be told to fail."""

import threading

from adapter_kit.backends import InProcess

from .client import NationalPortal, Receipt


class MemoryNationalPortal(InProcess, NationalPortal):
    def __init__(self, url="", **kwargs):
        self.received = {}
        self.failure = None  # a PortalError to raise instead of answering
        self._lock = threading.Lock()

    def send(self, message):
        if self.failure is not None:
            raise self.failure
        with self._lock:
            duplicate = message["MaThongDiep"] in self.received
            self.received.setdefault(message["MaThongDiep"], message)
        return Receipt(message["MaThongDiep"], duplicate)

    def held(self, since, until):
        if self.failure is not None:
            raise self.failure
        start, end = since.strftime("%Y%m%d%H%M%S"), until.strftime("%Y%m%d%H%M%S")
        touched = {m["MaHoSo"] for m in self.received.values() if start <= m["ThoiDiemXuLy"] < end}
        held = {}
        for message in sorted(self.received.values(), key=lambda m: m["ThoiDiemXuLy"]):
            if message["MaHoSo"] in touched:
                held.setdefault(message["MaHoSo"], []).append(message["TrangThaiHoSo"])
        return held

    def health(self):
        return (self.failure is None), ("in-process" if self.failure is None else str(self.failure))

    def reset(self):
        self.received.clear()
        self.failure = None
