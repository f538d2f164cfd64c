from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from government.admin import ReadOnlyAdmin

from . import services
from .models import Delivery, OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    """The province administrator's view of synchronisation: dead letters first, with the error,
    and a retry. Messages themselves are never edited: they say what happened."""

    list_display = ("dossier_code", "status_code", "delivery", "attempts", "last_error", "created_at", "sent_at")
    list_filter = ("delivery",)
    search_fields = ("payload__MaHoSo",)
    actions = ["retry"]
    ordering = ("-delivery", "-id")  # "sent" < "pending" < "dead" backwards: dead letters on top

    @admin.display(description=gettext_lazy("mã hồ sơ"))
    def dossier_code(self, message):
        return message.payload.get("MaHoSo", "")

    @admin.action(description=gettext_lazy("Gửi lại các thông điệp đã chọn"))
    def retry(self, request, queryset):
        count = services.retry(list(queryset.exclude(delivery=Delivery.SENT)))
        messages.success(request, _("Đã xếp %(count)s thông điệp vào hàng đợi gửi lại.") % {"count": count})
