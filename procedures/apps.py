from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = _("Thủ tục hành chính")

    def ready(self):
        from . import checks  # noqa: F401 - registers the settings checks
