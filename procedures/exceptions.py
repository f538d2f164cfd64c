"""Errors of the procedure domain. Each carries a translated message fit to show a user as it is."""

from django.utils.translation import gettext_lazy as _

from government.exceptions import DomainError

__all__ = ["ConcurrentChange", "DomainError", "PermissionDenied", "RouteError", "TransitionNotAllowed"]


class TransitionNotAllowed(DomainError):
    """The dossier's state does not allow this action (or a precondition fails)."""

    default_message = _("Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.")


class PermissionDenied(DomainError):
    """The actor's role or agency may not take this action on this dossier."""

    default_message = _("Bạn không có quyền thực hiện thao tác này trên hồ sơ.")


class ConcurrentChange(DomainError):
    default_message = _("Hồ sơ vừa được người khác xử lý. Vui lòng tải lại để xem trạng thái mới nhất.")


class RouteError(DomainError):
    default_message = _("Quy trình xử lý của thủ tục không hợp lệ.")
