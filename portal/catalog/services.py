from django.db import transaction
from django.utils.text import slugify

from procedures.models import Procedure

from .models import ProcedureIndexPage, ProcedurePage

INTRO = "<p>Tra cứu thủ tục hành chính theo cấp thực hiện, lĩnh vực và nơi nộp hồ sơ.</p>"


@transaction.atomic
def ensure_catalog_index(home):
    index = ProcedureIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=ProcedureIndexPage(title="Thủ tục hành chính", slug="thu-tuc", intro=INTRO))
    return index


def sync_procedure_page(procedure, index=None):
    """Create, rename or (for a withdrawn procedure) unpublish the procedure's page."""
    index = index or ProcedureIndexPage.objects.first()
    if index is None:
        return None
    page = ProcedurePage.objects.filter(procedure=procedure).first()
    if page is None:
        if not procedure.is_active:
            return None
        page = ProcedurePage(title=procedure.name[:255], slug=_slug(procedure), procedure=procedure)
        index.add_child(instance=page)
        return page
    if page.title != procedure.name[:255]:
        page.title = procedure.name[:255]
        page.save_revision().publish()
    if procedure.is_active and not page.live:
        page.save_revision().publish()
    elif not procedure.is_active and page.live:
        page.unpublish()
    return page


@transaction.atomic
def sync_procedure_pages(index):
    return [sync_procedure_page(procedure, index) for procedure in Procedure.objects.order_by("name")]


def _slug(procedure):
    # Vietnamese names make long slugs; the national code keeps them unique.
    text = f"{procedure.national_code} {procedure.name}"[:80].replace("đ", "d").replace("Đ", "D")
    return slugify(text) or procedure.national_code
