import json

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from government.models import Role
from meetings.models import AnnotationKind, Choice, DocumentKind, MotionKind, ParticipantRole
from portal.forms import BoundedModelMultipleChoiceField

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class VersionForm(forms.Form):
    """?v=2: an older version of a document (a value that is no version shows the current one)."""

    v = forms.IntegerField(min_value=1, max_value=32767, required=False)


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Tên kỳ họp"), max_length=250)
    place = forms.CharField(label=_("Địa điểm"), max_length=250)
    starts_at = forms.DateTimeField(label=_("Bắt đầu"), widget=DATETIME_INPUT, input_formats=["%Y-%m-%dT%H:%M"])
    ends_at = forms.DateTimeField(label=_("Kết thúc"), widget=DATETIME_INPUT, input_formats=["%Y-%m-%dT%H:%M"])

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("Giờ kết thúc phải sau giờ bắt đầu."))
        return data


class ItemForm(forms.Form):
    title = forms.CharField(label=_("Nội dung"), max_length=300)
    presenter = forms.CharField(label=_("Người trình bày"), max_length=200, required=False)


class DocumentForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Thuộc nội dung"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("Loại"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Tên tài liệu"), max_length=300)
    file = forms.FileField(label=_("Tệp PDF"), required=False)
    url = forms.URLField(label=_("Địa chỉ liên kết (với liên kết ngoài)"), required=False, assume_scheme="https")
    is_public = forms.BooleanField(label=_("Công khai: ai có mã QR của kỳ họp cũng đọc được"), required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.all()


class ReplaceForm(forms.Form):
    file = forms.FileField(label=_("Tệp PDF của phiên bản mới"))
    change_note = forms.CharField(label=_("Nội dung thay đổi"), max_length=500)


class SeatForm(forms.Form):
    role = forms.ChoiceField(label=_("Vai trò"), choices=[c for c in ParticipantRole.choices])
    people = BoundedModelMultipleChoiceField(
        label=_("Người dự"), queryset=None, widget=forms.SelectMultiple(attrs={"size": 8})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, staff_role__role__in=[Role.DELEGATE, Role.MEETING_SECRETARY, Role.LEADER])
            .order_by("last_name", "first_name")
        )
        self.fields["people"].label_from_instance = lambda user: user.get_full_name() or user.get_username()


class SplitForm(forms.Form):
    count = forms.IntegerField(label=_("Số tổ"), min_value=1, max_value=50, initial=2)


class PlaceForm(forms.Form):
    participant = forms.ModelChoiceField(label=_("Đại biểu"), queryset=None)
    group = forms.ModelChoiceField(label=_("Tổ"), queryset=None, required=False, empty_label=_("Không thuộc tổ nào"))
    secretary = forms.BooleanField(label=_("Là thư ký tổ"), required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = meeting.participants.filter(role=ParticipantRole.DELEGATE).select_related(
            "user"
        )
        self.fields["group"].queryset = meeting.groups.all()


class AnnotationForm(forms.Form):
    kind = forms.ChoiceField(choices=AnnotationKind.choices)
    page = forms.IntegerField(min_value=1, max_value=10000)
    quote = forms.CharField(max_length=4000, required=False)
    rects = forms.CharField(max_length=20000, required=False)
    text = forms.CharField(max_length=4000, required=False)

    def clean_rects(self):
        raw = self.cleaned_data["rects"] or "[]"
        try:
            return json.loads(raw)
        except ValueError:
            raise forms.ValidationError(_("Vùng đánh dấu không hợp lệ.")) from None


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Nội dung góp ý"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    page = forms.IntegerField(label=_("Trang"), min_value=1, max_value=10000, required=False)
    quote = forms.CharField(
        label=_("Đoạn góp ý (nếu góp ý vào một đoạn)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    shared_with_delegates = forms.BooleanField(label=_("Cho các đại biểu khác cùng xem"), required=False)


class MessageForm(forms.Form):
    text = forms.CharField(label=_("Ý kiến"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Tóm tắt ý kiến của tổ"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )


class SpeakForm(forms.Form):
    topic = forms.CharField(label=_("Nội dung phát biểu"), max_length=300)
    item = forms.ModelChoiceField(label=_("Về nội dung"), queryset=None, required=False, empty_label=_("Chung"))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.all()


class SpeechMoveForm(forms.Form):
    state = forms.ChoiceField(choices=[("speaking", "speaking"), ("done", "done"), ("withdrawn", "withdrawn")])


class MotionForm(forms.Form):
    title = forms.CharField(label=_("Nội dung biểu quyết"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Loại biểu quyết"),
        choices=MotionKind.choices,
        initial=MotionKind.RESOLUTION,
        help_text=_(
            "Bầu cử, miễn nhiệm, bãi nhiệm và tín nhiệm là bỏ phiếu kín; miễn nhiệm, "
            "bãi nhiệm cần hai phần ba tổng số đại biểu."
        ),
    )
    item = forms.ModelChoiceField(label=_("Thuộc nội dung"), queryset=None, required=False, empty_label=_("Chung"))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.all()


class VoteForm(forms.Form):
    choice = forms.ChoiceField(label=_("Biểu quyết"), choices=Choice.choices, widget=forms.RadioSelect)


class MinutesForm(forms.Form):
    conclusions = forms.CharField(
        label=_("Kết luận của chủ tọa"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5})
    )
    opened_at = forms.DateTimeField(label=_("Khai mạc lúc"), widget=DATETIME_INPUT, input_formats=["%Y-%m-%dT%H:%M"])
    closed_at = forms.DateTimeField(label=_("Bế mạc lúc"), widget=DATETIME_INPUT, input_formats=["%Y-%m-%dT%H:%M"])

    def clean(self):
        data = super().clean()
        if data.get("opened_at") and data.get("closed_at") and data["closed_at"] <= data["opened_at"]:
            self.add_error("closed_at", _("Giờ bế mạc phải sau giờ khai mạc."))
        return data
