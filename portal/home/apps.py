from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "portal.home"
    label = "home"
    verbose_name = _("Trang chủ cổng dịch vụ công")

    def ready(self):
        # The web layer counts what the systems below it do (transitions, the outbox's backlog): the
        # metrics read national_sync and procedures, never the other way round.
        from portal import metrics

        metrics.install()
