"""The Elasticsearch backend against its contract: mappings, the query it sends, the fallback.

No Elasticsearch server can run here; `test_elastic_integration.py` runs against one when
ELASTICSEARCH_URL is set.
"""

import logging
import socket

import pytest

from government.collation import sort_string
from search.backends.base import DossierQuery
from search.backends.database import DatabaseBackend
from search.backends.elastic import ElasticBackend
from search.documents import DossierDocument, OfficialDocument, ProcedureDocument
from tests.factories import ProcedureFactory, received


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def backend():
    return ElasticBackend(f"http://127.0.0.1:{closed_port()}", prefix="thu", timeout=0.5, fallback=DatabaseBackend())


def test_the_index_folds_vietnamese_with_lowercase_and_asciifolding():
    body = ProcedureDocument._index.clone(name="x").to_dict()
    assert body["settings"]["analysis"]["analyzer"]["vietnamese_folded"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    }
    properties = body["mappings"]["properties"]
    assert properties["name"] == {"type": "text", "analyzer": "vietnamese_folded"}
    assert properties["levels"] == {"type": "keyword"} and properties["point"] == {"type": "keyword"}
    dossier = DossierDocument._index.clone(name="y").to_dict()["mappings"]["properties"]
    assert dossier["code"] == {"type": "keyword"} and dossier["personal_id"] == {"type": "keyword"}
    assert dossier["name"]["analyzer"] == "vietnamese_folded" and dossier["received_at"] == {"type": "date"}


def test_the_procedure_query_sent(backend):
    body = backend.procedure_search("Đăng ký KHAI sinh", level="commune", field="3", offset=20, limit=20).to_dict()
    assert body["query"]["bool"]["must"] == [
        {
            "multi_match": {
                "query": "dang ky khai sinh",
                "type": "bool_prefix",
                "operator": "and",
                "fields": ["name^3", "body"],
            }
        }
    ]
    assert {"term": {"active": "yes"}} in body["query"]["bool"]["filter"]
    assert {"term": {"levels": "commune"}} in body["query"]["bool"]["filter"]
    assert {"term": {"field": "3"}} in body["query"]["bool"]["filter"]
    assert set(body["aggs"]) == {"level", "field", "point"}
    assert (body["from"], body["size"], body["track_total_hits"]) == (20, 20, True)
    assert backend.procedure_search("").to_dict()["query"] == {"bool": {"filter": [{"term": {"active": "yes"}}]}}
    assert backend.procedure_search("").to_dict()["sort"] == [
        {"sort_name": {"unmapped_type": "keyword"}},
        "_doc",
    ]  # Vietnamese order (issue 35)


def test_the_dossier_query_sent_is_scoped_to_the_officer(backend):
    import datetime as dt

    query = DossierQuery(
        code=" 000.01.29.h99-261126-0001",
        name="Nguyễn thị Á",
        personal_id="019190000001",
        state="processing",
        received_from=dt.date(2026, 11, 1),
        received_to=dt.date(2026, 11, 30),
    )
    body = backend.dossier_search(query, agency_id=42).to_dict()
    bool_ = body["query"]["bool"]
    assert {"term": {"agencies": 42}} in bool_["filter"]
    assert {"term": {"code": "000.01.29.H99-261126-0001"}} in bool_["filter"]
    assert {"term": {"personal_id": "019190000001"}} in bool_["filter"]
    assert {"range": {"received_at": {"gte": "2026-11-01", "lte": "2026-11-30", "time_zone": "+07:00"}}} in bool_[
        "filter"
    ]
    assert bool_["must"] == [{"match_bool_prefix": {"name": {"query": "nguyen thi a", "operator": "and"}}}]
    assert {"bool": {"must_not": [{"term": {"state": "draft"}}]}} in bool_["filter"]
    assert body["sort"] == [{"received_at": {"order": "desc"}}]
    monitor = backend.dossier_search(DossierQuery(name="an"), agency_id=None).to_dict()
    assert not any("agencies" in str(clause) for clause in monitor["query"]["bool"].get("filter", []))


def test_the_timeliness_filter_sent_matches_the_database_rule(backend):
    import datetime as dt

    now = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.timezone.utc)
    overdue = backend.dossier_search(DossierQuery(timeliness="overdue", now=now)).to_dict()["query"]["bool"]["filter"]
    open_past_due = {
        "bool": {
            "must": [
                {
                    "terms": {
                        "state": [
                            "received",
                            "processing",
                            "transferred",
                            "awaiting_approval",
                            "supplement_requested",
                            "result_ready",
                        ]
                    }
                },
                {"range": {"due_at": {"lt": "2026-11-28T09:00:00+00:00"}}},
            ]
        }
    }
    assert open_past_due in overdue
    late = backend.dossier_search(DossierQuery(timeliness="late")).to_dict()["query"]["bool"]["filter"]
    assert {"term": {"timeliness": "late"}} in late
    either = backend.dossier_search(DossierQuery(timeliness="late_any", now=now)).to_dict()["query"]["bool"]["filter"]
    assert {"bool": {"should": [open_past_due, {"term": {"timeliness": "late"}}], "minimum_should_match": 1}} in either
    mapping = DossierDocument._index.clone(name="z").to_dict()["mappings"]["properties"]
    assert mapping["due_at"] == {"type": "date"} and mapping["timeliness"] == {"type": "keyword"}


@pytest.mark.django_db
def test_documents_carry_what_search_and_scoping_need(world):
    dossier = received(world)  # inter-level: the district is on its route
    source = ElasticBackend.dossier_source(dossier, [step.agency_id for step in dossier.steps.all()])
    assert source["agencies"] == sorted({world.commune_agency.pk, world.district_agency.pk})
    assert source["name"] == dossier.applicant_name and source["code"] == dossier.code
    assert source["due_at"] == dossier.due_at.isoformat() and source["timeliness"] == ""
    procedure = ElasticBackend.procedure_source(world.inter_level)
    assert procedure["levels"] == ["commune", "district"] and procedure["point"] == "commune:committee:"
    assert procedure["sort_name"] == sort_string(world.inter_level.name)


@pytest.mark.django_db
def test_a_cluster_that_does_not_answer_falls_back_to_the_database_and_says_so(backend, caplog):
    ProcedureFactory(name="Đăng ký kết hôn")
    with caplog.at_level(logging.WARNING, logger="search"):
        hits = backend.search_procedures("dang ky ket hon")
    assert hits.total == 1
    assert "Elasticsearch unavailable" in caplog.text


@pytest.mark.django_db
def test_with_elasticsearch_configured_saves_queue_an_index_task_after_commit(
    world, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from search import tasks

    queued = []
    monkeypatch.setattr(tasks.index_dossier, "delay", queued.append)
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with django_capture_on_commit_callbacks(execute=True):
        dossier = received(world)
    assert dossier.pk in queued


def test_the_official_documents_index_and_the_query_sent_are_scoped_to_one_agency_and_register(backend):
    mapping = OfficialDocument._index.clone(name="d").to_dict()["mappings"]["properties"]
    assert mapping["text"] == {"type": "text", "analyzer": "vietnamese_folded"}
    assert mapping["kind"] == {"type": "keyword"} and mapping["agency"] == {"type": "integer"}
    body = backend.official_document_search("Quyết định ĐẤT đai", kind="incoming", agency_id=7).to_dict()
    assert {"term": {"kind": "incoming"}} in body["query"]["bool"]["filter"]
    assert {"term": {"agency": 7}} in body["query"]["bool"]["filter"]
    assert body["query"]["bool"]["must"] == [
        {"match_bool_prefix": {"text": {"query": "quyet dinh dat dai", "operator": "and"}}}
    ]
    assert body["_source"] is False and body["size"] == 1000


@pytest.mark.django_db
def test_an_official_document_search_falls_back_to_the_database_when_the_cluster_is_down(backend, caplog):
    from documents.services import incoming
    from tests.documents.factories import entry, scan, two_offices

    offices = two_offices()
    letter = incoming.register_incoming(offices.ubnd.clerk, entry(excerpt="Về việc quản lý đất đai"), files=[scan()])
    source = ElasticBackend.official_document_source(letter, "incoming")
    assert source == {"kind": "incoming", "agency": offices.ubnd.agency.pk, "year": 2026, "text": letter.search_text}
    with caplog.at_level(logging.WARNING, logger="search"):
        assert backend.search_official_documents("dat dai", kind="incoming", agency_id=offices.ubnd.agency.pk) == [
            letter.pk
        ]
        assert backend.search_official_documents("dat dai", kind="incoming", agency_id=offices.so.agency.pk) == []
    assert "Elasticsearch unavailable" in caplog.text
