from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from government.admin import ReadOnlyAdmin

from . import enrolment, lockout
from .models import Consent, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Công dân"), {"fields": ("personal_id", "phone", "date_of_birth", "identity_verified_at")}),
        (_("Cần xem xét"), {"fields": ("flagged_at", "flag_reason")}),
    )
    readonly_fields = ("identity_verified_at", "flagged_at", "flag_reason")
    list_display = ("username", "get_full_name", "personal_id", "is_staff", "is_active", "flagged_at")
    list_filter = (*BaseUserAdmin.list_filter, ("flagged_at", admin.EmptyFieldListFilter))
    search_fields = ("username", "first_name", "last_name", "personal_id")

    actions = ["unlock_sign_in", "issue_enrolment_code"]

    @admin.action(description=_("Cấp mã đăng ký xác thực hai lớp"))
    def issue_enrolment_code(self, request, queryset):
        for user in queryset.filter(is_staff=True, is_active=True):
            self.message_user(
                request,
                _("Mã đăng ký của %(user)s: %(code)s (dùng một lần, hết hạn sau %(hours)s giờ).")
                % {
                    "user": user.username,
                    "code": enrolment.issue(user, request.user),
                    "hours": settings.OTP_ENROLMENT_CODE_HOURS,
                },
                messages.WARNING,
            )

    @admin.action(description=_("Mở khóa đăng nhập (sau nhiều lần nhập sai mật khẩu)"))
    def unlock_sign_in(self, request, queryset):
        count = sum(1 for user in queryset if lockout.unlock(user))
        self.message_user(request, _("Đã mở khóa đăng nhập cho %(count)s tài khoản.") % {"count": count})


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    list_display = ("user", "purpose", "terms_version", "method", "given_at", "withdrawn_at")
    list_filter = ("purpose", "method", "terms_version")
    search_fields = ("user__username", "user__personal_id")
    list_select_related = ("user",)
