"""A stand-in for the National Public Service Portal on loopback, for the demo and the tests.

    python -m national_portal_adapter.fake_server --port 8771 [--mode slow --delay 3]

POST /add and /update take a status message (national_portal_adapter/messages.py) and answer
{"error_code": 0, "message": ..., "duplicate": bool}: a message id seen before is recorded once.
GET /dossiers?tu=yyyyMMddHHmmss&den=... answers what it holds, {"dossiers": {code: [status, ...]}}.
It can be told to misbehave at start (--mode) or with POST /control {"mode", "delay", "refuse_for"}:
  normal       behave
  slow         wait `delay` seconds before answering
  error        answer 503 without recording
  drop_answer  record the message, then close the connection without answering (the lost answer)
  refuse       stop listening; with `refuse_for` seconds, listen again after that
"""

import argparse
import json
import threading
import time
from urllib.parse import parse_qs, urlsplit

from adapter_kit.loopback import LoopbackServer, QuietHandler, serve_until_interrupted

MODES = ("normal", "slow", "error", "drop_answer", "refuse")
REQUIRED = ("MaThongDiep", "MaHoSo", "TrangThaiHoSo", "ThoiDiemXuLy")


class FakeNationalPortal(LoopbackServer):
    handler_attribute = "portal"
    thread_name = "fake-national-portal"

    def __init__(self, host="127.0.0.1", port=0, *, mode="normal", delay=3.0):
        super().__init__(host, port)
        self.mode, self.delay = mode, delay
        self.received = {}  # message id → message, in arrival order
        self.posts = 0  # every POST, duplicates included
        self._lock = threading.Lock()

    def set(self, *, mode=None, delay=None, refuse_for=None):
        if mode is not None and mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        if delay is not None:
            self.delay = float(delay)
        if mode is not None:
            self.mode = mode
        if mode == "refuse":
            self.go_down(refuse_for)

    def record(self, message):
        """True if new, False if this message id was recorded before."""
        with self._lock:
            self.posts += 1
            if message["MaThongDiep"] in self.received:
                return False
            self.received[message["MaThongDiep"]] = message
            return True

    def statuses(self, since=None, until=None):
        """{dossier code: [status codes in time order]} for dossiers with a message in the period."""
        with self._lock:
            messages = list(self.received.values())
        touched = {
            m["MaHoSo"]
            for m in messages
            if (since is None or m["ThoiDiemXuLy"] >= since) and (until is None or m["ThoiDiemXuLy"] < until)
        }
        held = {}
        # A dossier's statuses by their time (ThoiDiemXuLy), arrival breaking ties: a status re-sent late
        # takes its place in the history.
        for message in sorted(messages, key=lambda m: m["ThoiDiemXuLy"]):
            if message["MaHoSo"] in touched:
                held.setdefault(message["MaHoSo"], []).append(message["TrangThaiHoSo"])
        return held


class _Handler(QuietHandler):
    portal: FakeNationalPortal

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/health":
            return self._json(200, {"status": "ok", "messages": len(self.portal.received)})
        if self.portal.mode == "slow":
            time.sleep(self.portal.delay)
        if self.portal.mode == "error":
            return self._json(503, {"error_code": 503, "message": "unavailable"})
        if url.path == "/dossiers":
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            held = self.portal.statuses(query.get("tu"), query.get("den"))
            return self._json(200, {"error_code": 0, "dossiers": held})
        return self._json(404, {"error_code": 404, "message": "not found"})

    def do_POST(self):
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if url.path == "/control":
            try:
                data = json.loads(body or b"{}")
                self.portal.set(mode=data.get("mode"), delay=data.get("delay"), refuse_for=data.get("refuse_for"))
            except (ValueError, TypeError, AttributeError) as error:
                return self._json(400, {"error_code": 400, "message": str(error)})
            return self._json(200, {"error_code": 0, "mode": self.portal.mode})
        if url.path not in ("/add", "/update"):
            return self._json(404, {"error_code": 404, "message": "not found"})
        mode = self.portal.mode
        if mode == "slow":
            time.sleep(self.portal.delay)
        if mode == "error":
            return self._json(503, {"error_code": 503, "message": "unavailable"})
        try:
            message = json.loads(body)
            assert isinstance(message, dict) and all(message.get(k) not in (None, "") for k in REQUIRED)
        except (ValueError, AssertionError):
            return self._json(400, {"error_code": 1, "message": f"thiếu trường bắt buộc: {', '.join(REQUIRED)}"})
        new = self.portal.record(message)
        if mode == "drop_answer":
            self.close_connection = True  # recorded, but the caller never hears so
            return
        return self._json(200, {"error_code": 0, "message": "OK", "duplicate": not new})


FakeNationalPortal.handler = _Handler  # defined after the class, which it refers to


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fake National Public Service Portal on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8771)
    parser.add_argument("--mode", choices=MODES, default="normal")
    parser.add_argument("--delay", type=float, default=3.0)
    args = parser.parse_args(argv)
    portal = FakeNationalPortal(args.host, args.port, mode=args.mode, delay=args.delay).start()
    if args.mode == "refuse":
        portal.stop()
    serve_until_interrupted(portal, f"Fake national portal on {portal.url} (mode {args.mode})")


if __name__ == "__main__":
    main()
