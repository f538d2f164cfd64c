from django.contrib import admin

from government.admin import ReadOnlyAdmin

from .models import DocumentType, RegisterSequence


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "abbreviation", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "abbreviation")


@admin.register(RegisterSequence)
class RegisterSequenceAdmin(ReadOnlyAdmin):
    """Numbers are given by the clerks' work, never typed in."""

    list_display = ("agency", "direction", "year", "last_number")
    list_filter = ("direction", "year")
    list_select_related = ("agency",)
    search_fields = ("agency__name",)
