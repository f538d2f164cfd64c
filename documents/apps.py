from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Văn bản điện tử")

    def ready(self):
        from government import registers

        from .services.outgoing import register_issued

        registers.provide(register_issued)
