"""QuickSelect writes the same select list as Django's template-rendered one (portal/forms.py)."""

from html.parser import HTMLParser

from django import forms

from government.widgets import QuickSelect
from portal.forms import QuickSelectsMixin


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.items = []

    def handle_starttag(self, tag, attrs):
        self.items.append((tag, sorted(attrs)))

    def handle_data(self, data):
        if data.strip():
            self.items.append(("text", data.strip()))


def parsed(html):
    tags = Tags()
    tags.feed(str(html))
    return tags.items


CHOICES = [("", "— Chọn —"), ("a&b", 'Xã "Tân" <Thử>'), ("Nhóm", [("1", "Một"), ("2", "Hai")])]


def test_same_markup_as_django_with_groups_selection_and_escaping():
    django_select = forms.Select(choices=CHOICES, attrs={"aria-label": "Xã, phường"})
    quick = QuickSelect(choices=CHOICES, attrs={"aria-label": "Xã, phường"})
    for value in ("", "a&b", "2", "<script>"):
        ours = quick.render("unit", value, attrs={"id": "id_unit"})
        assert parsed(ours) == parsed(django_select.render("unit", value, attrs={"id": "id_unit"}))
        assert "<script>" not in ours and "<Thử>" not in ours


def test_the_mixin_swaps_plain_selects_only_and_renders_as_django_would():
    class Plain(forms.Form):
        state = forms.ChoiceField(choices=[("", "Tất cả"), ("a", "A")])
        sort = forms.ChoiceField(choices=[("b", "B")], required=False, widget=forms.RadioSelect)

    class Filters(QuickSelectsMixin, Plain):
        pass

    form, plain = Filters({"state": "a"}), Plain({"state": "a"})
    assert type(form.fields["state"].widget) is QuickSelect
    assert type(form.fields["sort"].widget) is forms.RadioSelect
    assert parsed(form["state"]) == parsed(plain["state"])  # required, aria, selected: the same
    assert "required" in str(form["state"]) and form.is_valid()
