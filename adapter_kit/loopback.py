"""What every fake outside system shares: an HTTP server on loopback, in its own thread, that can
stop and start again on the same port (the "down for a while" case). No Django: the fakes start on
a bare interpreter."""

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (a timeout test, a browser that moved on) is not the fake's error:
    no traceback for it. Printing one in the server's thread also ran into CPython 3.11's AST race
    (gh-106905: traceback formatting parses source with `ast`) while a test parsed files in another."""

    def handle_error(self, request, client_address):  # type: ignore[no-untyped-def]
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


class LoopbackServer:
    """Subclasses set `handler` (a BaseHTTPRequestHandler class) and `handler_attribute` (the name
    under which the handler reaches the server's state), and call super().__init__(host, port)."""

    handler: type[BaseHTTPRequestHandler] | None = None
    handler_attribute = "server_state"
    thread_name = "fake-server"

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host, self.port = host, port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> "LoopbackServer":
        assert self.handler is not None, "a LoopbackServer subclass sets its handler"
        handler = type("Handler", (self.handler,), {self.handler_attribute: self})
        server = self._server = _QuietServer((self.host, self.port), handler)
        server.daemon_threads = True
        self.port = server.server_address[1]
        thread = self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=self.thread_name, daemon=True
        )
        thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "LoopbackServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def go_down(self, seconds: float | None = None) -> None:
        """Stop listening (connections are refused); with `seconds`, listen again after that. From another
        thread: shutdown() waits for serve_forever, which may be the caller's own request."""

        def down() -> None:
            self.stop()
            if seconds:
                time.sleep(float(seconds))
                self.mode = "normal"
                self.start()

        threading.Thread(target=down, daemon=True).start()


class QuietHandler(BaseHTTPRequestHandler):
    """Keep-alive HTTP/1.1 with JSON and HTML answers, and no access log (the fakes hold synthetic
    personal data in their addresses)."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; don't wait 40 ms between them

    def _read_json(self) -> object:
        """The request's JSON body ({} when empty); ValueError when it is not JSON."""
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")

    def _json(self, status: int, payload: object) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _html(self, status: int, text: str) -> None:
        self._send(status, text.encode(), "text/html; charset=utf-8")

    def _send(self, status: int, raw: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(raw)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(raw)

    def _redirect(self, location: str, status: int = 302) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_until_interrupted(server: LoopbackServer, banner: str) -> None:
    """The fakes' command line: start, say where, run until Ctrl-C."""
    print(banner, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
