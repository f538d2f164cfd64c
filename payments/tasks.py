from celery import shared_task

from .services import check_all_pending


@shared_task(ignore_result=True)
def check_pending_payments():
    check_all_pending()
