"""The catalog on the citizen portal: an index with filters and one page per procedure.

A procedure page shows the catalog data itself (procedures.Procedure); editors add only their
own guidance. Pages are created and renamed by `services.sync_procedure_pages`, never typed.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from government.collation import by_name
from government.models import UnitLevel
from government.selectors import levels_in_use
from portal.forms import valid_or_default
from portal.home.translation import InReadersLanguage
from portal.page_cache import version
from procedures.models import Field, Procedure
from procedures.selectors import filing_points, receiving_agencies
from procedures.services import versions
from search.services import find_procedures

from .forms import CatalogFilterForm


class ProcedureIndexPage(InReadersLanguage, Page):
    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["catalog.ProcedurePage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh mục thủ tục hành chính")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        values = valid_or_default(
            CatalogFilterForm(request.GET), {"level": "", "field": "", "point": "", "online": "", "q": "", "page": 1}
        )
        number = values.pop("page")
        chosen = {key: str(value).strip() for key, value in values.items()}
        procedures, total, facets = find_procedures(
            chosen["q"],
            level=chosen["level"],
            field=chosen["field"],
            point=chosen["point"],
            online=chosen["online"],
            offset=(number - 1) * PAGE,
            limit=PAGE,
        )
        in_use = levels_in_use()
        pages = {page.procedure_id: page for page in ProcedurePage.objects.live().filter(procedure__in=procedures)}
        context.update(
            chosen=chosen,
            total=total,
            number=number,
            has_next=number * PAGE < total,
            has_previous=number > 1,
            # Only the tree's own levels: the two-level tree offers no "Cấp huyện (0)".
            levels=[
                (value, label, facets.get("level", {}).get(value, 0))
                for value, label in UnitLevel.choices
                if value in in_use
            ],
            fields=[
                (field, facets.get("field", {}).get(str(field.pk), 0)) for field in Field.objects.order_by(by_name())
            ],
            points=[(value, label, facets.get("point", {}).get(value, 0)) for value, label in filing_points()],
            results=[(procedure, pages.get(procedure.pk)) for procedure in procedures],
            query_without_page="&".join(f"{key}={value}" for key, value in chosen.items() if value),
        )
        return context


PAGE = 20


class ProcedurePage(Page):
    procedure = models.OneToOneField(
        "procedures.Procedure", verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="page"
    )
    guidance = RichTextField(_("hướng dẫn thêm của biên tập viên"), blank=True)
    # Set when the catalog itself unpublished the page (procedure withdrawn): only then does it
    # publish the page again. A page an editor unpublished stays so until an editor publishes it.
    withdrawn_by_catalog = models.BooleanField(default=False, editable=False)

    content_panels = [
        FieldPanel("title", read_only=True),
        FieldPanel("procedure", read_only=True),
        FieldPanel("guidance"),
    ]
    promote_panels = []
    parent_page_types = ["catalog.ProcedureIndexPage"]
    subpage_types = []
    # The catalog creates these pages (portal/catalog/services.py); editors only add guidance.
    is_creatable = False

    class Meta:
        verbose_name = _("trang thủ tục")

    def get_context(self, request, *args, **kwargs):
        """The page's body is the same for every visitor, signed in or not: it is rendered once per
        catalog version, language and page (portal/page_cache.py moves the version on any catalog
        change), and again after ANONYMOUS_PAGE_CACHE_SECONDS for what depends on the date (an
        upcoming version). Editors' previews are never cached."""

        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        key = f"procedure-body:{version()}:{get_language()}:{self.pk}"
        body = None if preview else cache.get(key)
        if body is None:
            body = render_to_string("catalog/_procedure_body.html", self._body_context(context), request=request)
            if not preview:
                cache.set(key, body, settings.ANONYMOUS_PAGE_CACHE_SECONDS)
        context["body"] = mark_safe(body)  # noqa: S308 — rendered by the template engine, escaped there
        return context

    def _body_context(self, context):
        procedure = (
            Procedure.objects.select_related("field", "version_in_force")
            .prefetch_related("route_steps", "required_documents")
            .get(pk=self.procedure_id)
        )
        agencies = list(receiving_agencies(procedure))
        upcoming = versions.upcoming(procedure).first()
        return {
            **context,
            "version": procedure.version_in_force,
            "upcoming": upcoming,
            "upcoming_changes": versions.difference(versions.snapshot(procedure), versions.version_fields(upcoming))
            if upcoming
            else [],
            "procedure": procedure,
            "documents": procedure.required_documents.all(),
            "route": procedure.route_steps.all(),
            "agencies": agencies,
            "agency_groups": _group_by_parent(agencies),
        }


def _group_by_parent(agencies):
    groups = {}
    for agency in agencies:
        parent = agency.unit.parent
        groups.setdefault(parent.name if parent else "", []).append(agency)
    return list(groups.items())
