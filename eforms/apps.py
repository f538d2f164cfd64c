from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EformsConfig(AppConfig):
    name = "eforms"
    verbose_name = _("Biểu mẫu điện tử")
    default_auto_field = "django.db.models.BigAutoField"
