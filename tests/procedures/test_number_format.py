"""Issue 35, items 9 and 12: numbers as the page's language writes them, everywhere on a page."""

from django.utils import translation

from procedures.templatetags.procedures_tags import local_number, percent


def test_vietnamese_groups_with_dots_and_english_with_commas():
    with translation.override("vi"):
        assert (local_number(18203), local_number(2000.5), percent(0.8734)) == ("18.203", "2.000,5", "87,3%")
    with translation.override("en"):
        assert (local_number(18203), local_number(2000.5), percent(0.8734)) == ("18,203", "2,000.5", "87.3%")
    assert local_number("—") == "—" and percent(None) == "—"
