from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizenRegistryAdapterConfig(AppConfig):
    name = "citizen_registry_adapter"
    verbose_name = _("CSDL quốc gia về dân cư")
