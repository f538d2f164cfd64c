from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from government.models import AdministrativeUnit, Agency, CalendarException, Desk, StaffRole


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records that only the services write (logs, counters, registers): viewable, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit_type", "level", "parent", "valid_until", "successor")
    list_filter = ("level", "unit_type", ("valid_until", admin.EmptyFieldListFilter))
    search_fields = ("code", "name", "short_name")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent", "successor")
    readonly_fields = ("valid_from", "valid_until", "successor")  # set by a reorganisation plan (reorganisation app)


class DeskInline(admin.TabularInline):
    model = Desk
    fk_name = "center"
    extra = 0
    autocomplete_fields = ("hosted_agency",)


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    inlines = [DeskInline]
    list_display = ("electronic_code", "name", "kind", "unit", "code_is_demo", "valid_until", "successor")
    list_filter = ("kind", "unit__level", "code_is_demo", ("valid_until", admin.EmptyFieldListFilter))
    list_select_related = ("unit", "successor")
    search_fields = ("electronic_code", "name", "unit__name")
    readonly_fields = ("valid_from", "valid_until", "successor")  # set by a reorganisation plan (reorganisation app)
    autocomplete_fields = ("unit",)
    fieldsets = (
        (None, {"fields": ("name", "unit", "kind", "sector", "electronic_code", "code_is_demo", "desk_name")}),
        (_("Giờ làm việc"), {"fields": (("morning_start", "morning_end"), ("afternoon_start", "afternoon_end"))}),
        (_("Hiệu lực và kế thừa"), {"fields": ("valid_from", "valid_until", "successor")}),
    )


@admin.register(CalendarException)
class CalendarExceptionAdmin(admin.ModelAdmin):
    list_display = ("date", "is_working_day", "reason", "source")
    list_filter = ("is_working_day",)
    search_fields = ("reason", "source")
    date_hierarchy = "date"


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "agency")
    list_filter = ("role",)
    list_select_related = ("user", "agency")
    autocomplete_fields = ("user", "agency")
    search_fields = ("user__username", "agency__name")
