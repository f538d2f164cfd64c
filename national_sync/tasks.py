from celery import shared_task


@shared_task(ignore_result=True)
def deliver_dossier(dossier_id):
    from .services import deliver_dossier as deliver

    deliver(dossier_id)


@shared_task(ignore_result=True)
def deliver_due():
    from .services import deliver_due as deliver

    deliver()


@shared_task(ignore_result=True)
def reconcile_yesterday():
    import datetime as dt

    from django.utils import timezone

    from .reconciliation import reconcile

    today = timezone.localdate()
    start = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=1), dt.time()))
    reconcile(start, start + dt.timedelta(days=1), requeue=True)
