import datetime as dt

from celery import shared_task
from django.dispatch import receiver
from django.utils import timezone

from . import services
from .reconciliation import reconcile


@shared_task(ignore_result=True)
def deliver_dossier(dossier_id):
    services.deliver_dossier(dossier_id)


@shared_task(ignore_result=True)
def deliver_due():
    services.deliver_due()


@shared_task(ignore_result=True)
def reconcile_yesterday():
    today = timezone.localdate()
    start = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=1), dt.time()))
    reconcile(start, start + dt.timedelta(days=1), requeue=True)


@receiver(services.messages_waiting, dispatch_uid="national_sync.deliver_soon")
def _deliver_soon(sender, dossier_id, **kwargs):
    deliver_dossier.delay(dossier_id)
