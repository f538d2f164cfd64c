"""Every event that changes what the national portal shows becomes an outbox message, inside the
transaction that records the event (procedures.services.lifecycle writes both or neither)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from procedures.models import DossierEvent

from . import services


@receiver(post_save, sender=DossierEvent, dispatch_uid="national_sync.outbox")
def _event_recorded(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.record(instance)
