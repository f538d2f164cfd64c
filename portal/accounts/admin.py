from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from . import lockout
from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Công dân"), {"fields": ("personal_id", "phone", "date_of_birth", "identity_verified_at")}),
        (_("Cần xem xét"), {"fields": ("flagged_at", "flag_reason")}),
    )
    readonly_fields = ("identity_verified_at", "flagged_at", "flag_reason")
    list_display = ("username", "get_full_name", "personal_id", "is_staff", "is_active", "flagged_at")
    list_filter = BaseUserAdmin.list_filter + (("flagged_at", admin.EmptyFieldListFilter),)
    search_fields = ("username", "first_name", "last_name", "personal_id")

    actions = ["unlock_sign_in"]

    @admin.action(description=_("Mở khóa đăng nhập (sau nhiều lần nhập sai mật khẩu)"))
    def unlock_sign_in(self, request, queryset):
        count = sum(1 for user in queryset if lockout.unlock(user))
        self.message_user(request, _("Đã mở khóa đăng nhập cho %(count)s tài khoản.") % {"count": count})
