import pytest

from tests.documents.factories import two_offices


@pytest.fixture
def offices(db):
    return two_offices()
