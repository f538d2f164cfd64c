"""Administrators read the personal data records here; nobody edits or deletes them by hand."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from procedures.admin import ReadOnlyAdmin

from .models import AccessLogEntry, Consent, RegistryLookup


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


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    list_display = ("user", "purpose", "terms_version", "method", "given_at", "withdrawn_at")
    list_filter = ("purpose", "method", "terms_version")
    search_fields = ("user__username", "user__personal_id")
    list_select_related = ("user",)


@admin.register(RegistryLookup)
class RegistryLookupAdmin(ReadOnlyAdmin):
    list_display = ("at", "masked_id", "actor", "purpose", "outcome", "cached")
    list_filter = ("outcome", "cached")
    search_fields = ("actor", "purpose")
    date_hierarchy = "at"
