"""Documents sent outside the system through the national interconnection axis, and the statuses
the recipients report back (received, handling, done)."""

import logging

from django.core.cache import cache
from django.utils.translation import gettext as _

from document_exchange_adapter.client import AxisError, AxisRefused, get_axis
from document_exchange_adapter.messages import envelope
from documents.models import ExternalDelivery, OutgoingDocument
from documents.policy import is_clerk_of, require

logger = logging.getLogger(__name__)
STATUS_ORDER = ["sent", "received", "handling", "done"]


def send_pending(document):
    """Send each of the document's external deliveries not yet accepted by the axis. A refusal is kept
    with its reason; an axis that is down leaves them for the next try (`manage.py sync_document_axis`)."""
    pending = document.external_deliveries.filter(
        status__in=[ExternalDelivery.Status.PENDING, ExternalDelivery.Status.FAILED]
    )
    if not pending:
        return 0
    with document.issued_pdf.open("rb") as handle:
        content = handle.read()
    axis, sent = get_axis(), 0
    for delivery in pending:
        delivery.attempts += 1
        try:
            axis.send(
                envelope(
                    message_id=delivery.message_id,
                    sender_code=document.agency.electronic_code,
                    sender_name=document.agency.name,
                    recipient_code=delivery.recipient_code,
                    symbol=document.symbol,
                    issued_on=document.issued_on,
                    type_name=document.document_type.name,
                    excerpt=document.excerpt,
                    urgency=document.urgency,
                    signer=document.signer.get_full_name() if document.signer else "",
                    pdf_bytes=content,
                    file_name=f"{document.symbol.replace('/', '-')}.pdf",
                )
            )
        except AxisRefused as error:
            delivery.status, delivery.last_error = (
                ExternalDelivery.Status.FAILED,
                _("Trục từ chối: %(reason)s") % {"reason": error.reason},
            )
        except AxisError as error:
            delivery.status, delivery.last_error = ExternalDelivery.Status.FAILED, error.reason
            logger.warning("document axis unavailable for %s: %s", delivery.message_id, error.reason)
        else:
            delivery.status, delivery.last_error, sent = ExternalDelivery.Status.SENT, "", sent + 1
        delivery.save(update_fields=["attempts", "status", "last_error", "changed_at"])
    return sent


def resend(clerk, document):
    require(is_clerk_of(clerk, document.agency), _("Chỉ văn thư của cơ quan được gửi lại văn bản."))
    return send_pending(document)


def refresh_statuses(deliveries=None):
    """Ask the axis what the recipients said of the documents it carried; statuses only move forward."""
    deliveries = list(
        deliveries
        if deliveries is not None
        else ExternalDelivery.objects.filter(status__in=["sent", "received", "handling"])
    )
    if not deliveries:
        return 0
    try:
        reported = get_axis().statuses([d.message_id for d in deliveries])
    except AxisError as error:
        logger.warning("document axis statuses unavailable: %s", error.reason)
        return 0
    changed = 0
    for delivery in deliveries:
        status = reported.get(delivery.message_id)
        if (
            status
            and delivery.status in STATUS_ORDER
            and STATUS_ORDER.index(status) > STATUS_ORDER.index(delivery.status)
        ):
            delivery.status = status
            delivery.save(update_fields=["status", "changed_at"])
            changed += 1
    return changed


def sync():
    """Send what the axis has not taken yet and read what recipients reported: (sent, statuses changed).
    Run every few minutes by Celery beat, or by `manage.py sync_document_axis`."""
    waiting = OutgoingDocument.objects.filter(external_deliveries__status__in=["pending", "failed"]).distinct()
    sent = sum(send_pending(document) for document in waiting.select_related("agency", "document_type", "signer"))
    return sent, refresh_statuses()


DIRECTORY_CACHE_KEY, DIRECTORY_SECONDS = "documents:axis-directory", 60 * 60


def outside_agencies():
    """The axis's directory for the drafting form, kept an hour (it changes rarely, and the form should
    not wait on the axis each time); empty, with the reason logged, when the axis is down."""
    agencies = cache.get(DIRECTORY_CACHE_KEY)
    if agencies is None:
        try:
            agencies = get_axis().directory()
        except AxisError as error:
            logger.warning("document axis directory unavailable: %s", error.reason)
            return []
        cache.set(DIRECTORY_CACHE_KEY, agencies, DIRECTORY_SECONDS)
    return agencies
