from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Họp không giấy")

    def ready(self):
        from . import signals  # noqa: F401 - connects the sign-out receiver
