from django.db import transaction
from django.utils.text import slugify

from government.collation import by_name
from portal.home.translation import default_locale_pages
from procedures.models import Procedure

from .models import ProcedureIndexPage, ProcedurePage

INTRO = "<p>Tra cứu thủ tục hành chính theo cấp thực hiện, lĩnh vực và nơi nộp hồ sơ.</p>"


@transaction.atomic
def ensure_catalog_index(home):
    index = default_locale_pages(ProcedureIndexPage).first()
    if index is None:
        index = home.add_child(instance=ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc", intro=INTRO))
    return index


def sync_procedure_page(procedure, index=None):
    """Create, rename or (for a withdrawn procedure) unpublish the procedure's page.

    What editors did stays: a draft keeps its text (a new name goes into the live page and into the
    draft alike, no revision is published over it), and a page an editor unpublished is not
    published again because the procedure was saved.
    """
    index = index or default_locale_pages(ProcedureIndexPage).first()
    if index is None:
        return None
    page = ProcedurePage.objects.filter(procedure=procedure).first()
    if page is None:
        if not procedure.is_active:
            return None
        page = ProcedurePage(title=procedure.name[:255], slug=_slug(procedure), procedure=procedure)
        index.add_child(instance=page)
        return page
    title = procedure.name[:255]
    if page.title != title or page.draft_title != title:
        _rename(page, title)
    if procedure.is_active and not page.live and page.withdrawn_by_catalog:
        revision = page.latest_revision if not page.has_unpublished_changes else None
        (revision or page.save_revision()).publish()
        ProcedurePage.objects.filter(pk=page.pk).update(withdrawn_by_catalog=False)
    elif not procedure.is_active and page.live:
        page.unpublish()
        ProcedurePage.objects.filter(pk=page.pk).update(withdrawn_by_catalog=True)
    return page


def _rename(page, title):
    """The catalog's name on the live page and in the editor's latest revision, without publishing."""
    ProcedurePage.objects.filter(pk=page.pk).update(title=title, draft_title=title)
    revision = page.latest_revision
    if revision is not None and revision.content.get("title") != title:
        revision.content["title"] = revision.content["draft_title"] = title
        revision.save(update_fields=["content"])
    page.title = page.draft_title = title


@transaction.atomic
def sync_procedure_pages(index):
    return [sync_procedure_page(procedure, index) for procedure in Procedure.objects.order_by(by_name())]


def _slug(procedure):
    # Vietnamese names make long slugs; the national code keeps them unique.
    text = f"{procedure.national_code} {procedure.name}"[:80].replace("đ", "d").replace("Đ", "D")
    return slugify(text) or procedure.national_code
