"""Work that leaves the request: notifications, registry retries, drawing declarations.

Eager (in the request, after the commit) in the embedded default; on Redis workers when
CELERY_BROKER_URL is set.
"""

import datetime as dt

from celery import shared_task
from django.dispatch import receiver
from django.utils import timezone

from procedures import signals
from procedures.models import Dossier, DossierEvent
from procedures.notifications import notify
from procedures.selectors import dossiers_with_declarations_to_write
from procedures.services import documents
from procedures.services.identity import verify_applicant
from procedures.services.identity import verify_pending_identities as run
from procedures.services.versions import bring_into_force
from sms_adapter.client import get_sms_gateway


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def notify_event(event_id):
    return notify(
        DossierEvent.objects.select_related("dossier__procedure", "dossier__receiving_agency").get(pk=event_id)
    )


@shared_task
def send_sms(phone, text):
    get_sms_gateway().send(phone, text)


@shared_task
def verify_identity(dossier_id):
    """One try; what stays unverified is picked up by `verify_pending_identities` (beat, or the command)."""
    return verify_applicant(Dossier.objects.get(pk=dossier_id), actor="celery")


@shared_task
def verify_pending_identities():
    return run()


# Re-runnable: a declaration already drawn is skipped, so a retry or a second delivery changes nothing.
@shared_task(autoretry_for=(OSError,), retry_backoff=10, max_retries=5, acks_late=True)
def write_declarations(dossier_id):
    dossier = Dossier.objects.select_related("procedure", "receiving_agency").filter(pk=dossier_id).first()
    return documents.write_declarations(dossier) if dossier is not None else 0


@shared_task
def write_missing_declarations():
    """Every few minutes: the declarations a dead or lost task left undrawn."""
    older_than = timezone.now() - dt.timedelta(minutes=2)
    return sum(documents.write_declarations(d) for d in dossiers_with_declarations_to_write(older_than))


@shared_task
def bring_procedure_versions_into_force():
    """Daily: write the versions whose effective day has come into their procedures (receipt does it
    too, for the procedure at hand, so a late run never gives a dossier the wrong version)."""
    return [str(version) for version in bring_into_force()]


@receiver(signals.event_committed, dispatch_uid="procedures.notify_event")
def _notify_soon(sender, event_id, **kwargs):
    notify_event.delay(event_id)


@receiver(signals.declarations_waiting, dispatch_uid="procedures.write_declarations")
def _write_soon(sender, dossier_id, **kwargs):
    write_declarations.delay(dossier_id)


@receiver(signals.identity_unverified, dispatch_uid="procedures.verify_identity")
def _verify_soon(sender, dossier_id, **kwargs):
    verify_identity.delay(dossier_id)
