"""Keep procedure pages in step with the catalog, whoever edits it (admin, importer, shell)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from procedures.models import Procedure


@receiver(post_save, sender=Procedure)
def _sync_page(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .services import sync_procedure_page

    sync_procedure_page(instance)
