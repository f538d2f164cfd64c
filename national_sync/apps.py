from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalSyncConfig(AppConfig):
    name = "national_sync"
    verbose_name = _("Đồng bộ Cổng Dịch vụ công quốc gia")

    def ready(self):
        from portal import metrics

        from . import signals  # noqa: F401

        metrics.install()  # transitions by kind, and the backlogs this app keeps
