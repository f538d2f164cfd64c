from celery import shared_task

from .backends import elastic_backend


@shared_task
def index_dossier(dossier_id):
    elastic_backend().index_dossiers([dossier_id])


@shared_task
def index_procedure(procedure_id):
    elastic_backend().index_procedures([procedure_id])


@shared_task
def index_official_document(kind, document_id):
    elastic_backend().index_official_documents([document_id], kinds=(kind,))
