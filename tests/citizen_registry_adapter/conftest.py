import logging

import pytest

from citizen_registry_adapter.fake_server import FakeRegistry
from citizen_registry_adapter.http_client import HttpRegistry

# Small enough that the failure tests run in well under a second each.
FAST = dict(
    connect_timeout=0.3,
    read_timeout=0.3,
    total_timeout=0.8,
    retries=2,
    backoff=0.01,
    breaker_failures=3,
    breaker_cooldown=0.3,
    cache_ttl=0,
)


@pytest.fixture
def fake_registry():
    with FakeRegistry(api_key="test-key") as registry:
        yield registry


@pytest.fixture
def make_client():
    clients = []

    def make(url, **options):
        client = HttpRegistry(url, api_key=options.pop("api_key", "test-key"), **{**FAST, **options})
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def lookup_log():
    """The lookup audit lines (that logger does not propagate, so caplog alone would not see them)."""

    class Collect(logging.Handler):
        def __init__(self):
            super().__init__()
            self.lines = []

        def emit(self, record):
            self.lines.append(record.getMessage())

    handler, logger = Collect(), logging.getLogger("citizen_registry_adapter.lookups")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


@pytest.fixture(autouse=True)
def _adapter_alone():
    """The adapter is tested on its own: the portal's record of look-ups (privacy/) is not listening."""
    from citizen_registry_adapter.audit import lookup_logged

    lookup_logged.disconnect(dispatch_uid="privacy.record_lookup")
    yield
    from privacy.services import record_lookup

    lookup_logged.connect(record_lookup, dispatch_uid="privacy.record_lookup")
