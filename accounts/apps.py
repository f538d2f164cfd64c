from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Identity: the user model, registration, the staff's second factor and its enrolment, sign-in
    lockout, the assurance level of a sign-in. Its pages are portal/accounts."""

    name = "accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self):
        from . import checks, lockout, signed_in  # noqa: F401 - the deploy checks; the per-address count of failed sign-ins

        signed_in.connect()
