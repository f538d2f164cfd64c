from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class GovernmentConfig(AppConfig):
    name = "government"
    verbose_name = _("Bộ máy hành chính")

    def ready(self):
        from .collation import register

        connection_created.connect(register, dispatch_uid="government.collation")
