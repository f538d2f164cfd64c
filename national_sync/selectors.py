from django.db.models import Count, Q

from .models import Delivery, OutboxMessage


def sync_of(dossier):
    """The dossier's messages, oldest first, for the officer's dossier page."""
    return list(OutboxMessage.objects.filter(dossier=dossier).select_related("event").order_by("id"))


def backlog(agency_ids=None):
    """{"pending": n, "dead": n} over the dossiers of these agencies (None: the province)."""
    messages = OutboxMessage.objects.exclude(delivery=Delivery.SENT)
    if agency_ids is not None:
        messages = messages.filter(Q(dossier__receiving_agency_id__in=agency_ids))
    counts = messages.aggregate(
        pending=Count("pk", filter=Q(delivery=Delivery.PENDING)), dead=Count("pk", filter=Q(delivery=Delivery.DEAD))
    )
    return counts
