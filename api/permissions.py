from rest_framework.permissions import BasePermission

from government.selectors import role_of
from procedures import policy

from .models import Scope, SystemClient


class IsCitizen(BasePermission):
    message = "Chỉ tài khoản công dân dùng được chức năng này."

    def has_permission(self, request, view):
        return (
            request.user.is_authenticated
            and not isinstance(request.auth, SystemClient)
            and role_of(request.user) == policy.CITIZEN
        )


class IsSystem(BasePermission):
    message = "Cần khóa API của hệ thống đã đăng ký."

    def has_permission(self, request, view):
        return isinstance(request.auth, SystemClient)


class MayFireTransitions(IsSystem):
    message = "Khóa API này chỉ được đọc, không được thực hiện bước xử lý."

    def has_permission(self, request, view):
        return (
            super().has_permission(request, view)
            and request.auth.scope == Scope.TRANSITIONS
            and request.auth.acting_user_id is not None
        )
