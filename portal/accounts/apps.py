from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from . import lockout  # noqa: F401 - connects the per-address count of failed sign-ins
