"""Keep the Elasticsearch index in step with the database, after each commit, through a task.

The database backend needs nothing here: PostgreSQL indexes the folded columns itself and SQLite's
full-text tables follow the rows through triggers (see the migrations).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from documents.models import IncomingDocument, OutgoingDocument
from government.folding import fold
from procedures.models import Dossier, Procedure

from .tasks import index_dossier, index_official_document, index_procedure


@receiver(post_save, sender=Dossier)
def _dossier_saved(sender, instance, raw=False, **kwargs):
    if settings.ELASTICSEARCH_URL and not raw:
        transaction.on_commit(lambda: index_dossier.delay(instance.pk))


@receiver(post_save, sender=Procedure)
def _procedure_saved(sender, instance, raw=False, **kwargs):
    if settings.ELASTICSEARCH_URL and not raw:
        transaction.on_commit(lambda: index_procedure.delay(instance.pk))


@receiver(pre_save, sender=IncomingDocument)
def _fold_incoming(sender, instance, **kwargs):
    instance.search_text = fold(
        " ".join(
            [instance.number_symbol, instance.excerpt, instance.sender, str(instance.number), _type_name(instance)]
        )
    )


@receiver(pre_save, sender=OutgoingDocument)
def _fold_outgoing(sender, instance, **kwargs):
    instance.search_text = fold(" ".join([instance.symbol, instance.excerpt, _type_name(instance)]))


def _type_name(document):
    return document.document_type.name if document.document_type_id else ""


@receiver(post_save, sender=IncomingDocument)
@receiver(post_save, sender=OutgoingDocument)
def _official_document_saved(sender, instance, raw=False, **kwargs):
    if settings.ELASTICSEARCH_URL and not raw:
        kind = "incoming" if sender is IncomingDocument else "outgoing"
        transaction.on_commit(lambda: index_official_document.delay(kind, instance.pk))
