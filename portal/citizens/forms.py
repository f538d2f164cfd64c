import datetime as dt

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from accounts.models import Purpose
from government.validators import PHONE
from portal.accounts.middleware import is_staff_account
from portal.forms import PlaceFieldsMixin
from procedures.models import DocumentKind, ResultDelivery

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Số định danh cá nhân hoặc tên đăng nhập"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _("Số định danh hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản đã bị khóa."),
        "use_vneid": _("Công dân đăng nhập bằng tài khoản định danh điện tử VNeID: bấm “Đăng nhập bằng VNeID”."),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        # Without CITIZEN_PASSWORDS (production) a password opens staff accounts only.
        if not settings.CITIZEN_PASSWORDS and not is_staff_account(user):
            raise forms.ValidationError(self.error_messages["use_vneid"], code="use_vneid")


class RegistrationForm(forms.Form):
    personal_id = forms.CharField(
        label=_("Số định danh cá nhân"),
        max_length=12,
        min_length=12,
        help_text=_("12 chữ số trên thẻ căn cước."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "username"}),
    )
    full_name = forms.CharField(
        label=_("Họ, chữ đệm và tên"), max_length=150, help_text=_("Đúng như trên thẻ căn cước, có dấu.")
    )
    date_of_birth = forms.DateField(label=_("Ngày sinh"), widget=DATE_INPUT, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=10,
        validators=[PHONE],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử"), required=False, help_text=_("Không bắt buộc; dùng để lấy lại mật khẩu.")
    )
    password1 = forms.CharField(
        label=_("Mật khẩu"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    # Separate, never ticked in advance (Decree 356/2025/NĐ-CP); each can be withdrawn later.
    consent_sms = forms.BooleanField(label=Purpose.SMS.label, required=False)
    consent_email = forms.BooleanField(label=Purpose.EMAIL.label, required=False)

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if " " not in name:
            raise forms.ValidationError(_("Hãy ghi đầy đủ họ, chữ đệm (nếu có) và tên."))
        return name

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born > dt.date.today() or born.year < 1900:
            raise forms.ValidationError(_("Ngày sinh không hợp lệ."))
        return born

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("Hai lần nhập mật khẩu không giống nhau."))
        elif data.get("password1"):
            try:
                password_validation.validate_password(data["password1"])
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class StartForm(PlaceFieldsMixin, forms.Form):
    agency = forms.ModelChoiceField(label=_("Nơi nộp hồ sơ"), queryset=None, empty_label=_("— Chọn nơi nộp —"))
    consent = forms.BooleanField(
        label=_("Tôi đồng ý cho hệ thống lấy thông tin của tôi từ CSDL quốc gia về dân cư để điền sẵn vào hồ sơ."),
        required=False,
    )

    def __init__(self, *args, agencies, procedure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.add_place_fields(procedure)
        self.order_fields(["agency", "case_unit", "return_agency", "consent"])
        self.fields["agency"].label_from_instance = lambda agency: (
            f"{agency.name} — {agency.unit.parent.name}" if agency.unit.parent_id else agency.name
        )


class EFormButtonsForm(forms.Form):
    """Which electronic-form button was pressed: "eform-add" = "<document>:<group>",
    "eform-remove" = "<document>:<group>:<row>"."""

    eform_add = forms.RegexField(r"^\d{1,9}:[a-z][a-z0-9_]{0,39}$", required=False)
    eform_remove = forms.RegexField(r"^\d{1,9}:[a-z][a-z0-9_]{0,39}:\d{1,2}$", required=False)

    def __init__(self, data, *args, **kwargs):
        data = {"eform_add": data.get("eform-add", ""), "eform_remove": data.get("eform-remove", "")}
        super().__init__(data, *args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("eform_add"):
            slot, group = data["eform_add"].split(":")
            return {"slot": int(slot), "action": "add", "add": group}
        if data.get("eform_remove"):
            slot, group, row = data["eform_remove"].split(":")
            return {"slot": int(slot), "action": "remove", "add": group, "row": int(row)}
        return {}


class ReviewedForm(forms.Form):
    """?kiem-tra=1 on the draft: the citizen came back from the review page; show what is missing."""

    kiem_tra = forms.BooleanField(required=False)

    def __init__(self, data, *args, **kwargs):
        super().__init__({"kiem_tra": data.get("kiem-tra", "")}, *args, **kwargs)

    def shows_errors(self):
        return self.is_valid() and self.cleaned_data["kiem_tra"]


class DraftForm(forms.Form):
    applicant_phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=10,
        required=False,
        validators=[PHONE],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    applicant_email = forms.EmailField(
        label=_("Thư điện tử"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    applicant_address = forms.CharField(label=_("Địa chỉ liên hệ"), max_length=300, required=False)
    result_delivery = forms.ChoiceField(
        label=_("Hình thức nhận kết quả"), choices=ResultDelivery.choices, widget=forms.RadioSelect
    )
    delivery_address = forms.CharField(label=_("Địa chỉ nhận kết quả qua bưu chính"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("result_delivery") == ResultDelivery.POST and not data.get("delivery_address", "").strip():
            self.add_error("delivery_address", _("Hãy ghi địa chỉ để bưu điện chuyển kết quả."))
        return data


class SupplyForm(forms.Form):
    comment = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Lý do rút hồ sơ"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Mức độ hài lòng"),
        coerce=int,
        widget=forms.RadioSelect,
        choices=[
            (5, _("5 — Rất hài lòng")),
            (4, _("4 — Hài lòng")),
            (3, _("3 — Bình thường")),
            (2, _("2 — Chưa hài lòng")),
            (1, _("1 — Không hài lòng")),
        ],
    )
    comment = forms.CharField(
        label=_("Góp ý"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class TrackingForm(forms.Form):
    code = forms.CharField(label=_("Mã hồ sơ"), max_length=40)
    secret = forms.CharField(
        label=_("4 số cuối của số định danh hoặc số điện thoại"),
        min_length=4,
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()

    def clean_secret(self):
        secret = self.cleaned_data["secret"].strip()
        if not secret.isdigit():
            raise forms.ValidationError(_("Nhập đúng 4 chữ số."))
        return secret


class ConsentForm(forms.Form):
    """The consents page: one box per purpose, showing what is in force; the citizen changes any."""

    def __init__(self, *args, active=(), **kwargs):
        super().__init__(*args, **kwargs)
        for purpose in Purpose:
            self.fields[purpose.value] = forms.BooleanField(
                label=purpose.label, required=False, initial=purpose.value in active
            )


class ListPageForm(forms.Form):
    """?page= of a citizen's list: a number or nothing (page 1)."""

    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def number(self):
        return (self.cleaned_data.get("page") if self.is_valid() else None) or 1


class StoreUploadForm(forms.Form):
    """A paper the citizen puts in their own store (Kho dữ liệu của tôi)."""

    kind = forms.ModelChoiceField(
        label=_("Loại giấy tờ"), queryset=DocumentKind.objects.filter(is_active=True), empty_label=_("— Chọn —")
    )
    title = forms.CharField(label=_("Tên giấy tờ (không bắt buộc)"), max_length=300, required=False)
    file = forms.FileField(label=_("Tệp (PDF, JPEG hoặc PNG)"))


def reuse_form(data, required_documents, offered):
    """One choice per required document: "reuse-<id>" names a paper of the applicant's store offered
    for it (a forged id, another person's paper or an expired one, is not among the choices)."""
    form = forms.Form(data)
    for required in required_documents:
        form.fields[f"reuse-{required.pk}"] = forms.TypedChoiceField(
            label=required.name,
            choices=[("", "")] + [(str(item.pk), str(item)) for item in offered.get(required.pk, [])],
            coerce=int,
            empty_value=None,
            required=False,
            error_messages={"invalid_choice": _("Giấy tờ đã chọn không có trong kho dữ liệu của bạn hoặc đã hết hạn.")},
        )
    return form
