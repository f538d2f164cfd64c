"""The one search interface the portal calls, whichever backend answers."""

from government.models import Role
from government.selectors import agency_of, role_of
from procedures.models import Procedure
from procedures.queues import visible_dossiers

from .backends import get_backend


def find_procedures(text="", *, level="", field="", point="", online="", offset=0, limit=20):
    """(procedures of this page in rank order, total, facets)."""
    hits = get_backend().search_procedures(
        text, level=level, field=field, point=point, online=online, offset=offset, limit=limit
    )
    found = Procedure.objects.select_related("field").prefetch_related("route_steps").in_bulk(hits.ids)
    return [found[pk] for pk in hits.ids if pk in found], hits.total, hits.facets


def find_dossiers(user, query, *, offset=0, limit=50):
    """Dossiers matching `query` among those `user` may see: (this page, total, capped); capped means
    there are more than `total`, uncounted."""
    role = role_of(user)
    agency = None if role in (Role.PROVINCE_MONITOR, Role.ADMINISTRATOR) else agency_of(user)
    visible = visible_dossiers(user)
    hits = get_backend().search_dossiers(
        query, visible=visible, agency_id=agency.pk if agency else None, offset=offset, limit=limit
    )
    # Whatever the index says, the rows shown are re-read through the visibility rule.
    found = visible.select_related("procedure", "current_agency").in_bulk(hits.ids)
    return [found[pk] for pk in hits.ids if pk in found], hits.total, hits.capped


def find_documents(documents, text, *, agency):
    """`documents` (one agency's incoming or outgoing register) narrowed to those matching `text`,
    without diacritics: "quyet dinh dat dai" finds "Quyết định … đất đai"."""
    kind = "incoming" if documents.model._meta.model_name == "incomingdocument" else "outgoing"
    ids = get_backend().search_official_documents(text, kind=kind, agency_id=agency.pk)
    return documents.filter(pk__in=ids)
