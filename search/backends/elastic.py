"""Search on Elasticsearch (elasticsearch-dsl), behind aliases so that a reindex swaps in whole.

Any failure to reach the cluster falls back to the database backend for that call, with a log
line; a citizen never sees an error page because the search cluster is down.
"""

import logging

from django.utils import timezone
from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_errors
from elasticsearch.helpers import bulk
from elasticsearch_dsl import Q, Search

from documents.models import IncomingDocument, OutgoingDocument
from government.collation import sort_string
from government.folding import fold
from procedures.models import ON_THE_BOOKS, Dossier, Procedure

from ..documents import DossierDocument, OfficialDocument, ProcedureDocument
from .base import DOCUMENT_HITS_LIMIT, DOCUMENT_KINDS, DossierHits, ProcedureHits

logger = logging.getLogger("search")
UNREACHABLE = (es_errors.ConnectionError, es_errors.ConnectionTimeout, es_errors.TransportError, es_errors.ApiError)


class ElasticBackend:
    name = "elasticsearch"

    def __init__(self, url, *, prefix="motcua", timeout=2.0, fallback=None, client=None):
        self.client = client or Elasticsearch(url, request_timeout=timeout, retry_on_timeout=False, max_retries=0)
        self.prefix, self.fallback = prefix, fallback

    def alias(self, kind):
        return f"{self.prefix}-{kind}"

    # --- queries (pure: what is sent, tested without a server) ---------------------------------

    def procedure_search(self, text, *, level="", field="", point="", online="", offset=0, limit=20):
        search = Search(index=self.alias("procedures")).filter("term", active="yes")
        if text.strip():
            search = search.query(
                "multi_match", query=fold(text), type="bool_prefix", operator="and", fields=["name^3", "body"]
            )
        else:
            # unmapped_type: an index built before the field existed sorts as before until search_reindex
            search = search.sort({"sort_name": {"unmapped_type": "keyword"}}, "_doc")
        for name, value in (("levels", level), ("field", field), ("point", point), ("online", online)):
            if value:
                search = search.filter("term", **{name: value})
        search.aggs.bucket("level", "terms", field="levels", size=10)
        search.aggs.bucket("field", "terms", field="field", size=100)
        search.aggs.bucket("point", "terms", field="point", size=100)
        return search.extra(track_total_hits=True)[offset : offset + limit]

    def dossier_search(self, query, *, agency_id=None, offset=0, limit=50):
        search = Search(index=self.alias("dossiers"))
        if agency_id is not None:
            search = search.filter("term", agencies=agency_id)
        search = search.exclude("term", state="draft")
        if query.code:
            search = search.filter("term", code=query.code.strip().upper())
        if query.personal_id:
            search = search.filter("term", personal_id=query.personal_id.strip())
        if query.procedure_id:
            search = search.filter("term", procedure=query.procedure_id)
        if query.state:
            search = search.filter("term", state=query.state)
        dates = {}
        if query.received_from:
            dates["gte"] = query.received_from.isoformat()
        if query.received_to:
            dates["lte"] = query.received_to.isoformat()
        if dates:
            search = search.filter("range", received_at={**dates, "time_zone": "+07:00"})
        if query.timeliness:
            search = search.filter(_timeliness_filter(query.timeliness, query.now or timezone.now()))
        if query.name.strip():
            search = search.query("match_bool_prefix", name={"query": fold(query.name), "operator": "and"})
        return search.sort("-received_at").extra(track_total_hits=True)[offset : offset + limit]

    def official_document_search(self, text, *, kind, agency_id, limit=DOCUMENT_HITS_LIMIT):
        return (
            Search(index=self.alias("official-documents"))
            .filter("term", kind=kind)
            .filter("term", agency=agency_id)
            .query("match_bool_prefix", text={"query": fold(text), "operator": "and"})
            .source(False)[:limit]
        )

    # --- answering -----------------------------------------------------------------------------

    def search_official_documents(self, text, *, kind, agency_id, limit=DOCUMENT_HITS_LIMIT):
        try:
            response = (
                self.official_document_search(text, kind=kind, agency_id=agency_id, limit=limit)
                .using(self.client)
                .execute()
            )
        except UNREACHABLE as error:
            return self._fall_back(
                "search_official_documents", error, text, kind=kind, agency_id=agency_id, limit=limit
            )
        return [int(hit.meta.id.split("-")[-1]) for hit in response]

    def search_procedures(self, text, **options):
        try:
            response = self.procedure_search(text, **options).using(self.client).execute()
        except UNREACHABLE as error:
            return self._fall_back("search_procedures", error, text, **options)
        facets = {
            name: {bucket.key: bucket.doc_count for bucket in response.aggregations[name].buckets}
            for name in ("level", "field", "point")
        }
        return ProcedureHits([int(hit.meta.id) for hit in response], response.hits.total.value, facets)

    def search_dossiers(self, query, *, visible, agency_id=None, offset=0, limit=50):
        if query.declared:  # the forms' data is not in the index: the database answers these
            return self.fallback.search_dossiers(
                query, visible=visible, agency_id=agency_id, offset=offset, limit=limit
            )
        try:
            response = (
                self.dossier_search(query, agency_id=agency_id, offset=offset, limit=limit).using(self.client).execute()
            )
        except UNREACHABLE as error:
            return self._fall_back(
                "search_dossiers", error, query, visible=visible, agency_id=agency_id, offset=offset, limit=limit
            )
        total = response.hits.total  # Elasticsearch counts exactly up to 10,000, then says "gte"
        return DossierHits(
            [int(hit.meta.id) for hit in response], total.value, capped=getattr(total, "relation", "eq") == "gte"
        )

    def _fall_back(self, method, error, *args, **kwargs):
        logger.warning("Elasticsearch unavailable (%s); searching the database instead", type(error).__name__)
        return getattr(self.fallback, method)(*args, **kwargs)

    # --- indexing --------------------------------------------------------------------------------

    @staticmethod
    def procedure_source(procedure):
        steps = list(procedure.route_steps.all())
        first = steps[0] if steps else None
        return {
            "name": procedure.name,
            "sort_name": sort_string(procedure.name),
            "body": f"{procedure.description} {procedure.result_document}",
            "levels": sorted({step.level for step in steps}),
            "field": str(procedure.field_id),
            "point": first.point if first else "",
            "active": "yes" if procedure.is_active else "no",
            "online": procedure.online_level,
        }

    @staticmethod
    def dossier_source(dossier, step_agencies=()):
        return {
            "code": dossier.code,
            "name": dossier.applicant_name,
            "personal_id": dossier.applicant_personal_id,
            "procedure": dossier.procedure_id,
            "state": dossier.state,
            "received_at": dossier.received_at.isoformat() if dossier.received_at else None,
            "due_at": dossier.due_at.isoformat() if dossier.due_at else None,
            "timeliness": dossier.timeliness,
            "agencies": sorted({dossier.receiving_agency_id, dossier.current_agency_id, *step_agencies}),
        }

    @staticmethod
    def official_document_source(document, kind):
        return {"kind": kind, "agency": document.agency_id, "year": document.year, "text": document.search_text}

    def index_official_documents(self, ids=None, index=None, kinds=DOCUMENT_KINDS):
        def actions():
            for kind, model in (("incoming", IncomingDocument), ("outgoing", OutgoingDocument)):
                if kind not in kinds:
                    continue
                documents = model.objects.all() if ids is None else model.objects.filter(pk__in=ids)
                for document in documents.iterator(chunk_size=2_000):
                    yield {
                        "_index": index or self.alias("official-documents"),
                        "_id": f"{kind}-{document.pk}",
                        "_source": self.official_document_source(document, kind),
                    }

        return bulk(self.client, actions())[0]

    def index_procedures(self, ids=None, index=None):
        procedures = Procedure.objects.prefetch_related("route_steps")
        if ids is not None:
            procedures = procedures.filter(pk__in=ids)
        actions = (
            {"_index": index or self.alias("procedures"), "_id": p.pk, "_source": self.procedure_source(p)}
            for p in procedures
        )
        return bulk(self.client, actions)[0]

    def index_dossiers(self, ids=None, index=None, progress=None):
        dossiers = Dossier.objects.exclude(state="draft").prefetch_related("steps").order_by("pk")
        if ids is not None:
            dossiers = dossiers.filter(pk__in=ids)

        def actions():
            done = 0
            for dossier in dossiers.iterator(chunk_size=5_000):
                steps = [step.agency_id for step in dossier.steps.all()]
                yield {
                    "_index": index or self.alias("dossiers"),
                    "_id": dossier.pk,
                    "_source": self.dossier_source(dossier, steps),
                }
                done += 1
                if progress and done % 5_000 == 0:
                    progress(done)

        return bulk(self.client, actions(), chunk_size=2_000)[0]

    def reindex(self, progress=None):
        """Build fresh indexes, fill them, then move the aliases in one step and drop the old ones."""
        stamp = timezone.now().strftime("%Y%m%d%H%M%S")
        swaps, old = [], []
        for kind, document, fill in (
            ("procedures", ProcedureDocument, self.index_procedures),
            ("dossiers", DossierDocument, self.index_dossiers),
            ("official-documents", OfficialDocument, self.index_official_documents),
        ):
            alias, concrete = self.alias(kind), f"{self.alias(kind)}-{stamp}"
            document._index.clone(name=concrete).create(using=self.client)
            fill(index=concrete, **({"progress": progress} if kind == "dossiers" else {}))
            if self.client.indices.exists_alias(name=alias):
                old += list(self.client.indices.get_alias(name=alias))
                swaps += [
                    {"remove": {"index": name, "alias": alias}} for name in self.client.indices.get_alias(name=alias)
                ]
            swaps.append({"add": {"index": concrete, "alias": alias}})
        self.client.indices.update_aliases(actions=swaps)
        for name in old:
            self.client.indices.delete(index=name)
        return stamp


def _timeliness_filter(kind, now):
    """The same rule as the database backend: returned early / on time / late, or open past due."""
    overdue = Q("terms", state=list(ON_THE_BOOKS)) & Q("range", due_at={"lt": now.isoformat()})
    if kind == "overdue":
        return overdue
    if kind == "late_any":
        return Q("bool", should=[overdue, Q("term", timeliness="late")], minimum_should_match=1)
    return Q("term", timeliness=kind)
