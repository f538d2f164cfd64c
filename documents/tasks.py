from celery import shared_task


@shared_task(ignore_result=True)
def send_to_axis(document_id):
    from .models import OutgoingDocument
    from .services.exchange import send_pending

    send_pending(OutgoingDocument.objects.select_related("agency", "document_type", "signer").get(pk=document_id))


@shared_task(ignore_result=True)
def sync_document_axis():
    from .services.exchange import sync

    sync()
