from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = _("Thanh toán phí, lệ phí")

    def ready(self):
        from . import signals  # noqa: F401
