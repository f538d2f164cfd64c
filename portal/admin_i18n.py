"""Wagtail's admin script catalogue, with this project's Vietnamese for what Wagtail's lacks.

Wagtail serves its scripts' messages from its own package alone; Django's JavaScriptCatalog then
ignores LOCALE_PATHS. This view adds them, so locale_overrides/vi/LC_MESSAGES/djangojs.po applies.
"""

from django.conf import settings
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response


class AdminJavaScriptCatalog(JavaScriptCatalog):
    def get_paths(self, packages):
        return super().get_paths(packages) + [str(path) for path in settings.LOCALE_PATHS]


_catalog = AdminJavaScriptCatalog.as_view(packages=["wagtail.admin"])


def admin_js_catalog(request, *args, **kwargs):
    """In the editor's own admin language, as Wagtail's view does."""
    return get_localized_response(_catalog, request, *args, **kwargs)
