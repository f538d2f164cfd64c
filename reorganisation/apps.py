from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReorganisationConfig(AppConfig):
    """Units and agencies change (issue 38): a plan of succession, checked against the live database
    before it is applied (docs/reorganisation.md)."""

    name = "reorganisation"
    label = "reorganisation"
    verbose_name = _("Sắp xếp đơn vị hành chính và cơ quan")
