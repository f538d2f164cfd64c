"""A stand-in for the National Population Database on loopback, for the demo and the tests.

    python -m citizen_registry_adapter.fake_server --port 8765 [--mode slow --delay 3]

GET /citizens/<id> answers with the synthetic citizen's 20 fields (404 if unknown); GET /health
says the server is up. It can be told to misbehave, at start (--mode) or at run time with
POST /control {"mode": ..., "delay": s, "fail_next": n, "refuse_for": s}:
  normal     answer properly
  slow       wait `delay` seconds before answering
  error      answer 503
  malformed  answer 200 with a body that is not JSON
  refuse     stop listening (connections are refused); with `refuse_for`, listen again after that
`fail_next` makes only the next n citizen lookups answer 503, then behave by `mode`.
"""

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler

from adapter_kit.loopback import LoopbackServer

from .synthetic import population

MODES = ("normal", "slow", "error", "malformed", "refuse")


class FakeRegistry(LoopbackServer):
    """The server's state and lifecycle; listening can stop and restart on the same port."""

    handler_attribute = "registry"
    thread_name = "fake-registry"

    def __init__(self, host="127.0.0.1", port=0, *, api_key="", mode="normal", delay=5.0, citizens=None):
        super().__init__(host, port)
        self.api_key = api_key
        self.mode, self.delay, self.fail_next = mode, delay, 0
        self.citizens = citizens if citizens is not None else population()
        self.lookups = 0  # citizen requests received, for tests to count retries
        self.connections = 0  # TCP connections accepted, for tests of keep-alive
        self.last_purpose = None
        self._lock = threading.Lock()

    def set(self, *, mode=None, delay=None, fail_next=None, refuse_for=None):
        if mode is not None and mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        with self._lock:
            if delay is not None:
                self.delay = float(delay)
            if fail_next is not None:
                self.fail_next = int(fail_next)
            if mode is not None:
                self.mode = mode
        if mode == "refuse":
            self.go_down(refuse_for)

    def next_behaviour(self):
        with self._lock:
            self.lookups += 1
            if self.fail_next > 0:
                self.fail_next -= 1
                return "error"
            return self.mode


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the real registry's gateway offers
    disable_nagle_algorithm = True  # headers and body go out in two writes; don't wait 40 ms between them
    registry: FakeRegistry

    def setup(self):
        super().setup()
        self.registry.connections += 1

    def do_GET(self):
        if self.path == "/health":
            return self._send(200, {"status": "ok", "citizens": len(self.registry.citizens)})
        if not self.path.startswith("/citizens/"):
            return self._send(404, {"error": "not_found"})
        if self.registry.api_key and self.headers.get("X-API-Key") != self.registry.api_key:
            return self._send(401, {"error": "unauthorized"})
        # Like the real registry, no lookup without a stated purpose.
        self.registry.last_purpose = self.headers.get("X-Purpose")
        if not self.registry.last_purpose:
            return self._send(400, {"error": "purpose_required"})
        behaviour = self.registry.next_behaviour()
        if behaviour == "refuse":  # a kept-alive connection outlived the listener: drop it
            self.close_connection = True
            return
        if behaviour == "slow":
            time.sleep(self.registry.delay)
        if behaviour == "error":
            return self._send(503, {"error": "unavailable"})
        if behaviour == "malformed":
            return self._send_raw(200, b'{"personal_id": "0190900')
        record = self.registry.citizens.get(self.path.removeprefix("/citizens/"))
        if record is None:
            return self._send(404, {"error": "not_found"})
        return self._send(200, record.to_payload())

    def do_POST(self):
        if self.path != "/control":
            return self._send(404, {"error": "not_found"})
        try:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            self.registry.set(**{key: body.get(key) for key in ("mode", "delay", "fail_next", "refuse_for")})
        except (ValueError, TypeError) as error:
            return self._send(400, {"error": str(error)})
        return self._send(200, {"mode": self.registry.mode})

    def _send(self, status, payload):
        self._send_raw(status, json.dumps(payload, ensure_ascii=False).encode())

    def _send_raw(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # the server holds (synthetic) personal data: no access log with IDs in it


FakeRegistry.handler = _Handler  # defined after the class, which it refers to


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fake National Population Database on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--api-key", default="")
    parser.add_argument("--mode", choices=MODES, default="normal")
    parser.add_argument("--delay", type=float, default=5.0, help="seconds to wait in slow mode")
    args = parser.parse_args(argv)
    registry = FakeRegistry(args.host, args.port, api_key=args.api_key, mode=args.mode, delay=args.delay).start()
    if args.mode == "refuse":
        registry.stop()
    print(
        f"Fake population registry on {registry.url} ({len(registry.citizens)} citizens, mode {args.mode})", flush=True
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        registry.stop()


if __name__ == "__main__":
    main()
