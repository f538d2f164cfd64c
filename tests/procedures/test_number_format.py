"""Issue 35, items 9 and 12: numbers as the page's language writes them, everywhere on a page."""

from django.utils import translation

from procedures.templatetags.procedures_tags import local_number, percent


def test_vietnamese_groups_with_dots_and_english_with_commas():
    with translation.override("vi"):
        assert (local_number(18203), local_number(2000.5), percent(0.8734)) == ("18.203", "2.000,5", "87,3%")
    with translation.override("en"):
        assert (local_number(18203), local_number(2000.5), percent(0.8734)) == ("18,203", "2,000.5", "87.3%")
    assert local_number("—") == "—" and percent(None) == "—"


def test_time_limits_and_copies_agree_with_their_number_in_english():
    """Issue 35, item 9: "1 working days", "1 copies"."""
    from decimal import Decimal

    from django.template import Context, Template

    from procedures.models import TimeLimitKind
    from procedures.sla.time_limits import TimeLimit

    days = lambda n: TimeLimit(kind=TimeLimitKind.WORKING_DAYS, days=Decimal(n)).text  # noqa: E731
    copies = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} bản{% plural %}"
        "{{ counter }} bản{% endblocktranslate %}"
    )
    with translation.override("en"):
        assert (days("1"), days("3"), days("0.5")) == ("1 working day", "3 working days", "0.5 working days")
        assert [copies.render(Context({"n": n})) for n in (1, 2)] == ["1 copy", "2 copies"]
    with translation.override("vi"):
        assert (days("1"), days("0.5")) == ("1 ngày làm việc", "0,5 ngày làm việc")
        assert copies.render(Context({"n": 2})) == "2 bản"
