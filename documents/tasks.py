from celery import shared_task

from .models import OutgoingDocument
from .services.exchange import send_pending, sync


@shared_task(ignore_result=True)
def send_to_axis(document_id):
    send_pending(OutgoingDocument.objects.select_related("agency", "document_type", "signer").get(pk=document_id))


@shared_task(ignore_result=True)
def sync_document_axis():
    sync()
