"""Keep procedure pages in step with the catalog, whoever edits it (admin, importer, shell)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from government.models import Agency
from portal.page_cache import invalidate
from procedures.models import Field, Procedure, ProcedureVersion, RequiredDocument, RouteStep

from .redirects import drop_redirects_from
from .services import sync_procedure_page


@receiver(post_save, sender=Procedure)
def _sync_page(sender, instance, raw=False, **kwargs):
    if raw:
        return

    sync_procedure_page(instance)


def _connect_page_cache():
    """Any change to what catalog pages show drops the cached copies (portal/page_cache.py)."""

    # A procedure page also shows the version in force and the one announced next.
    for model in (Procedure, ProcedureVersion, RequiredDocument, RouteStep, Agency, Field):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-del-{model.__name__}")
    page_published.connect(invalidate, dispatch_uid="page-cache-published")
    page_unpublished.connect(invalidate, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page-cache-moved")


_connect_page_cache()


def _connect_redirect_cleanup():
    """A published page's own address must not stay the source of a redirect (portal/catalog/redirects.py)."""

    page_published.connect(
        lambda sender, instance, **kwargs: drop_redirects_from(instance),
        dispatch_uid="catalog-redirect-cleanup",
        weak=False,
    )
    post_page_move.connect(
        lambda sender, instance, **kwargs: drop_redirects_from(instance),
        dispatch_uid="catalog-redirect-cleanup-move",
        weak=False,
    )


_connect_redirect_cleanup()
