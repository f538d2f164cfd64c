"""A rejected dossier's paid fee is recorded as refunded (the refund itself is the treasury's)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from procedures.models import DossierEvent

from . import services


@receiver(post_save, sender=DossierEvent, dispatch_uid="payments.refund")
def _event_recorded(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.action == "reject":
        services.record_refund(instance.dossier, at=instance.created_at, note=instance.comment)
