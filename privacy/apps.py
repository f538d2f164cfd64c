from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Bảo vệ dữ liệu cá nhân")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from citizen_registry_adapter.audit import lookup_logged
        from procedures.signals import store_used

        from .services import record_lookup, record_store_use

        lookup_logged.connect(record_lookup, dispatch_uid="privacy.record_lookup")
        store_used.connect(record_store_use, dispatch_uid="privacy.record_store_use")
