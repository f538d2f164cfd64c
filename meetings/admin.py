from django.contrib import admin

from government.admin import ReadOnlyAdmin

from .models import Meeting, Participant


class ParticipantInline(admin.TabularInline):
    model = Participant
    fields = ("user", "role", "group", "is_secretary", "checked_in_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    """Meetings are prepared on the organisers' pages (/hop/), which keep seats, versions and votes
    consistent; administrators look, and find a meeting for a support call."""

    list_display = ("title", "agency", "starts_at", "ends_at", "minutes_signed_at")
    list_filter = ("agency",)
    list_select_related = ("agency",)
    search_fields = ("title", "place")
    exclude = ("qr_key",)  # the invitation's secret stays on the organisers' page
    inlines = [ParticipantInline]
