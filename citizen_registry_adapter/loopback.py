"""What every fake outside system shares: an HTTP server on loopback, in its own thread, that can
stop and start again on the same port (the "down for a while" case). No Django: the fakes start on
a bare interpreter."""

import threading
from http.server import ThreadingHTTPServer


class LoopbackServer:
    """Subclasses set `handler` (a BaseHTTPRequestHandler class) and `handler_attribute` (the name
    under which the handler reaches the server's state), and call super().__init__(host, port)."""

    handler = None
    handler_attribute = "server_state"
    thread_name = "fake-server"

    def __init__(self, host="127.0.0.1", port=0):
        self.host, self.port = host, port
        self._server = self._thread = None

    @property
    def url(self):
        return f"http://{self.host}:{self.port}"

    def start(self):
        handler = type("Handler", (self.handler,), {self.handler_attribute: self})
        self._server = ThreadingHTTPServer((self.host, self.port), handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=self.thread_name, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
