from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from . import checks, lockout  # noqa: F401 - the deploy checks; the per-address count of failed sign-ins
