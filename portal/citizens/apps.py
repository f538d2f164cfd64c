from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizensConfig(AppConfig):
    name = "portal.citizens"
    label = "citizens"
    verbose_name = _("Dịch vụ cho công dân")

    def ready(self):
        from . import list_cache

        list_cache.connect()
