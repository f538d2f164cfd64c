"""Pages in the reader's language: Wagtail's own translations (wagtail.contrib.simple_translation,
decision 0029). A page with a published translation in the active language is served in it at the
page's own address; the reader's language comes from the portal's language switch, not the URL."""

from django.conf import settings
from django.db import transaction
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


class InReadersLanguage:
    """Mixed into a Page class: serve the translation in the active language when one is live.

    Wagtail routes from the site's root in the active language; only these pages are translated, so
    a translation routes through its original, where every page below lives (the procedures' pages)."""

    def route(self, request, path_components):
        original = self.original
        if original.pk != self.pk:
            return original.specific.route(request, path_components)
        return super().route(request, path_components)

    @property
    def original(self):
        """This page in the site's own language (itself if it is that page, or has none)."""
        return default_locale_pages(type(self)).filter(translation_key=self.translation_key).first() or self

    def serve(self, request, *args, **kwargs):
        translated = self.localized
        if translated.pk != self.pk and translated.live:
            return super(InReadersLanguage, translated.specific).serve(request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)


def default_locale_pages(model):
    """The pages of `model` in the site's own language (Vietnamese): their translations are not the tree."""
    # by language code, not Locale.get_default(): that raises where the locales' rows are gone (a
    # transactional test's flush), and callers only want "none yet" then
    return model.objects.filter(locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))


@transaction.atomic
def ensure_translation(page, language, **fields):
    """A published translation of `page` into `language` with `fields`, once; an editor's later
    changes to it stay."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    if page.has_translation(locale):
        copy = page.get_translation(locale)
        if copy.alias_of_id is None:
            return copy
        # translating a child first made this page's translation an alias of it: now it gets its words
        ConvertAliasPageAction(copy).execute(skip_permission_checks=True)
        copy = copy.specific_class.objects.get(pk=copy.pk)
    else:
        copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    copy.save_revision().publish()
    return copy


def shown_in_readers_language(pages):
    """`pages` (in the site's own language) each with `.shown`: its live translation in the active
    language, or itself; one query for all. Links go to the original's address (InReadersLanguage)."""
    pages = list(pages)
    if not pages:
        return pages
    locale = Locale.get_active()
    translations = {}
    if pages[0].locale_id != locale.pk:
        model = type(pages[0])
        translations = {
            page.translation_key: page
            for page in model.objects.live().filter(
                locale=locale, translation_key__in=[p.translation_key for p in pages]
            )
        }
    for page in pages:
        page.shown = translations.get(page.translation_key, page)
    return pages
