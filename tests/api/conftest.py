import pytest
from rest_framework.test import APIClient

from tests.vneid_adapter.conftest import _fake_vneid, vneid  # noqa: F401  (the fake provider, for tokens)


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def citizen_api(world):
    client = APIClient()
    client.force_login(world.citizen)  # a session, as the portal's own pages have (demo password: level 2)
    return client
