from django import template

from procedures.policy import ACTION_LABELS

register = template.Library()


@register.filter
def action_label(action):
    return ACTION_LABELS.get(action, action)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)


@register.filter
def percent(value):
    """0.8734 → "87,3%"; no value → "—"."""
    if value is None or value == "":
        return "—"
    return f"{value * 100:.1f}%".replace(".", ",")
