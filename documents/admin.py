from django.contrib import admin

from government.admin import ReadOnlyAdmin

from .models import Delivery, DocumentType, ExternalDelivery, IncomingDocument, OutgoingDocument, RegisterSequence


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


@admin.register(IncomingDocument)
class IncomingDocumentAdmin(ReadOnlyAdmin):
    """Registered, assigned and closed by the clerks' and leaders' pages only (services keep the register)."""

    list_display = ("number", "year", "agency", "number_symbol", "sender", "state", "answer_due")
    list_filter = ("state", "year", "channel", "urgency")
    list_select_related = ("agency",)
    search_fields = ("number_symbol", "excerpt", "sender", "agency__name")


@admin.register(OutgoingDocument)
class OutgoingDocumentAdmin(ReadOnlyAdmin):
    list_display = ("symbol", "agency", "document_type", "state", "issued_on")
    list_filter = ("state", "year", "document_type")
    list_select_related = ("agency", "document_type")
    search_fields = ("symbol", "excerpt", "agency__name")


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ("document", "agency", "status", "changed_at")
    list_filter = ("status",)
    list_select_related = ("document", "agency")


@admin.register(ExternalDelivery)
class ExternalDeliveryAdmin(ReadOnlyAdmin):
    list_display = ("document", "recipient_name", "status", "attempts", "last_error", "changed_at")
    list_filter = ("status",)
    list_select_related = ("document",)
