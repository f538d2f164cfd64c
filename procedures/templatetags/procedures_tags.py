from django import template

from procedures.policy import ACTION_LABELS

register = template.Library()


@register.filter
def action_label(action):
    return ACTION_LABELS.get(action, action)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)
