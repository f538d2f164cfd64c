"""Search in the database: PostgreSQL full text or SQLite FTS5, both over folded columns.

PostgreSQL: to_tsvector('simple', …) over `search_name`/`search_body` (weights A and B) and a GIN
index on the dossiers' folded names. SQLite: FTS5 tables kept in step by triggers. Queries match
every word, the last one as a prefix, so a name half-typed still finds its dossier.
"""

import datetime as dt

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from documents.models import IncomingDocument, OutgoingDocument
from eforms.selectors import dossiers_declaring
from government.calendar import LOCAL_TZ
from government.collation import by_name
from government.folding import words
from procedures.models import ON_THE_BOOKS, Dossier, Procedure, RouteStep, Timeliness, point_key
from procedures.selectors import starting_at

from .base import DOCUMENT_HITS_LIMIT, DossierHits, ProcedureHits


class DatabaseBackend:
    name = "database"

    # --- procedures ---------------------------------------------------------------------------

    def search_procedures(self, text, *, level="", field="", point="", online="", offset=0, limit=20):
        procedures = Procedure.objects.filter(is_active=True)
        terms = words(text)
        if terms:
            procedures = self._match_procedures(procedures, terms)
        else:
            procedures = procedures.order_by(by_name())
        if level:
            procedures = procedures.filter(pk__in=RouteStep.objects.filter(level=level).values("procedure_id"))
        if field:
            procedures = procedures.filter(field_id=field)
        if online:
            procedures = procedures.filter(online_level=online)
        if point:
            procedures = starting_at(procedures, point)
        ids = list(procedures.values_list("pk", flat=True))
        return ProcedureHits(ids[offset : offset + limit], len(ids), self._facets(ids))

    def _match_procedures(self, procedures, terms):
        if connection.vendor == "postgresql":
            # search_vector: a generated column, name weighted A and body B (search/migrations/0002).
            query = _tsquery(terms)
            return (
                procedures.extra(where=["search_vector @@ to_tsquery('simple', %s)"], params=[query])
                .annotate(rank=RawSQL("ts_rank(search_vector, to_tsquery('simple', %s))", [query]))
                .order_by("-rank", by_name())
            )
        # SQLite FTS5: bm25 is lower for better matches; the name column weighs ten times the body.
        match = _fts5_query(terms)
        ranked = RawSQL(
            "SELECT bm25(search_procedure_fts, 10.0, 1.0) FROM search_procedure_fts "
            "WHERE search_procedure_fts MATCH %s AND rowid = procedures_procedure.id",
            [match],
        )
        return (
            procedures.extra(
                where=[
                    "procedures_procedure.id IN (SELECT rowid FROM search_procedure_fts "
                    "WHERE search_procedure_fts MATCH %s)"
                ],
                params=[match],
            )
            .annotate(rank=ranked)
            .order_by("rank", by_name())
        )

    def _facets(self, ids):
        """Counts per level, field and filing place among the matches: two queries, summed here."""
        fields, levels, points, first = {}, {}, {}, {}
        for field_id in Procedure.objects.filter(pk__in=ids).values_list("field_id", flat=True):
            fields[str(field_id)] = fields.get(str(field_id), 0) + 1
        steps = (
            RouteStep.objects.filter(procedure_id__in=ids)
            .values_list("procedure_id", "order", "level", "agency_kind", "sector")
            .order_by("procedure_id", "order")
        )
        seen_levels = set()
        for procedure_id, _order, level, kind, sector in steps:
            if (procedure_id, level) not in seen_levels:
                seen_levels.add((procedure_id, level))
                levels[level] = levels.get(level, 0) + 1
            if procedure_id not in first:
                first[procedure_id] = point_key(level, kind, sector)
                points[first[procedure_id]] = points.get(first[procedure_id], 0) + 1
        return {"level": levels, "field": fields, "point": points}

    # --- dossiers -----------------------------------------------------------------------------

    def search_dossiers(self, query, *, visible, agency_id=None, offset=0, limit=50):
        """`visible` is the queryset of dossiers the officer may read (`agency_id` their agency, None for
        all); the query narrows it."""
        dossiers = visible
        if agency_id is not None and connection.vendor == "postgresql":
            # The same rule, through the indexed array (search/migrations/0003): bitmaps, not a scan.
            dossiers = Dossier.objects.exclude(state="draft").extra(
                where=["procedures_dossier.visible_to @> ARRAY[%s]::integer[]"], params=[agency_id]
            )
        if query.code:
            dossiers = dossiers.filter(code=query.code.strip().upper())
        if query.personal_id:
            dossiers = dossiers.filter(applicant_personal_id=query.personal_id.strip())
        if query.procedure_id:
            dossiers = dossiers.filter(procedure_id=query.procedure_id)
        if query.state:
            dossiers = dossiers.filter(state=query.state)
        if query.received_from:
            dossiers = dossiers.filter(received_at__gte=_start_of(query.received_from))
        if query.received_to:
            dossiers = dossiers.filter(received_at__lt=_start_of(query.received_to + dt.timedelta(days=1)))
        if query.timeliness:
            dossiers = dossiers.filter(_timeliness_q(query.timeliness, query.now or timezone.now()))
        if query.declared:
            dossiers = dossiers_declaring(dossiers, query.declared)
        terms = words(query.name)
        if terms:
            dossiers = self._match_names(dossiers, terms)
        # One more than the page: a full page says "more than", uncounted. Counting every "Nguyễn Văn"
        # of a year cost more than the page itself (bench/search.py), and the officer narrows anyway.
        ids = list(dossiers.order_by("-received_at", "-pk").values_list("pk", flat=True)[offset : offset + limit + 1])
        return DossierHits(ids[:limit], offset + min(len(ids), limit), capped=len(ids) > limit)

    def _match_names(self, dossiers, terms):
        if connection.vendor == "postgresql":
            query = _tsquery(terms)
            return dossiers.extra(
                where=["procedures_dossier.applicant_name_tsv @@ to_tsquery('simple', %s)"], params=[query]
            )
        match = _fts5_query(terms)
        return dossiers.extra(
            where=["procedures_dossier.id IN (SELECT rowid FROM search_dossier_fts WHERE search_dossier_fts MATCH %s)"],
            params=[match],
        )

    # --- official documents -------------------------------------------------------------------

    def search_official_documents(self, text, *, kind, agency_id, limit=DOCUMENT_HITS_LIMIT):
        """Ids of the agency's documents whose folded text holds every word of `text` (registers are
        thousands of rows a year: a scan of one agency's rows is enough)."""

        model = IncomingDocument if kind == "incoming" else OutgoingDocument
        documents = model.objects.filter(agency_id=agency_id)
        for term in words(text):
            documents = documents.filter(search_text__contains=term)
        return list(documents.order_by("-pk").values_list("pk", flat=True)[:limit])


# Every word must match; only the last may be unfinished (the user is still typing it).
def _tsquery(terms):
    return " & ".join(terms[:-1] + [f"{terms[-1]}:*"])


def _fts5_query(terms):
    return " ".join([f'"{term}"' for term in terms[:-1]] + [f'"{terms[-1]}"*'])


def _timeliness_q(kind, now):
    overdue = Q(state__in=ON_THE_BOOKS, due_at__lt=now)
    if kind == "overdue":
        return overdue
    if kind == "late_any":
        return overdue | Q(timeliness=Timeliness.LATE)
    return Q(timeliness=kind)


def _start_of(day):
    return dt.datetime.combine(day, dt.time(), LOCAL_TZ)
