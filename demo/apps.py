from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = _("Dữ liệu minh họa")

    def ready(self):
        # The demo CA signs for anyone without an installed certificate, while SIGNING_DEMO_CA is on.
        from signing_adapter.local import register_issuer

        from .pki import issue

        register_issuer(issue)
