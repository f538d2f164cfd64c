from django import forms
from django.utils.translation import gettext_lazy as _

from procedures.models import DossierState, Outcome, UnitLevel

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class SupplementForm(forms.Form):
    missing_items = forms.CharField(label=_("Giấy tờ cần bổ sung, hoàn thiện (mỗi dòng một mục)"),
                                    widget=forms.Textarea(attrs={"rows": 3}))
    comment = forms.CharField(label=_("Lý do, hướng dẫn"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def clean_missing_items(self):
        items = [line.strip() for line in self.cleaned_data["missing_items"].splitlines() if line.strip()]
        if not items:
            raise forms.ValidationError(_("Hãy ghi ít nhất một giấy tờ cần bổ sung."))
        return items


class ProposeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Đề xuất"), choices=Outcome.choices, widget=forms.RadioSelect,
                                initial=Outcome.RESULT)
    generate = forms.BooleanField(label=_("Tạo văn bản kết quả từ danh mục thủ tục"), required=False, initial=True)
    result_file = forms.FileField(label=_("Hoặc tải lên văn bản kết quả (PDF)"), required=False)
    note = forms.CharField(label=_("Ý kiến, lý do"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ApologyForm(forms.Form):
    new_appointment_at = forms.DateTimeField(label=_("Ngày hẹn trả kết quả mới"), widget=DATETIME_INPUT,
                                             input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"])
    reason = forms.CharField(label=_("Lý do chậm trễ"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class QueueFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("Trạng thái"), required=False, choices=[
        ("todo", _("Việc cần làm")), ("all", _("Tất cả"))] + [c for c in DossierState.choices if c[0] != "draft"])
    procedure = forms.ChoiceField(label=_("Thủ tục"), required=False)
    level = forms.ChoiceField(label=_("Cấp đang xử lý"), required=False, choices=[("", _("Tất cả"))] + UnitLevel.choices)
    unit = forms.CharField(label=_("Mã đơn vị hành chính"), required=False, max_length=10)
    due = forms.ChoiceField(label=_("Thời hạn"), required=False, choices=[
        ("", _("Tất cả")), ("overdue", _("Quá hạn")), ("today", _("Đến hạn hôm nay"))])
    sort = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=[
        ("due", _("Hạn giải quyết sớm nhất")), ("-due", _("Hạn giải quyết muộn nhất")),
        ("-received", _("Mới tiếp nhận")), ("received", _("Tiếp nhận lâu nhất")), ("code", _("Mã hồ sơ"))])

    def __init__(self, *args, procedures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].choices = [("", _("Tất cả"))] + [(str(p.pk), p.name) for p in procedures]


class IntakeForm(forms.Form):
    applicant_personal_id = forms.CharField(label=_("Số định danh cá nhân"), max_length=12, min_length=12)
    applicant_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    applicant_date_of_birth = forms.DateField(label=_("Ngày sinh"), required=False,
                                              widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    applicant_address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)
    applicant_phone = forms.CharField(label=_("Số điện thoại"), max_length=15, required=False)
    applicant_email = forms.EmailField(label=_("Thư điện tử"), required=False)
    comment = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))


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
    state = forms.ChoiceField(label=_("Trạng thái"), required=False,
                              choices=[("", _("Tất cả"))] + [c for c in DossierState.choices if c[0] != "draft"])
    received_from = forms.DateField(label=_("Tiếp nhận từ ngày"), required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}))
    received_to = forms.DateField(label=_("đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, procedures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].choices = [("", _("Tất cả"))] + [(str(p.pk), p.name) for p in procedures]
