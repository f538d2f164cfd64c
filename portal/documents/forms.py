from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import Channel, DocumentType, IncomingState, Outcome, OutgoingState, Urgency
from government.collation import by_name
from government.models import Agency
from portal.forms import BoundedModelMultipleChoiceField, MultipleFileField

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class Classification:
    NONE = "none"
    CHOICES = [
        (NONE, _("Không mật")),
        ("secret", _("Mật")),
        ("top_secret", _("Tối mật")),
        ("absolute_secret", _("Tuyệt mật")),
    ]


def _document_types():
    return DocumentType.objects.filter(is_active=True).order_by(by_name())


class IncomingForm(forms.Form):
    classification = forms.ChoiceField(
        label=_("Độ mật"),
        choices=Classification.CHOICES,
        initial=Classification.NONE,
        help_text=_("Văn bản mật không được vào hệ thống: hệ thống sẽ từ chối và hướng dẫn xử lý bản giấy."),
    )
    channel = forms.ChoiceField(
        label=_("Hình thức nhận"), choices=Channel.choices, initial=Channel.PAPER, widget=forms.RadioSelect
    )
    sender = forms.CharField(label=_("Cơ quan ban hành"), max_length=255)
    number_symbol = forms.CharField(label=_("Số, ký hiệu"), max_length=60, help_text=_("Ví dụ 123/UBND-VP"))
    issued_on = forms.DateField(label=_("Ngày văn bản"), widget=DATE_INPUT)
    document_type = forms.ModelChoiceField(
        label=_("Loại văn bản"), queryset=DocumentType.objects.none(), empty_label=_("— Chọn loại văn bản —")
    )
    excerpt = forms.CharField(label=_("Trích yếu"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    urgency = forms.ChoiceField(label=_("Độ khẩn"), choices=Urgency.choices, initial=Urgency.NORMAL)
    answer_due = forms.DateField(label=_("Hạn trả lời (nếu văn bản yêu cầu)"), required=False, widget=DATE_INPUT)
    files = MultipleFileField(
        label=_("Tệp văn bản (PDF, JPEG, PNG)"),
        required=False,
        help_text=_("Bắt buộc với văn bản giấy: bản quét đủ các trang."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_type"].queryset = _document_types()

    def clean_issued_on(self):
        issued_on = self.cleaned_data["issued_on"]
        if issued_on > timezone.localdate():
            raise forms.ValidationError(_("Ngày văn bản không thể sau hôm nay."))
        return issued_on


class StaffLabelMixin:
    """A staff member shown by name and role: "Ma Văn Dũng — Chuyên viên xử lý"."""

    def label_from_instance(self, user):
        return f"{user.get_full_name() or user.get_username()} — {user.staff_role.get_role_display()}"


class PersonChoiceField(StaffLabelMixin, forms.ModelChoiceField):
    pass


class PeopleChoiceField(StaffLabelMixin, BoundedModelMultipleChoiceField):
    pass


class AssignForm(forms.Form):
    handler = PersonChoiceField(label=_("Người xử lý chính"), queryset=None)
    handler_due = forms.DateField(label=_("Hạn xử lý"), required=False, widget=DATE_INPUT)
    cooperating = PeopleChoiceField(
        label=_("Người phối hợp"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    cooperating_due = forms.DateField(label=_("Hạn phối hợp"), required=False, widget=DATE_INPUT)
    informed = PeopleChoiceField(label=_("Để biết"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(
        label=_("Ý kiến chỉ đạo"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, staff, document, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("handler", "cooperating", "informed"):
            self.fields[name].queryset = staff
        if document.answer_due and not self.is_bound:
            self.initial["handler_due"] = document.answer_due

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        for name in ("handler_due", "cooperating_due"):
            if data.get(name) and data[name] < today:
                self.add_error(name, _("Hạn xử lý không thể trước hôm nay."))
        handler = data.get("handler")
        for name in ("cooperating", "informed"):
            if handler and handler in (data.get(name) or []):
                self.add_error(name, _("Người xử lý chính không đồng thời phối hợp hay để biết."))
        if set(data.get("cooperating") or []) & set(data.get("informed") or []):
            self.add_error("informed", _("Một người không vừa phối hợp vừa để biết."))
        return data


class ProgressForm(forms.Form):
    text = forms.CharField(label=_("Tiến độ, kết quả xử lý"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Kết quả"), choices=Outcome.choices, widget=forms.RadioSelect)
    answer = forms.ModelChoiceField(label=_("Văn bản trả lời"), queryset=None, required=False)
    note = forms.CharField(
        label=_("Ghi chú"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, issued, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].queryset = issued

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Outcome.ANSWERED and not data.get("answer"):
            self.add_error("answer", _("Hãy chọn văn bản đi đã trả lời."))
        return data


class ReceiveForm(forms.Form):
    answer_due = forms.DateField(label=_("Hạn trả lời (nếu văn bản yêu cầu)"), required=False, widget=DATE_INPUT)


class DraftForm(forms.Form):
    document_type = forms.ModelChoiceField(
        label=_("Loại văn bản"), queryset=DocumentType.objects.none(), empty_label=_("— Chọn loại văn bản —")
    )
    excerpt = forms.CharField(label=_("Trích yếu"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    body = forms.CharField(
        label=_("Nội dung (soạn theo mẫu)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mỗi đoạn cách nhau một dòng trống. Hoặc tải lên tệp dự thảo bên dưới."),
    )
    upload = forms.FileField(
        label=_("Hoặc tệp dự thảo (PDF)"),
        required=False,
        help_text=_("Số, ngày được ghi ở đầu trang 1, chữ ký ở cuối trang cuối theo thể thức."),
    )
    urgency = forms.ChoiceField(label=_("Độ khẩn"), choices=Urgency.choices, initial=Urgency.NORMAL)
    drafting_unit = forms.RegexField(
        label=_("Đơn vị soạn thảo (viết tắt)"),
        regex=r"^[A-ZĐ0-9]{1,12}$",
        initial="VP",
        max_length=12,
        error_messages={"invalid": _("Chữ in hoa hoặc số, tối đa 12 ký tự, ví dụ VP.")},
    )
    signer = PersonChoiceField(label=_("Lãnh đạo ký"), queryset=None)
    signer_title = forms.CharField(
        label=_("Chức vụ ghi trên chữ ký"),
        max_length=120,
        required=False,
        help_text=_("Để trống: theo hồ sơ cán bộ của người ký (chức vụ, TM./KT./Q./TL./TUQ.)."),
    )
    addressees = BoundedModelMultipleChoiceField(
        label=_("Nơi nhận trong hệ thống"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    external = forms.MultipleChoiceField(
        label=_("Nơi nhận ngoài hệ thống (qua Trục liên thông văn bản quốc gia)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, agency, leaders, outside, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_type"].queryset = _document_types()
        self.fields["signer"].queryset = leaders
        self.fields["addressees"].queryset = Agency.objects.exclude(pk=agency.pk).order_by(by_name())
        self.outside = {item.code: item.name for item in outside}
        self.fields["external"].choices = list(self.outside.items())
        if not outside:
            self.fields["external"].help_text = _(
                "Chưa kết nối được trục liên thông; có thể gửi sau khi trục hoạt động."
            )

    def clean(self):
        data = super().clean()
        if not (data.get("body") or "").strip() and not data.get("upload"):
            self.add_error("body", _("Hãy nhập nội dung văn bản hoặc tải lên tệp dự thảo (PDF)."))
        data["external_addressees"] = [{"code": code, "name": self.outside[code]} for code in data.get("external", [])]
        return data


class ReturnForm(forms.Form):
    note = forms.CharField(label=_("Ý kiến (sửa gì)"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class BookForm(forms.Form):
    """Which year's register to print."""

    year = forms.IntegerField(
        label=_("Năm"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": _("Hãy chọn năm của sổ."),
            "invalid": _("Năm phải là một số, ví dụ 2026."),
            "min_value": _("Năm của sổ phải từ 2000 đến 2100."),
            "max_value": _("Năm của sổ phải từ 2000 đến 2100."),
        },
    )


class RegisterFilterForm(forms.Form):
    """The register's filters: every query parameter goes through here."""

    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)
    q = forms.CharField(label=_("Tìm (số, ký hiệu, trích yếu, nơi gửi)"), required=False, max_length=200)
    document_type = forms.ModelChoiceField(
        label=_("Loại văn bản"), queryset=DocumentType.objects.none(), required=False, empty_label=_("Tất cả")
    )
    state = forms.ChoiceField(label=_("Tình trạng"), required=False)
    overdue = forms.BooleanField(label=_("Chỉ văn bản quá hạn xử lý"), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, *args, direction, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_type"].queryset = _document_types()
        states = IncomingState.choices if direction == "incoming" else OutgoingState.choices
        self.fields["state"].choices = [("", _("Tất cả"))] + list(states)
        if direction != "incoming":
            del self.fields["overdue"]
