import pytest

from portal.home.services import ensure_site


@pytest.fixture
def site(world):
    """The Wagtail tree (home, catalog pages for the world's procedures, news, help)."""
    return ensure_site()


@pytest.fixture
def citizen_client(client, world):
    client.force_login(world.citizen)
    return client
