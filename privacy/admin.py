"""Administrators read the personal data records here; nobody edits or deletes them by hand."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from government.admin import ReadOnlyAdmin

from .models import AccessLogEntry, RegistryLookup


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "officer_name", "agency_name", "what", "dossier_code", "item")
    list_filter = ("what", "agency_name")
    search_fields = ("subject_personal_id", "officer_name", "officer__username", "dossier__code")
    date_hierarchy = "at"
    list_select_related = ("dossier",)

    @admin.display(description=_("mã hồ sơ"), ordering="dossier__code")
    def dossier_code(self, entry):
        return entry.dossier.code or f"#{entry.dossier_id}"


@admin.register(RegistryLookup)
class RegistryLookupAdmin(ReadOnlyAdmin):
    list_display = ("at", "masked_id", "actor", "purpose", "outcome", "cached")
    list_filter = ("outcome", "cached")
    search_fields = ("actor", "purpose")
    date_hierarchy = "at"
