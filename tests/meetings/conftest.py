import pytest

from tests.meetings.factories import session


@pytest.fixture
def council(db):
    return session()
