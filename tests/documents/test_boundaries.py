from tests.boundaries import foreign_imports


def test_documents_build_on_the_shared_base_not_on_the_procedure_domain():
    assert foreign_imports("documents") == set()
