from django import template
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language

from procedures.policy import ACTION_LABELS

register = template.Library()


@register.filter
def action_label(action):
    return ACTION_LABELS.get(action, action)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)


@register.filter
def value_of(mapping, key):
    """mapping[key], or None when it has no such key (get_item gives the key back instead)."""
    return mapping.get(key) if mapping else None


@register.filter
def percent(value):
    """0.8734 → "87,3%" ("87.3%" in English); no value → "—"."""
    if value is None or value == "":
        return "—"
    text = f"{value * 100:.1f}%"
    return text if (get_language() or "vi").startswith("en") else text.replace(".", ",")


@register.simple_tag
def joined(*values, separator=" · "):
    """The values that are not empty, joined: no "— · —" for details nobody gave."""
    return separator.join(str(value) for value in values if value)


@register.filter
def iso_datetime(value):
    """A datetime kept as ISO text in an event's data, back as a datetime for the date filter."""
    try:
        return parse_datetime(value) if value else None
    except (TypeError, ValueError):
        return None


@register.filter
def local_number(value):
    """Numbers as the page's language writes them: 1.234 and 90,9 in Vietnamese, 1,234 and 90.9 in
    English. Text is left as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    english = (get_language() or "vi").startswith("en")
    if isinstance(value, int):
        return f"{value:,}" if english else f"{value:,}".replace(",", ".")
    whole, _dot, decimals = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")
    if english:
        return f"{whole}.{decimals}" if decimals else whole
    whole = whole.replace(",", ".")
    return f"{whole},{decimals}" if decimals else whole


@register.filter
def template_reference(document):
    """Which official form a required document follows, without repeating the document's own name:
    "Tờ khai đăng ký khai sinh (Thông tư 04/2024/TT-BTP)" under "Tờ khai đăng ký khai sinh" is
    shown as "Thông tư 04/2024/TT-BTP"."""
    reference = (document.template_name or "").strip()
    name = document.name.strip()
    if reference.casefold().startswith(name.casefold()):
        reference = reference[len(name) :].strip(" ()–-")
    return reference
