"""Editorial pages of the portal: news and help, written by editors in the Wagtail admin."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.home.slugs import AsciiSlugMixin
from portal.home.translation import InReadersLanguage, default_locale_pages, shown_in_readers_language


class NewsIndexPage(InReadersLanguage, Page):
    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["content.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh sách tin tức")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # the news hangs under the Vietnamese index; each item is shown in the reader's language
        items = (
            default_locale_pages(NewsPage).live().child_of(self.original).select_related("lead_image").order_by("-date")
        )
        context["items"] = shown_in_readers_language(items)
        return context


class NewsPage(InReadersLanguage, AsciiSlugMixin, Page):
    date = models.DateField(_("ngày đăng"), default=timezone.localdate)
    summary = models.CharField(_("tóm tắt"), max_length=300)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Hiện ở đầu bài và trong danh sách tin."),
    )
    body = RichTextField(_("nội dung"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["content.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tin tức")


class HelpPage(InReadersLanguage, AsciiSlugMixin, Page):
    """A help or guidance page; help pages may nest (a topic and its questions)."""

    body = RichTextField(_("nội dung"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    subpage_types = ["content.HelpPage"]

    class Meta:
        verbose_name = _("trang hướng dẫn")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().specific()
        return context
