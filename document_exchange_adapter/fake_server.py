"""A stand-in for the national document interconnection axis on loopback, for the demo and the tests.

    python -m document_exchange_adapter.fake_server --port 8773 [--mode error]

GET  /directory  the outside agencies it can deliver to: {"agencies": [{"MaDinhDanh", "Ten"}]}
POST /documents  an envelope (messages.envelope); {"error_code": 0, "duplicate": bool}; an unknown
                 recipient is refused (error_code 2)
POST /statuses   {"MaThongDiep": [...]} → {"statuses": {id: "01"|"02"|"03"}}: each delivered document
                 is received at once, handled after `step` seconds, done after twice that, as a
                 recipient agency would report it
POST /control    {"mode": "normal"|"error", "step": seconds}
"""

import argparse
import base64
import threading
import time
from urllib.parse import urlsplit

from adapter_kit.loopback import LoopbackServer, QuietHandler, serve_until_interrupted

from .messages import REQUIRED

# Outside the province's system: ministries and a neighbouring province (identifiers are made up).
DIRECTORY = {
    "000.00.00.G12": "Bộ Tư pháp",
    "000.00.00.G09": "Bộ Nội vụ",
    "000.00.00.H06": "Ủy ban nhân dân tỉnh Bắc Kạn",
    "000.00.00.H55": "Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên",
}
MODES = ("normal", "error")


class FakeDocumentAxis(LoopbackServer):
    handler_attribute = "axis"
    thread_name = "fake-document-axis"

    def __init__(self, host="127.0.0.1", port=0, *, mode="normal", step=60.0):
        super().__init__(host, port)
        self.mode, self.step = mode, step
        self.received = {}  # message id → (envelope, time received)
        self._lock = threading.Lock()

    def record(self, envelope):
        with self._lock:
            if envelope["MaThongDiep"] in self.received:
                return False
            self.received[envelope["MaThongDiep"]] = (envelope, time.monotonic())
            return True

    def status(self, message_id):
        with self._lock:
            held = self.received.get(message_id)
        if held is None:
            return None
        age = time.monotonic() - held[1]
        return "03" if age >= 2 * self.step else "02" if age >= self.step else "01"


class _Handler(QuietHandler):
    axis: FakeDocumentAxis

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == "/health":
            return self._json(200, {"status": "ok", "documents": len(self.axis.received)})
        if self.axis.mode == "error":
            return self._json(503, {"error_code": 503, "message": "unavailable"})
        if path == "/directory":
            agencies = [{"MaDinhDanh": code, "Ten": name} for code, name in DIRECTORY.items()]
            return self._json(200, {"error_code": 0, "agencies": agencies})
        return self._json(404, {"error_code": 404, "message": "not found"})

    def do_POST(self):
        path = urlsplit(self.path).path
        try:
            data = self._read_json()
        except ValueError:
            return self._json(400, {"error_code": 1, "message": "body is not JSON"})
        if path == "/control":
            if data.get("mode") in MODES:
                self.axis.mode = data["mode"]
            if data.get("step") is not None:
                self.axis.step = float(data["step"])
            return self._json(200, {"error_code": 0, "mode": self.axis.mode})
        if self.axis.mode == "error":
            return self._json(503, {"error_code": 503, "message": "unavailable"})
        if path == "/documents":
            return self._document(data)
        if path == "/statuses":
            ids = data.get("MaThongDiep") if isinstance(data, dict) else None
            if not isinstance(ids, list):
                return self._json(400, {"error_code": 1, "message": "MaThongDiep must be a list"})
            statuses = {str(i): s for i in ids if (s := self.axis.status(str(i))) is not None}
            return self._json(200, {"error_code": 0, "statuses": statuses})
        return self._json(404, {"error_code": 404, "message": "not found"})

    def _document(self, envelope):
        if not isinstance(envelope, dict) or any(envelope.get(key) in (None, "") for key in REQUIRED):
            return self._json(400, {"error_code": 1, "message": f"thiếu trường bắt buộc: {', '.join(REQUIRED)}"})
        if envelope["MaDinhDanhNoiNhan"] not in DIRECTORY:
            return self._json(400, {"error_code": 2, "message": "nơi nhận không có trên trục"})
        try:
            content = base64.b64decode(envelope["TepVanBan"]["NoiDung"], validate=True)
        except (ValueError, TypeError, KeyError):
            return self._json(400, {"error_code": 3, "message": "tệp văn bản không đọc được"})
        if not content.startswith(b"%PDF"):
            return self._json(400, {"error_code": 3, "message": "tệp văn bản không phải PDF"})
        new = self.axis.record(envelope)
        return self._json(200, {"error_code": 0, "message": "OK", "duplicate": not new})


FakeDocumentAxis.handler = _Handler


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fake national document interconnection axis on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8773)
    parser.add_argument("--mode", choices=MODES, default="normal")
    parser.add_argument("--step", type=float, default=60.0, help="seconds from received to handling, and to done")
    args = parser.parse_args(argv)
    axis = FakeDocumentAxis(args.host, args.port, mode=args.mode, step=args.step).start()
    serve_until_interrupted(axis, f"Fake document axis on {axis.url} (mode {args.mode})")


if __name__ == "__main__":
    main()
