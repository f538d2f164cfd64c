"""The Wagtail admin and the catalog: catalog pages are the catalog's, not the editors', to delete."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import ProcedureIndexPage, ProcedurePage

REFUSAL = _(
    "Trang danh mục thủ tục và các trang thủ tục do danh mục thủ tục hành chính quản lý nên không xóa "
    "được. Để ẩn một trang, hãy ngừng xuất bản (Unpublish); thủ tục ngừng áp dụng được ẩn tự động."
)


def _holds_catalog(pages):
    return any(page.get_descendants(inclusive=True).type(ProcedureIndexPage, ProcedurePage).exists() for page in pages)


@hooks.register("before_delete_page")
def keep_catalog_pages(request, page):
    if _holds_catalog([page]):
        messages.error(request, REFUSAL)
        return redirect("wagtailadmin_explore", page.get_parent().pk if page.get_parent() else page.pk)
    return None


@hooks.register("before_bulk_action")
def keep_catalog_pages_in_bulk(request, action_type, objects, action_class_instance):
    if action_type == "delete" and _holds_catalog(objects):
        messages.error(request, REFUSAL)
        return redirect(request.META.get("HTTP_REFERER") or "wagtailadmin_home")
    return None
