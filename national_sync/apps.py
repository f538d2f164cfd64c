from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalSyncConfig(AppConfig):
    name = "national_sync"
    verbose_name = _("Đồng bộ Cổng Dịch vụ công quốc gia")

    def ready(self):
        from . import signals, tasks  # noqa: F401  (Django's way: receivers connect when the app is ready)
