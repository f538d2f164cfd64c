import datetime as dt

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from government.models import UnitLevel
from government.validators import PHONE
from portal.forms import MultipleFileField, PlaceFieldsMixin, QuickSelectsMixin
from procedures.models import (
    ComponentForm,
    DocumentKind,
    DossierState,
    Field,
    Outcome,
    ResultDelivery,
    ResultKind,
    StopGround,
    UnscannedReason,
)
from procedures.pdf.results import terms_of
from reporting.selectors import BREAKDOWNS, CURRENT, MEASURES, RESPONSIBLE, UNIT_VIEWS, VIEWS

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class TransferForm(forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến, nội dung chuyển"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    files = MultipleFileField(label=_("Tệp đính kèm (văn bản, tờ trình, biên bản…)"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class SupplementForm(forms.Form):
    missing_items = forms.CharField(
        label=_("Giấy tờ cần bổ sung, hoàn thiện (mỗi dòng một mục)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    comment = forms.CharField(
        label=_("Lý do, hướng dẫn"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_missing_items(self):
        items = [line.strip() for line in self.cleaned_data["missing_items"].splitlines() if line.strip()]
        if not items:
            raise forms.ValidationError(_("Hãy ghi ít nhất một giấy tờ cần bổ sung."))
        return items


class ProposeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Đề xuất"), choices=Outcome.choices, widget=forms.RadioSelect, initial=Outcome.RESULT
    )
    generate = forms.BooleanField(label=_("Tạo văn bản kết quả từ danh mục thủ tục"), required=False, initial=True)
    result_file = forms.FileField(label=_("Hoặc tải lên văn bản kết quả (PDF)"), required=False)
    note = forms.CharField(
        label=_("Ý kiến, lý do"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, dossier=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.from_sector = dossier is not None and terms_of(dossier).result_kind == ResultKind.SECTOR
        if self.from_sector:  # nothing to generate: the sector system issued and numbered the result
            del self.fields["generate"]
            self.fields["result_file"].label = _("Kết quả do hệ thống chuyên ngành cấp (PDF)")
            self.fields["result_file"].help_text = _(
                "Tải lên nguyên bản kết quả đã được hệ thống chuyên ngành "
                "ký số và đánh số; hệ thống giữ nguyên, không đánh số lại."
            )

    def clean(self):
        cleaned = super().clean()
        if self.from_sector and cleaned.get("outcome") == Outcome.RESULT and not cleaned.get("result_file"):
            self.add_error("result_file", _("Hãy tải lên kết quả (PDF) do hệ thống chuyên ngành cấp."))
        return cleaned


class ApologyForm(forms.Form):
    new_appointment_at = forms.DateTimeField(
        label=_("Ngày hẹn trả kết quả mới"), widget=DATETIME_INPUT, input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]
    )
    reason = forms.CharField(label=_("Lý do chậm trễ"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class StopForm(forms.Form):
    ground = forms.ChoiceField(label=_("Căn cứ dừng giải quyết"), choices=StopGround.choices, widget=forms.RadioSelect)
    provision = forms.CharField(
        label=_("Căn cứ pháp lý cụ thể"),
        max_length=300,
        required=False,
        help_text=_("Bắt buộc khi dừng theo quy định của pháp luật: điều, khoản, văn bản (in trên Mẫu số 05)."),
    )
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class QueueFilterForm(QuickSelectsMixin, forms.Form):
    state = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("todo", _("Việc cần làm")), ("all", _("Tất cả"))]
        + [c for c in DossierState.choices if c[0] != "draft"],
    )
    procedure = forms.ChoiceField(label=_("Thủ tục"), required=False)
    level = forms.ChoiceField(
        label=_("Cấp đang xử lý"), required=False, choices=[("", _("Tất cả"))] + UnitLevel.choices
    )
    unit = forms.CharField(label=_("Mã đơn vị hành chính"), required=False, max_length=10)
    due = forms.ChoiceField(
        label=_("Thời hạn"),
        required=False,
        choices=[
            ("", _("Tất cả")),
            ("overdue", _("Quá hạn")),
            ("soon", _("Sắp đến hạn")),
            ("today", _("Đến hạn hôm nay")),
        ],
        help_text=_("Lọc theo thời hạn xét mọi hồ sơ đang giải quyết của cơ quan, ở bất kỳ bước nào."),
    )
    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[
            ("due", _("Hạn giải quyết sớm nhất")),
            ("-due", _("Hạn giải quyết muộn nhất")),
            ("-received", _("Mới tiếp nhận")),
            ("received", _("Tiếp nhận lâu nhất")),
            ("code", _("Mã hồ sơ")),
        ],
    )
    size = forms.TypedChoiceField(
        label=_("Số dòng mỗi trang"),
        required=False,
        coerce=int,
        empty_value=20,
        choices=[(20, "20"), (50, "50"), (100, "100")],
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, *args, procedures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].choices = [("", _("Tất cả"))] + [(str(p.pk), p.name) for p in procedures]


class IntakeForm(PlaceFieldsMixin, forms.Form):
    """The walk-in citizen and what the desk records besides the documents."""

    def __init__(self, *args, procedure, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_place_fields(procedure)

    batch = forms.UUIDField(widget=forms.HiddenInput)
    applicant_personal_id = forms.CharField(
        label=_("Số định danh cá nhân"),
        max_length=12,
        min_length=12,
        validators=[RegexValidator(r"^\d{12}$", _("Số định danh cá nhân gồm 12 chữ số."))],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    applicant_name = forms.CharField(label=_("Họ, chữ đệm và tên"), max_length=150, required=False)
    applicant_date_of_birth = forms.DateField(
        label=_("Ngày sinh"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    applicant_address = forms.CharField(label=_("Nơi thường trú"), max_length=300, required=False)
    applicant_phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=10,
        required=False,
        validators=[PHONE],
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    applicant_email = forms.EmailField(label=_("Thư điện tử"), required=False)
    result_delivery = forms.ChoiceField(
        label=_("Hình thức nhận kết quả"),
        choices=ResultDelivery.choices,
        initial=ResultDelivery.COUNTER,
        widget=forms.RadioSelect,
    )
    delivery_address = forms.CharField(label=_("Địa chỉ nhận kết quả qua bưu chính"), max_length=300, required=False)
    fee_vnd = forms.IntegerField(
        label=_("Phí, lệ phí đã thu (đồng)"),
        min_value=0,
        max_value=1_000_000_000,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    fee_method = forms.ChoiceField(
        label=_("Hình thức thu"),
        required=False,
        initial="cash",
        choices=[("cash", _("Tiền mặt tại quầy")), ("card", _("Thẻ tại quầy"))],
        widget=forms.RadioSelect,
    )
    fee_note = forms.CharField(
        label=_("Ghi chú phí, lệ phí"),
        max_length=200,
        required=False,
        help_text=_("Ví dụ: số biên lai, hoặc lý do miễn, giảm."),
    )
    comment = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    # Written in the access log with every look-up in the citizen's store (issue 39).
    store_ground = forms.CharField(
        label=_("Căn cứ tra cứu kho dữ liệu của công dân"),
        max_length=255,
        required=False,
        initial=_("Tiếp nhận hồ sơ thủ tục hành chính theo yêu cầu của công dân (Nghị định 118/2025/NĐ-CP)"),
    )

    def clean(self):
        data = super().clean()
        if data.get("result_delivery") == ResultDelivery.POST and not (data.get("delivery_address") or "").strip():
            self.add_error("delivery_address", _("Hãy ghi địa chỉ nhận kết quả qua bưu chính."))
        return data


class ComponentIntakeForm(forms.Form):
    """One required document at the counter: received or not, in which form, how many, its scans."""

    received = forms.BooleanField(label=_("Đã nhận"), required=False)
    form = forms.ChoiceField(
        label=_("Hình thức"), choices=[c for c in ComponentForm.choices if c[0] != ComponentForm.ELECTRONIC]
    )
    quantity = forms.IntegerField(
        label=_("Số lượng"),
        min_value=1,
        max_value=99,
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    files = MultipleFileField(label=_("Bản quét (PDF, JPEG, PNG)"))
    drop = forms.TypedMultipleChoiceField(
        label=_("Bỏ tệp đã quét"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    unscanned_reason = forms.ChoiceField(
        label=_("Nếu chưa quét: lý do"), required=False, choices=[("", "—")] + UnscannedReason.choices
    )
    # Papers of the applicant's store offered for this document, after a logged look-up.
    store = forms.TypedMultipleChoiceField(
        label=_("Dùng giấy tờ trong kho dữ liệu của công dân"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Giấy tờ đã chọn không có trong kho dữ liệu của người nộp.")},
    )

    def __init__(self, *args, required_document, staged=(), offered=(), **kwargs):
        kwargs.setdefault("prefix", f"c{required_document.pk}")
        kind = {"original": ComponentForm.ORIGINAL, "copy": ComponentForm.COPY}.get(
            required_document.copy_kind, ComponentForm.ORIGINAL
        )
        kwargs.setdefault(
            "initial",
            {"received": required_document.is_mandatory, "form": kind, "quantity": required_document.quantity},
        )
        super().__init__(*args, **kwargs)
        self.required_document = required_document
        self.staged = list(staged)
        self.fields["drop"].choices = [(p.pk, p.name) for p in self.staged]
        self.offered = list(offered)
        self.fields["store"].choices = [(item.pk, str(item)) for item in self.offered]


class ProcedureChooserForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm thủ tục (gõ có dấu hoặc không dấu)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    level = forms.ChoiceField(label=_("Cấp"), required=False, choices=[("", _("Tất cả"))] + UnitLevel.choices)
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"), required=False, queryset=Field.objects.all(), empty_label=_("Tất cả")
    )


class RegisterForm(forms.Form):
    start = forms.DateField(label=_("Từ ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Đến ngày"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."))
        return data


class DossierSearchForm(forms.Form):
    code = forms.CharField(label=_("Mã hồ sơ"), required=False, max_length=40)
    name = forms.CharField(label=_("Họ tên người nộp (gõ có dấu hoặc không dấu)"), required=False, max_length=150)
    personal_id = forms.CharField(label=_("Số định danh cá nhân"), required=False, max_length=12)
    procedure = forms.ChoiceField(label=_("Thủ tục"), required=False)
    state = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả"))] + [c for c in DossierState.choices if c[0] != "draft"],
    )
    received_from = forms.DateField(
        label=_("Tiếp nhận từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(label=_("đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    declared = forms.CharField(
        label=_("Nội dung tờ khai điện tử"),
        required=False,
        max_length=100,
        help_text=_("Các trường chính của tờ khai: mục đích, số thửa, tên hộ kinh doanh…"),
    )
    timeliness = forms.ChoiceField(
        label=_("Tiến độ"),
        required=False,
        choices=[
            ("", _("Tất cả")),
            ("overdue", _("Đang quá hạn")),
            ("late_any", _("Trễ hạn hoặc đang quá hạn")),
            ("late", _("Đã trả, trễ hạn")),
            ("on_time", _("Đã trả, đúng hạn")),
            ("early", _("Đã trả, trước hạn")),
        ],
    )

    def __init__(self, *args, procedures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].choices = [("", _("Tất cả"))] + [(str(p.pk), p.name) for p in procedures]

    def clean(self):
        data = super().clean()
        for name in ("received_from", "received_to"):
            if data.get(name) and not dt.date(2000, 1, 1) <= data[name] <= dt.date(2100, 12, 31):
                self.add_error(name, _("Ngày nằm ngoài khoảng có hồ sơ."))
        return data


MONTH = RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", _("Tháng có dạng năm-tháng, ví dụ 2026-01."))
EARLIEST_MONTH = dt.date(2015, 1, 1)
MAX_MONTHS = 60


class MonthField(forms.CharField):
    """ "2026-01" → the first day of that month, between 2015 and next year."""

    def __init__(self, **kwargs):
        super().__init__(max_length=7, required=False, validators=[MONTH], **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        latest = dt.date.today().replace(day=1) + dt.timedelta(days=366)
        if not EARLIEST_MONTH.year <= int(value[:4]) <= latest.year:
            raise forms.ValidationError(_("Tháng nằm ngoài khoảng có số liệu."))
        month = dt.date(int(value[:4]), int(value[5:]), 1)
        if not EARLIEST_MONTH <= month <= latest:
            raise forms.ValidationError(_("Tháng nằm ngoài khoảng có số liệu."))
        return month


class DashboardForm(forms.Form):
    """The dashboard's query: scope, period and view (the parameter names are the page's own)."""

    don_vi = forms.CharField(required=False, max_length=10)
    tu = MonthField(label=_("Từ tháng"))
    den = MonthField(label=_("Đến tháng"))
    theo = forms.ChoiceField(label=_("Tính tiến độ"), required=False, choices=list(VIEWS.items()))
    don_vi_theo = forms.ChoiceField(label=_("Đơn vị"), required=False, choices=list(UNIT_VIEWS.items()))
    xuat = forms.ChoiceField(required=False, choices=[("", ""), ("csv", "CSV"), ("xlsx", "Excel")])
    bang = forms.CharField(required=False, max_length=20)

    @classmethod
    def from_query(cls, query):
        return cls({key.replace("-", "_"): value for key, value in query.items()})

    def clean(self):
        data = super().clean()
        start, end = data.get("tu"), data.get("den")
        if start and end and abs((end.year - start.year) * 12 + end.month - start.month) >= MAX_MONTHS:
            raise forms.ValidationError(_("Mỗi lần xem tối đa %(months)s tháng.") % {"months": MAX_MONTHS})
        data["theo"] = data.get("theo") or RESPONSIBLE
        data["don_vi_theo"] = data.get("don_vi_theo") or CURRENT
        return data


class DossierListForm(DashboardForm):
    """Which count of the dashboard to list the dossiers of."""

    chi_so = forms.ChoiceField(choices=list(MEASURES.items()))
    nhom = forms.ChoiceField(required=False, choices=[("", "")] + [(by, by) for by in BREAKDOWNS])
    khoa = forms.CharField(required=False, max_length=20)
    tuan = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)


class KeepScanForm(forms.Form):
    """The kind a counter scan is kept as in the applicant's store: one of its required document's kinds."""

    kind = forms.ModelChoiceField(label=_("Loại giấy tờ"), queryset=None)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = DocumentKind.objects.filter(pk__in=[k.pk for k in kinds])
