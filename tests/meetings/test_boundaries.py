from tests.boundaries import foreign_imports


def test_meetings_build_on_the_shared_base_only():
    assert foreign_imports("meetings") == set()
