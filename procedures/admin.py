from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from government.admin import ReadOnlyAdmin
from procedures.models import (
    DocumentKind,
    Dossier,
    DossierEvent,
    DossierStep,
    Field,
    Procedure,
    RequiredDocument,
    RouteStep,
    StoredDocument,
)
from procedures.services import validate_route

from . import eform_admin, version_admin  # noqa: F401  (they register their admins)


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name",)


class RouteFormSet(BaseInlineFormSet):
    """Rejects a route whose steps do not add up to the procedure's processing time."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        days = [
            form.cleaned_data["working_days"]
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        processing_days = self.instance.processing_days
        if processing_days is None:
            return  # the procedure form itself reports the missing value
        validate_route(processing_days, days)


class RouteStepInline(admin.TabularInline):
    model = RouteStep
    formset = RouteFormSet
    extra = 0
    min_num = 1


@admin.register(DocumentKind)
class DocumentKindAdmin(admin.ModelAdmin):
    """The kinds of paper (issue 39): what required documents accept, results are and scans are kept as."""

    list_display = ("name", "code", "validity_months", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "code")


class RequiredDocumentInline(admin.TabularInline):
    model = RequiredDocument
    extra = 0
    autocomplete_fields = ("kinds",)


@admin.register(StoredDocument)
class StoredDocumentAdmin(ReadOnlyAdmin):
    """Read-only: papers enter a store through the services and only their owner removes an upload."""

    list_display = ("title", "kind", "source", "number", "issuer_name", "issued_on", "valid_until", "removed_at")
    list_filter = ("source", "kind")
    search_fields = ("number", "title")
    list_select_related = ("kind",)
    exclude = ("personal_id", "file", "sha256")


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ("national_code", "name", "field", "processing_days", "online_level", "is_active")
    list_filter = ("field", "online_level", "route_steps__level", "is_non_boundary", "is_active")
    search_fields = ("national_code", "name")
    inlines = [RequiredDocumentInline, RouteStepInline, version_admin.VersionInline]
    fields = (
        "national_code",
        "name",
        "field",
        "is_active",
        ("time_limit_kind", "processing_days", "processing_hours", "cutoff_time"),
        ("fee_vnd", "fee_note"),
        ("result_document", "result_document_kind"),
        ("result_kind", "result_type", "result_book"),
        "legal_basis",
        "online_level",
        ("is_non_boundary", "case_basis"),
        "assurance_level",
        "description",
        "retention_years",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("field").distinct()


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DossierStepInline(ReadOnlyInline):
    model = DossierStep
    fields = ("index", "agency", "working_days", "started_at", "due_at", "completed_at", "timeliness")
    readonly_fields = fields


class DossierEventInline(ReadOnlyInline):
    model = DossierEvent
    fields = ("created_at", "action", "from_state", "to_state", "actor", "actor_role", "agency", "comment")
    readonly_fields = fields


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdmin):
    """Read-only: dossiers change only through the lifecycle services, which keep the log."""

    list_display = ("code", "procedure", "state", "receiving_agency", "current_agency", "due_at", "timeliness")
    list_filter = ("state", "channel", "timeliness")
    search_fields = ("code", "applicant_name")
    list_select_related = ("procedure", "receiving_agency", "current_agency")
    inlines = [DossierStepInline, DossierEventInline]


@admin.register(DossierEvent)
class DossierEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "dossier", "action", "from_state", "to_state", "actor", "actor_role")
    list_filter = ("action", "actor_role")
    search_fields = ("dossier__code",)
    list_select_related = ("dossier", "actor")
