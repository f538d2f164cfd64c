from celery import shared_task


@shared_task(ignore_result=True)
def check_pending_payments():
    from .services import check_all_pending

    check_all_pending()
