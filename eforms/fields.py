"""A Django form field for each field type of a definition, with Vietnamese messages."""

import datetime as dt

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from citizen_registry_adapter.personal_id import InvalidPersonalId, parse
from government.cache_versions import move_on, version
from government.collation import by_name
from government.models import AdministrativeUnit, UnitLevel
from government.widgets import QuickSelect

PHONE = RegexValidator(r"^0\d{9}$", _("Số điện thoại gồm 10 chữ số, bắt đầu bằng 0."))
YES, NO = "yes", "no"


def _personal_id(value):
    try:
        parse(value)
    except InvalidPersonalId as error:
        raise ValidationError(str(error)) from None


def _date_rule(rule):
    def check(value):
        today = timezone.localdate()
        if rule == "past" and value > today:
            raise ValidationError(_("Ngày này không được sau hôm nay (%(today)s).") % {"today": f"{today:%d/%m/%Y}"})
        if rule == "future" and value < today:
            raise ValidationError(_("Ngày này không được trước hôm nay (%(today)s).") % {"today": f"{today:%d/%m/%Y}"})
        if value.year < 1900:
            raise ValidationError(_("Năm phải từ 1900 trở đi."))

    return check


def _not_after_this_year(value):
    if value > timezone.localdate().year:
        raise ValidationError(_("Năm không được sau năm nay."))


UNITS_VERSION_KEY = "administrative-units-version"


def units_changed(**kwargs):
    """A unit was added, renamed or removed: address lists are read again (eforms/apps.py)."""
    move_on(UNITS_VERSION_KEY)


class _Choices(BaseChoiceIterator):
    """A list Django's choice fields and widgets take as it is: a plain list is normalised again
    (copied, item by item) by the field, by each widget and at each copy, five times per address field
    (issue 37: 57,000 normalisations for 40 submissions)."""

    def __init__(self, choices):
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)


_communes_memo: dict = {}


def commune_choices():
    """Every address field of every form lists the province's communes (about 175): read from the
    unit table once per version of it (shared cache), and kept in the process per version (the first
    option's label is lazy: translated when drawn)."""
    unit_version = version(UNITS_VERSION_KEY)
    found = _communes_memo.get(unit_version)
    if found is not None:
        return found
    key = f"eform-communes:{unit_version}"
    communes = cache.get(key)
    if communes is None:
        units = (
            AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE, valid_until__isnull=True)  # not merged away
            .select_related("parent")
            .order_by(by_name())
        )
        communes = [(unit.code, f"{unit.name}, {unit.parent.name}" if unit.parent_id else unit.name) for unit in units]
        cache.set(key, communes, timeout=3600)
    found = _Choices([("", _("— Chọn xã, phường —")), *communes])
    _communes_memo.clear()  # only the current version is worth keeping
    _communes_memo[unit_version] = found
    return found


class AddressWidget(forms.MultiWidget):
    def __init__(self, choices=()):
        super().__init__(
            [QuickSelect(choices=choices), forms.TextInput(attrs={"placeholder": _("Số nhà, đường, thôn, xóm")})]
        )

    def decompress(self, value):
        return [value.get("commune", ""), value.get("detail", "")] if isinstance(value, dict) else ["", ""]


class AddressField(forms.MultiValueField):
    """An address on the unit tree: a commune chosen from the list, then the house, street or hamlet."""

    def __init__(self, **kwargs):
        choices = commune_choices()
        fields = (forms.ChoiceField(choices=choices), forms.CharField(max_length=200))
        # Django's "Enter a complete value." would reach the citizen in English on a half-filled address.
        messages = {"incomplete": _("Hãy chọn xã, phường."), "required": _("Hãy chọn xã, phường.")}
        super().__init__(
            fields=fields, widget=AddressWidget(choices), require_all_fields=False, error_messages=messages, **kwargs
        )
        self.fields[1].required = False
        # The label's "for" cannot point at two inputs: each part names itself for screen readers.
        select, detail = self.widget.widgets
        select.attrs["aria-label"] = f"{self.label}: {_('xã, phường')}"
        detail.attrs["aria-label"] = f"{self.label}: {_('số nhà, đường, thôn, xóm')}"

    def compress(self, values):
        if not values or not values[0]:
            if self.required:
                raise ValidationError(_("Hãy chọn xã, phường."), code="required")
            return None
        return {"commune": values[0], "detail": (values[1] or "").strip()}


def build(spec):
    """The form field for one field of a definition."""
    kind, required = spec["type"], spec.get("required", False)
    common = {"label": spec["label"], "required": required, "help_text": spec.get("help", "")}
    if kind == "text":
        return forms.CharField(max_length=spec.get("max_length", 200), **common)
    if kind == "textarea":
        return forms.CharField(
            max_length=spec.get("max_length", 2000), widget=forms.Textarea(attrs={"rows": 3}), **common
        )
    if kind == "number":
        return forms.DecimalField(
            min_value=spec.get("min"),
            max_value=spec.get("max"),
            max_digits=18,
            decimal_places=4,
            widget=forms.NumberInput(attrs={"inputmode": "decimal"}),
            **common,
        )
    if kind == "year":
        return forms.IntegerField(
            min_value=1900,
            validators=[_not_after_this_year],
            error_messages={
                "invalid": _("Hãy nhập năm bằng 4 chữ số, ví dụ 1990."),
                "min_value": _("Năm phải từ 1900 trở đi."),
            },
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "placeholder": "1990"}),
            **common,
        )
    if kind == "date":
        return forms.DateField(
            input_formats=["%Y-%m-%d", "%d/%m/%Y"],
            validators=[_date_rule(spec.get("date_rule", "any"))],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **common,
        )
    if kind == "choice":
        return forms.ChoiceField(choices=[("", _("— Chọn —"))] + [tuple(c) for c in spec["choices"]], **common)
    if kind == "address":
        return AddressField(**common)
    if kind == "personal_id":
        return forms.CharField(
            min_length=12,
            max_length=12,
            validators=[_personal_id],
            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            **common,
        )
    if kind == "phone":
        return forms.CharField(
            max_length=10, validators=[PHONE], widget=forms.TextInput(attrs={"inputmode": "tel"}), **common
        )
    if kind == "email":
        return forms.EmailField(max_length=200, **common)
    if kind == "yesno":
        return forms.TypedChoiceField(
            choices=[(YES, _("Có")), (NO, _("Không"))],
            coerce=lambda v: v == YES,
            empty_value=None,
            widget=forms.RadioSelect,
            **common,
        )
    raise ValueError(f"unknown field type {kind}")


def to_json(value):
    """A cleaned value as JSON: dates ISO, decimals as text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | str | dict):
        return value
    return str(value)
