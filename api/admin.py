from django.contrib import admin, messages
from django.utils.translation import gettext as _
from rest_framework_api_key.admin import APIKeyModelAdmin
from rest_framework_api_key.models import APIKey

from .models import SystemClient

admin.site.unregister(APIKey)  # the library's own model is unused: systems are SystemClient


@admin.register(SystemClient)
class SystemClientAdmin(APIKeyModelAdmin):
    list_display = ("name", "prefix", "scope", "agency", "acting_user", "last_used_at", "expiry_date", "revoked")
    list_filter = ("scope", "revoked")
    fields = ("name", "scope", "agency", "acting_user", "contact", "expiry_date", "revoked", "prefix", "last_used_at")
    autocomplete_fields = ()
    raw_id_fields = ("acting_user",)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "last_used_at")

    def save_model(self, request, obj, form=None, change=False):
        if change:
            obj.save()
            return
        key = SystemClient.objects.assign_key(obj)
        obj.save()
        messages.warning(
            request,
            _(
                "Khóa API của “%(name)s”: %(key)s — hãy chuyển ngay cho đầu mối kỹ thuật qua kênh "
                "an toàn. Khóa chỉ hiện lần này; hệ thống chỉ lưu mã băm của khóa."
            )
            % {"name": obj.name, "key": key},
        )
