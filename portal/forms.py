"""Form pieces shared by the citizens' pages and the back-office."""

from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from government.collation import by_name
from government.models import AdministrativeUnit, UnitLevel
from government.widgets import QuickSelect
from procedures.selectors import service_centers


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Ids past a 64-bit integer are refused as invalid choices before the `__in` query, which SQLite
    would otherwise fail with an OverflowError (exact lookups are already safe in Django 5)."""

    def _check_values(self, value):
        for item in value or ():
            text = str(item).strip()
            if text.lstrip("-").isdigit() and len(text) < 40 and not -(2**63) <= int(text) < 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": text[:30]}
                )
        return super()._check_values(value)


class QuickSelectsMixin:
    """Every plain select list of the form becomes a QuickSelect (its choices, attributes kept)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                quick = QuickSelect(attrs=field.widget.attrs, choices=field.widget.choices)
                quick.is_required = field.widget.is_required
                field.widget = quick


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); cleans to a list, maybe empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class PlaceFieldsMixin:
    """Decree 118/2025 on a filing form: for a non-boundary procedure, the commune that decides who is
    competent (the applicant's residence, the land parcel's commune…); where the province has service
    centers, the one where the result is to be handed over."""

    def add_place_fields(self, procedure):
        if procedure.is_non_boundary:
            self.fields["case_unit"] = forms.ModelChoiceField(
                label=_("Xã, phường (%(basis)s)") % {"basis": procedure.get_case_basis_display().lower()},
                queryset=AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE, valid_until__isnull=True).order_by(
                    by_name()
                ),
                empty_label=_("— Chọn xã, phường —"),
                help_text=_(
                    "Cơ quan có thẩm quyền giải quyết được xác định theo địa bàn này, không theo nơi nộp hồ sơ."
                ),
            )
        centers = service_centers()
        if centers.exists():
            self.fields["return_agency"] = forms.ModelChoiceField(
                label=_("Nơi nhận kết quả"), queryset=centers, required=False, empty_label=_("Tại nơi nộp hồ sơ")
            )

    def place_data(self):
        return {
            name: self.cleaned_data.get(name) for name in ("case_unit", "return_agency") if self.cleaned_data.get(name)
        }


class NextForm(forms.Form):
    """Where to go after an action: only a path on this site, never another host or a view name."""

    next = forms.CharField(required=False, max_length=2000)

    @classmethod
    def target(cls, request, default="/"):
        form = cls({"next": request.POST.get("next") or request.GET.get("next") or ""})
        target = form.cleaned_data["next"] if form.is_valid() else ""
        if not target.startswith("/") or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return default
        return target


class PreviewForm(forms.Form):
    """`?xem=1` on a file link: show it inside the page instead of downloading it."""

    xem = forms.BooleanField(required=False)

    @classmethod
    def inline(cls, request):
        form = cls(request.GET)
        return form.is_valid() and form.cleaned_data["xem"]


def valid_or_default(form, defaults):
    """The form's cleaned values, each invalid one replaced by its default (lenient public filters)."""
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    return {
        name: cleaned.get(name) if cleaned.get(name) not in (None, "") else default
        for name, default in defaults.items()
    }
