import pytest

from citizen_registry_adapter.registry import get_registry
from portal.home.services import ensure_site


@pytest.fixture
def registry():
    """The in-process registry the portal uses in tests; set `.failure` to make it break."""
    registry = get_registry()
    yield registry
    registry.failure = None


@pytest.fixture
def site(world):
    """The Wagtail tree (home, catalog pages for the world's procedures, news, help)."""
    return ensure_site()


@pytest.fixture
def citizen_client(client, world):
    client.force_login(world.citizen)
    return client
