"""The base of every error a user may be shown as it is, shared by procedures, documents and meetings."""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """Carries a translated message fit to show a user as it is."""

    default_message = _("Thao tác không hợp lệ.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))
