"""Keep the Elasticsearch index in step with the database, after each commit, through a task.

The database backend needs nothing here: PostgreSQL indexes the folded columns itself and SQLite's
full-text tables follow the rows through triggers (see the migrations).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from procedures.models import Dossier, Procedure


@receiver(post_save, sender=Dossier)
def _dossier_saved(sender, instance, raw=False, **kwargs):
    if settings.ELASTICSEARCH_URL and not raw:
        from .tasks import index_dossier

        transaction.on_commit(lambda: index_dossier.delay(instance.pk))


@receiver(post_save, sender=Procedure)
def _procedure_saved(sender, instance, raw=False, **kwargs):
    if settings.ELASTICSEARCH_URL and not raw:
        from .tasks import index_procedure

        transaction.on_commit(lambda: index_procedure.delay(instance.pk))
