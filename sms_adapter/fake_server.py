"""A stand-in for a brand-name SMS gateway on loopback, for the tests and for trying the HTTP path.

    python -m sms_adapter.fake_server --port 8774 [--api-key KEY] [--mode error]

POST /v1/sms     {"brandname", "phone", "text"} with X-API-Key → {"error_code": 0, "message_id"};
                 a number that is not a Vietnamese mobile number is refused (error_code 2)
GET  /v1/sms     what it has taken: {"messages": [{"phone", "text", "brandname"}]}
POST /control    {"mode": "normal"|"error"}
"""

import argparse
import re
import threading
from urllib.parse import urlsplit

from adapter_kit.loopback import LoopbackServer, QuietHandler, serve_until_interrupted

MODES = ("normal", "error")
MOBILE = re.compile(r"^(0|\+?84)(3|5|7|8|9)\d{8}$")


class FakeSmsGateway(LoopbackServer):
    handler_attribute = "gateway"
    thread_name = "fake-sms-gateway"

    def __init__(self, host="127.0.0.1", port=0, *, api_key="", mode="normal"):
        super().__init__(host, port)
        self.api_key, self.mode = api_key, mode
        self.messages = []
        self._lock = threading.Lock()

    def take(self, message):
        with self._lock:
            self.messages.append(message)
            return len(self.messages)


class _Handler(QuietHandler):
    gateway: FakeSmsGateway

    def _allowed(self):
        return not self.gateway.api_key or self.headers.get("X-API-Key") == self.gateway.api_key

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == "/health":
            return self._json(200, {"status": "ok", "messages": len(self.gateway.messages)})
        if not self._allowed():
            return self._json(401, {"error_code": 401, "message": "sai khóa"})
        if path == "/v1/sms":
            return self._json(200, {"error_code": 0, "messages": list(self.gateway.messages)})
        return self._json(404, {"error_code": 404, "message": "not found"})

    def do_POST(self):
        path = urlsplit(self.path).path
        try:
            data = self._read_json()
        except ValueError:
            return self._json(400, {"error_code": 1, "message": "body is not JSON"})
        if path == "/control":
            if isinstance(data, dict) and data.get("mode") in MODES:
                self.gateway.mode = data["mode"]
            return self._json(200, {"error_code": 0, "mode": self.gateway.mode})
        if not self._allowed():
            return self._json(401, {"error_code": 401, "message": "sai khóa"})
        if self.gateway.mode == "error":
            return self._json(503, {"error_code": 503, "message": "unavailable"})
        if path != "/v1/sms":
            return self._json(404, {"error_code": 404, "message": "not found"})
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in ("phone", "text")):
            return self._json(400, {"error_code": 1, "message": "thiếu số điện thoại hoặc nội dung"})
        if not MOBILE.match(data["phone"].replace(" ", "")):
            return self._json(400, {"error_code": 2, "message": "số điện thoại không hợp lệ"})
        number = self.gateway.take(
            {"phone": data["phone"], "text": data["text"], "brandname": str(data.get("brandname", ""))}
        )
        return self._json(200, {"error_code": 0, "message_id": f"SMS{number:08d}"})


FakeSmsGateway.handler = _Handler


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fake brand-name SMS gateway on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8774)
    parser.add_argument("--api-key", default="")
    parser.add_argument("--mode", choices=MODES, default="normal")
    args = parser.parse_args(argv)
    gateway = FakeSmsGateway(args.host, args.port, api_key=args.api_key, mode=args.mode).start()
    serve_until_interrupted(gateway, f"Fake SMS gateway on {gateway.url} (mode {args.mode})")


if __name__ == "__main__":
    main()
