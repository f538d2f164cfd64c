from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "portal.backoffice"
    label = "backoffice"
    verbose_name = _("Phần mềm một cửa cho cán bộ")

    def ready(self):
        from . import queue_cache

        queue_cache.connect()
