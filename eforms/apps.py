from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class EformsConfig(AppConfig):
    name = "eforms"
    verbose_name = _("Biểu mẫu điện tử")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from government.models import AdministrativeUnit

        from .fields import units_changed

        post_save.connect(units_changed, sender=AdministrativeUnit, dispatch_uid="eform-units-saved")
        post_delete.connect(units_changed, sender=AdministrativeUnit, dispatch_uid="eform-units-deleted")
