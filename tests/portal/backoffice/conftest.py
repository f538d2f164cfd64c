import pytest
from django.test import Client

from tests.factories import sign_in_verified


@pytest.fixture
def staff_client(world):
    """staff_client("xa_motcua") → a client signed in as that `world` user, second factor passed."""

    def make(name):
        return sign_in_verified(Client(), getattr(world, name))

    return make
