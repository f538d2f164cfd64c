from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.content.models import HelpPage, NewsPage
from procedures.selectors import catalog_summary

from .translation import InReadersLanguage, default_locale_pages, shown_in_readers_language


class HomePage(InReadersLanguage, Page):
    """The province portal's home page; its editors write the introduction in the Wagtail admin."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalog"] = catalog_summary()
        # news and help hang under the Vietnamese pages; each is shown in the reader's language
        context["news"] = shown_in_readers_language(default_locale_pages(NewsPage).live().order_by("-date")[:3])
        context["help_pages"] = shown_in_readers_language(default_locale_pages(HelpPage).live().child_of(self.original))
        return context
