"""Editors publish a procedure version in the Django admin: from the procedure as it stands, with a
future effective date, and see what changes before and after saving."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from procedures.catalog_files import document_from, step_from
from procedures.models import Procedure, ProcedureVersion
from procedures.models.catalog import validate_route
from procedures.services import versions

DOCUMENT_HELP = _(
    "Mỗi dòng một giấy tờ: tên | loại bản (original, copy, either) | số lượng | bắt buộc (1) hay không (0)."
)
ROUTE_HELP = _(
    "Mỗi dòng một bước: cấp (commune, district, province) | cơ quan (committee hoặc department:ngành) | "
    "số ngày làm việc | nội dung công việc."
)


def documents_text(documents):
    return "\n".join(
        f"{d['name']} | {d.get('copy', 'original')} | {d.get('quantity', 1)} | {int(d.get('mandatory', True))}"
        for d in documents
    )


def route_text(route):
    return "\n".join(f"{s['level']} | {s['agency']} | {s['days']} | {s['task']}" for s in route)


def _lines(text):
    return [[part.strip() for part in line.split("|")] for line in text.splitlines() if line.strip()]


class VersionForm(forms.ModelForm):
    documents_text = forms.CharField(
        label=_("Thành phần hồ sơ"), widget=forms.Textarea(attrs={"rows": 6}), help_text=DOCUMENT_HELP
    )
    route_text = forms.CharField(
        label=_("Quy trình xử lý"), widget=forms.Textarea(attrs={"rows": 4}), help_text=ROUTE_HELP
    )

    class Meta:
        model = ProcedureVersion
        exclude = ("documents", "route")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        source = None
        if self.instance.pk:
            source = versions.version_fields(self.instance)
        elif self.initial.get("procedure"):
            procedure = Procedure.objects.filter(pk=self.initial["procedure"]).first()
            if procedure is not None:  # a new version starts as a copy of the one in force
                source = versions.snapshot(procedure)
                for name in versions.FIELDS:
                    self.initial.setdefault(name, source[name])
        if source is not None:
            self.initial.setdefault("documents_text", documents_text(source["documents"]))
            self.initial.setdefault("route_text", route_text(source["route"]))

    def clean_effective_from(self):
        day = self.cleaned_data["effective_from"]
        if day < timezone.localdate():
            raise ValidationError(_("Ngày có hiệu lực không được trước hôm nay."))
        return day

    def clean(self):
        data = super().clean()
        try:
            data["documents"] = [
                document_from(dict(zip(("name", "copy", "quantity", "mandatory"), parts)))
                for parts in _lines(data.get("documents_text", ""))
            ]
            data["route"] = [
                step_from(dict(zip(("level", "agency", "days", "task"), parts)))
                for parts in _lines(data.get("route_text", ""))
            ]
            if not data["documents"]:
                raise ValidationError(_("Thủ tục phải có ít nhất một thành phần hồ sơ."))
            if data.get("processing_days") is not None:
                validate_route(data["processing_days"], [s["days"] for s in data["route"]])
        except ValidationError as error:
            raise ValidationError(error.messages) from None
        return data


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(admin.ModelAdmin):
    form = VersionForm
    list_display = ("procedure", "effective_from", "decision_number", "status")
    list_filter = ("effective_from",)
    list_select_related = ("procedure",)
    search_fields = ("procedure__national_code", "procedure__name", "decision_number")
    autocomplete_fields = ("procedure",)
    readonly_fields = ("difference",)
    fieldsets = (
        (None, {"fields": ("procedure", "effective_from", ("decision_number", "decision_date", "decision_signer"))}),
        (_("So với phiên bản đang áp dụng"), {"fields": ("difference",)}),
        (
            _("Nội dung phiên bản"),
            {
                "fields": (
                    ("time_limit_kind", "processing_days", "processing_hours", "cutoff_time"),
                    ("fee_vnd", "fee_note"),
                    "result_document",
                    ("result_kind", "result_type", "result_book"),
                    "legal_basis",
                    "online_level",
                    ("is_non_boundary", "case_basis"),
                    "assurance_level",
                    "description",
                    "documents_text",
                    "route_text",
                )
            },
        ),
    )

    @admin.display(description=_("Trạng thái"))
    def status(self, version):
        if version.procedure.version_in_force_id == version.pk:
            return _("Đang áp dụng")
        return _("Sắp áp dụng") if version.effective_from > timezone.localdate() else _("Đã thay thế")

    @admin.display(description=_("Thay đổi"))
    def difference(self, version):
        if not version.pk:
            return _("Lưu và tiếp tục chỉnh sửa để xem các thay đổi so với phiên bản đang áp dụng.")
        changes = versions.difference(versions.snapshot(version.procedure), versions.version_fields(version))
        return render_to_string("admin/procedures/version_difference.html", {"changes": changes})

    def has_change_permission(self, request, obj=None):
        # A version in force or replaced is a record of what dossiers were received under.
        return super().has_change_permission(request, obj) and (
            obj is None or obj.effective_from > timezone.localdate()
        )

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and (obj is None or not obj.dossiers.exists())

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        fields = {name: data[name] for name in versions.FIELDS}
        saved = versions.publish_version(
            data["procedure"],
            effective_from=data["effective_from"],
            decision_number=data["decision_number"],
            decision_date=data["decision_date"],
            decision_signer=data["decision_signer"],
            documents=data["documents"],
            route=data["route"],
            **fields,
        )
        obj.pk = saved.pk
        messages.info(
            request, _("Phiên bản có hiệu lực từ %(day)s.") % {"day": saved.effective_from.strftime("%d/%m/%Y")}
        )


class VersionInline(admin.TabularInline):
    """The procedure's versions, read-only; "Thêm phiên bản" opens the version form filled from it."""

    model = ProcedureVersion
    fields = (
        "effective_from",
        "decision_number",
        "decision_date",
        "time_limit_kind",
        "processing_days",
        "cutoff_time",
        "applied_at",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = _("Phiên bản (thêm phiên bản mới tại mục “Phiên bản thủ tục”)")

    def has_add_permission(self, request, obj=None):
        return False
