"""Reads of documents. Every list starts from what the user's agency holds: no user sees another
agency's documents, whatever the address asks for."""

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.utils import timezone

from government.selectors import agency_of

from .models import (
    Assignment,
    AssignmentRole,
    Delivery,
    DeliveryStatus,
    IncomingDocument,
    IncomingState,
    OutgoingDocument,
)
from .policy import works_with_documents


def incoming_for(user):
    if not works_with_documents(user):
        return IncomingDocument.objects.none()
    return IncomingDocument.objects.filter(agency=agency_of(user)).select_related("document_type")


def outgoing_for(user):
    if not works_with_documents(user):
        return OutgoingDocument.objects.none()
    return OutgoingDocument.objects.filter(agency=agency_of(user)).select_related("document_type", "signer")


def waiting_deliveries(user):
    """Electronic documents other agencies of the system sent the user's agency, not yet taken in."""
    if not works_with_documents(user):
        return Delivery.objects.none()
    return (
        Delivery.objects.filter(agency=agency_of(user), status=DeliveryStatus.SENT)
        .select_related("document__agency", "document__document_type")
        .order_by("document__issued_at")
    )


def overdue_q(today=None):
    """Open documents past the handler's deadline or past the sender's deadline for an answer."""
    today = today or timezone.localdate()
    late_handler = Assignment.objects.filter(document=OuterRef("pk"), role=AssignmentRole.HANDLE, due_on__lt=today)
    return ~Q(state=IncomingState.CLOSED) & (Q(answer_due__lt=today) | Exists(late_handler))


def with_overdue(documents, today=None):
    """The documents, each with `is_overdue` (overdue_q) computed by the database in the same query."""
    return documents.annotate(is_overdue=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))


def overdue_incoming(documents=None, today=None):
    documents = IncomingDocument.objects.all() if documents is None else documents
    return documents.filter(overdue_q(today))


def overdue_total(agency_ids=None, today=None):
    """Open incoming documents overdue in these agencies (every agency when None), for the dashboard."""
    documents = IncomingDocument.objects.all()
    if agency_ids is not None:
        documents = documents.filter(agency_id__in=agency_ids)
    return overdue_incoming(documents, today).count()


def my_assignments(user):
    """Open incoming documents the user was given to handle or cooperate on."""
    return (
        incoming_for(user)
        .filter(
            ~Q(state=IncomingState.CLOSED),
            assignments__assignee=user,
            assignments__role__in=[AssignmentRole.HANDLE, AssignmentRole.COOPERATE],
        )
        .distinct()
    )


def assignable_staff(agency):
    """Staff of the agency a leader may give a document to."""
    return (
        get_user_model()
        .objects.filter(staff_role__agency=agency, is_active=True)
        .select_related("staff_role")
        .order_by("last_name", "first_name")
    )
