"""Form pieces shared by the citizens' pages and the back-office."""

from django import forms
from django.utils.http import url_has_allowed_host_and_scheme


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


class NextForm(forms.Form):
    """Where to go after an action: only a path on this site, never another host or a view name."""

    next = forms.CharField(required=False, max_length=2000)

    @classmethod
    def target(cls, request, default="/"):
        form = cls({"next": request.POST.get("next") or request.GET.get("next") or ""})
        target = form.cleaned_data["next"] if form.is_valid() else ""
        if not target.startswith("/") or not url_has_allowed_host_and_scheme(
                target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
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
    return {name: cleaned.get(name) if cleaned.get(name) not in (None, "") else default
            for name, default in defaults.items()}
