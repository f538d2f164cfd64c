"""The outbox: record a message with each event, deliver in order per dossier, retry with back-off,
give up into a dead letter an administrator sees and can retry."""

import datetime as dt
import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from national_portal_adapter.client import PortalError, PortalRefused, get_portal
from national_portal_adapter.messages import REORGANISE, STATUS_OF_ACTION, status_message, status_of
from procedures.models import DossierEvent

from .models import Delivery, OutboxMessage

log = logging.getLogger(__name__)

# Sent after commit when a dossier has messages to deliver. The outbox does not know who delivers:
# national_sync.tasks listens and queues its Celery task (so this module never imports the tasks,
# which import it).
messages_waiting = Signal()
# Inside deliveries_held() messages wait for the minute's sweep (deliver_due) instead of a task each.
_held = threading.local()


@contextmanager
def deliveries_held():
    """Record messages without queueing a delivery for each: a reorganisation writes thousands at
    once, and the beat's deliver_due sends them within the minute, in order per dossier."""
    _held.active = True
    try:
        yield
    finally:
        _held.active = False


def record(event):
    """The outbox message for `event`, if it changes what the portal shows; in the caller's transaction."""
    if status_of(event) is None or not settings.NATIONAL_PORTAL["ENABLED"]:
        return None
    dossier = event.dossier
    if not dossier.code:  # a draft has nothing to report
        return None
    message = OutboxMessage(
        dossier=dossier,
        event=event,
        status_code=status_of(event),
        created_at=event.created_at,
        payload={},
    )
    message.payload = status_message(
        message_id=message.message_id, event=event, dossier=dossier, tz=timezone.get_default_timezone()
    )
    message.save()
    if not getattr(_held, "active", False):
        transaction.on_commit(lambda: _schedule(dossier.pk))
    return message


def _schedule(dossier_id):
    messages_waiting.send(sender=OutboxMessage, dossier_id=dossier_id)


def deliver_dossier(dossier_id, *, portal=None, now=None):
    """Send the dossier's unsent messages, oldest first, until one fails or none is left or due.
    Returns how many were sent."""
    portal = portal or get_portal()
    sent = 0
    while True:
        now_ = now or timezone.now()
        first = (
            OutboxMessage.objects.filter(dossier_id=dossier_id)
            .exclude(delivery=Delivery.SENT)
            .order_by("id")
            .values("pk", "delivery", "next_attempt_at")
            .first()
        )
        if first is None or first["delivery"] == Delivery.DEAD:
            return sent  # nothing to send, or a dead letter holding back the later ones
        if first["next_attempt_at"] and first["next_attempt_at"] > now_:
            return sent
        with transaction.atomic():
            # Another worker on the same dossier holds the row: it sends, in order; this one stops.
            message = (
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(pk=first["pk"], delivery=Delivery.PENDING)
                .first()
            )
            if message is None:
                return sent
            try:
                portal.send(message.payload)
            except PortalError as error:
                _failed(message, error, now_)
                return sent
            message.delivery, message.sent_at, message.last_error = Delivery.SENT, now_, ""
            message.attempts += 1
            message.save(update_fields=["delivery", "sent_at", "attempts", "last_error"])
            sent += 1


def _failed(message, error, now):
    config = settings.NATIONAL_PORTAL
    message.attempts += 1
    message.last_error = str(error.reason)[:400]
    if isinstance(error, PortalRefused) or message.attempts >= config["MAX_ATTEMPTS"]:
        message.delivery, message.next_attempt_at = Delivery.DEAD, None
        log.warning("national portal: message %s is a dead letter: %s", message.message_id, message.last_error)
    else:
        pause = min(config["BACKOFF_SECONDS"] * 2 ** (message.attempts - 1), config["BACKOFF_MAX_SECONDS"])
        message.next_attempt_at = now + dt.timedelta(seconds=pause)
    message.save(update_fields=["attempts", "last_error", "delivery", "next_attempt_at"])


def deliver_due(*, portal=None, now=None):
    """Every dossier with a message due (the beat task, every minute): (sent, dossiers tried)."""
    now = now or timezone.now()
    due = (
        OutboxMessage.objects.filter(delivery=Delivery.PENDING)
        .exclude(next_attempt_at__gt=now)
        .order_by()
        .values_list("dossier_id", flat=True)
        .distinct()
    )
    dossiers = list(due)
    return sum(deliver_dossier(pk, portal=portal, now=now) for pk in dossiers), len(dossiers)


def retry(messages):
    """An administrator's retry of dead letters (or of any unsent message): from the first attempt."""
    ids = [m.pk for m in messages if m.delivery != Delivery.SENT]
    OutboxMessage.objects.filter(pk__in=ids).update(
        delivery=Delivery.PENDING, attempts=0, next_attempt_at=None, last_error=""
    )
    dossiers = set(OutboxMessage.objects.filter(pk__in=ids).values_list("dossier_id", flat=True))
    for dossier_id in dossiers:
        transaction.on_commit(lambda pk=dossier_id: _schedule(pk))
    return len(ids)


def requeue_dossiers(codes):
    """Send every message of these dossiers again (reconciliation found the portal lacking them);
    the portal keeps a message id once, so what it had is not doubled. Returns the messages queued."""
    queued = OutboxMessage.objects.filter(payload__MaHoSo__in=list(codes)).update(
        delivery=Delivery.PENDING, attempts=0, next_attempt_at=None, last_error="", sent_at=None
    )
    for dossier_id in set(
        OutboxMessage.objects.filter(payload__MaHoSo__in=list(codes)).values_list("dossier_id", flat=True)
    ):
        transaction.on_commit(lambda pk=dossier_id: _schedule(pk))
    return queued


def record_history(*, delivered=True, batch=2_000, progress=None):
    """An outbox message for every past event that changes what the portal shows and has none: the
    dossiers written in bulk (the demo's synthetic year, an import from an older system) bypass the
    signal that records one per event. `delivered` marks them sent at the event's time (the portal
    has that history); otherwise they wait to be sent. Idempotent. Returns the messages written."""
    if not settings.NATIONAL_PORTAL["ENABLED"]:
        return 0
    tz = timezone.get_default_timezone()
    events = (
        DossierEvent.objects.filter(action__in=[*STATUS_OF_ACTION, REORGANISE], outbox_message__isnull=True)
        .exclude(dossier__code="")
        .select_related("agency", "dossier__procedure__field", "dossier__receiving_agency", "dossier__applicant")
        .order_by("dossier_id", "created_at", "id")
    )
    written = 0
    pending = []
    for event in (progress or iter)(events.iterator(chunk_size=batch)):
        if status_of(event) is None:  # a draft handed over by a reorganisation
            continue
        pending.append(_history_message(event, tz, delivered))
        if len(pending) >= batch:
            written += len(OutboxMessage.objects.bulk_create(pending))
            pending = []
    if pending:
        written += len(OutboxMessage.objects.bulk_create(pending))
    return written


def _history_message(event, tz, delivered):
    dossier = event.dossier
    message = OutboxMessage(dossier=dossier, event=event, status_code=status_of(event), created_at=event.created_at)
    message.payload = status_message(message_id=message.message_id, event=event, dossier=dossier, tz=tz)
    if dossier.returned_at and event.created_at < dossier.returned_at:
        message.payload["NgayTra"] = ""  # the message said what was known then: not yet returned
    if delivered:
        message.delivery, message.sent_at, message.attempts = Delivery.SENT, event.created_at, 1
    return message
