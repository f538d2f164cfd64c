"""Whether the local services `.ci/run` starts are answering, for tests that need them to say why they skip."""

import socket

import pytest


def _answers(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


needs_redis = pytest.mark.skipif(not _answers(6379), reason="needs Redis at 127.0.0.1:6379 (.ci/run starts it)")
