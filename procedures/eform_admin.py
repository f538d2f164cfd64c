"""Catalog administrators edit a required document's electronic form as JSON, checked on save, with a
preview of the form as the applicant will see it.

The catalogue (procedures) uses the forms engine (eforms), never the other way round, so this admin
lives here; its proxy keeps the eforms label, and with it its address and permissions."""

import json

from django import forms
from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from eforms.forms import EForm
from eforms.schema import check_definition
from procedures.models import RequiredDocument


class EFormDocument(RequiredDocument):
    class Meta:
        proxy = True
        app_label = "eforms"
        verbose_name = _("biểu mẫu điện tử")
        verbose_name_plural = _("biểu mẫu điện tử")


class PrettyJSONField(forms.JSONField):
    """JSON shown indented, with Vietnamese letters as they are, not escaped."""

    def prepare_value(self, value):
        if isinstance(value, str):
            return value
        return json.dumps(value, ensure_ascii=False, indent=1) if value is not None else ""


class DefinitionForm(forms.ModelForm):
    eform = PrettyJSONField(
        label=_("Định nghĩa biểu mẫu (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 30, "cols": 100, "spellcheck": "false"}),
        help_text=_("Xem docs/eforms.md: các loại trường, điều kiện, nhóm lặp lại."),
    )

    class Meta:
        model = EFormDocument
        fields = ("eform",)

    def clean_eform(self):
        value = self.cleaned_data["eform"]
        if value:
            check_definition(value)
        return value or None


@admin.register(EFormDocument)
class EFormDocumentAdmin(admin.ModelAdmin):
    form = DefinitionForm
    list_display = ("name", "procedure", "has_form")
    list_filter = (("eform", admin.EmptyFieldListFilter),)
    list_select_related = ("procedure",)
    search_fields = ("name", "procedure__name", "procedure__national_code")
    fields = ("procedure_name", "name", "eform", "preview")
    readonly_fields = ("procedure_name", "name", "preview")

    @admin.display(description=_("Thủ tục"))
    def procedure_name(self, document):
        return document.procedure

    @admin.display(description=_("Có biểu mẫu điện tử"), boolean=True)
    def has_form(self, document):
        return bool(document.eform)

    @admin.display(description=_("Xem trước"))
    def preview(self, document):
        if not document.eform:
            return _("Chưa có biểu mẫu.")
        return render_to_string(
            "eforms/_preview.html",
            {"eform": EForm(document.eform, None, prefix="preview"), "slot": 0, "show_errors": False},
        )

    def has_add_permission(self, request):
        return False  # documents are added with their procedure (or its version)
