"""Against a real Elasticsearch: runs only when ELASTICSEARCH_URL is set (none can run on this machine)."""

import os
import uuid

import pytest

from search.backends.base import DossierQuery
from search.backends.database import DatabaseBackend
from search.backends.elastic import ElasticBackend
from tests.factories import ProcedureFactory, received

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"), reason="needs an Elasticsearch server (ELASTICSEARCH_URL)"
    ),
    pytest.mark.django_db,
]


@pytest.fixture
def backend():
    backend = ElasticBackend(
        os.environ["ELASTICSEARCH_URL"], prefix=f"motcua-test-{uuid.uuid4().hex[:8]}", fallback=DatabaseBackend()
    )
    yield backend
    backend.client.indices.delete(index=f"{backend.prefix}-*")


def test_reindex_search_and_swap_aliases(backend, world):
    ProcedureFactory(name="Đăng ký kết hôn")
    dossier = received(world)
    backend.reindex()
    backend.client.indices.refresh(index=f"{backend.prefix}-*")
    assert backend.search_procedures("DANG KY ket ho").total == 1
    assert backend.search_dossiers(
        DossierQuery(name="nguyen van"), visible=None, agency_id=world.commune_agency.pk
    ).ids == [dossier.pk]
    assert (
        backend.search_dossiers(
            DossierQuery(name="nguyen van"), visible=None, agency_id=world.other_commune_agency.pk
        ).ids
        == []
    )
    # received 23/11/2026 with a five-day route: open past due by 1/12/2026, not before.
    import datetime as dt

    after, before = (dt.datetime(2026, 12, d, tzinfo=dt.timezone.utc) for d in (10, 1))
    assert backend.search_dossiers(DossierQuery(timeliness="overdue", now=after), visible=None).ids == [dossier.pk]
    assert backend.search_dossiers(DossierQuery(timeliness="overdue", now=before), visible=None).ids == []
    first = set(backend.client.indices.get_alias(name=backend.alias("procedures")))
    backend.reindex()
    second = set(backend.client.indices.get_alias(name=backend.alias("procedures")))
    assert first and second and first != second
    assert not backend.client.indices.exists(index=list(first))


def test_official_documents_are_found_without_diacritics_in_their_own_agency_only(backend):
    from documents.services import incoming
    from tests.documents.factories import entry, scan, two_offices

    offices = two_offices()
    letter = incoming.register_incoming(offices.ubnd.clerk, entry(excerpt="Về việc quản lý đất đai"), files=[scan()])
    backend.reindex()
    backend.client.indices.refresh(index=f"{backend.prefix}-*")
    assert backend.search_official_documents("QUAN LY dat da", kind="incoming", agency_id=offices.ubnd.agency.pk) == [
        letter.pk
    ]
    assert backend.search_official_documents("dat dai", kind="incoming", agency_id=offices.so.agency.pk) == []
    assert backend.search_official_documents("dat dai", kind="outgoing", agency_id=offices.ubnd.agency.pk) == []
