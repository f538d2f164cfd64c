from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = _("Thủ tục hành chính")

    def ready(self):
        from . import checks, tasks  # noqa: F401 - the settings checks register; the tasks listen to the services
