from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountPagesConfig(AppConfig):
    """The sign-in, second-factor, VNeID and password pages of the identity app `accounts` (an app so
    that its templates are found)."""

    name = "portal.accounts"
    label = "account_pages"
    verbose_name = _("Trang đăng nhập")
