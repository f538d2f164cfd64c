"""What a reorganisation hands from an agency that ends to the agency that takes its work, in the
documents system (issue 38). The old agency's registers close with it (documents.services.registers
refuses to number in them); what it had not finished is carried on in the successor's registers:
drafts not yet issued (numbered at issue), documents sent to it and not yet taken in, and its open
incoming entries, entered again in the successor's incoming register with the number they had."""

from dataclasses import dataclass

from django.db import transaction

from documents.models import Delivery, Direction, IncomingDocument, OutgoingDocument, OutgoingState
from documents.models.incoming import IncomingState
from documents.models.outgoing import DeliveryStatus

from .registers import take_number


@dataclass(frozen=True)
class HandedOver:
    drafts: int
    deliveries: int
    incoming: int


@transaction.atomic
def hand_over_documents(old, new, at):
    """Carry `old`'s unfinished documents to `new` at `at` (the plan's moment); re-runnable: a second
    call finds nothing left at `old`."""
    drafts = OutgoingDocument.objects.filter(agency=old).exclude(state=OutgoingState.ISSUED).update(agency=new)
    deliveries = 0
    for delivery in Delivery.objects.filter(agency=old, status=DeliveryStatus.SENT).select_related("document"):
        if not Delivery.objects.filter(document=delivery.document, agency=new).exists():
            delivery.agency = new
            delivery.save(update_fields=["agency", "changed_at"])
            deliveries += 1
    entries = IncomingDocument.objects.select_for_update().filter(
        agency=old, state__in=[IncomingState.REGISTERED, IncomingState.ASSIGNED]
    )
    incoming = 0
    for entry in entries.order_by("received_at", "pk"):
        number = take_number(new, Direction.INCOMING, max(at, entry.received_at))
        entry.previous_entry = f"{entry.number}/{entry.year} — {old.name}"
        entry.agency, entry.year, entry.number = new, number.year, number.number
        entry.save(update_fields=["agency", "year", "number", "previous_entry"])
        incoming += 1
    return HandedOver(drafts, deliveries, incoming)
