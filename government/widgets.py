"""Form widgets any layer's forms may use (the e-forms' fields, the web pages' forms)."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A select list written out in Python. Django renders each option through a template, about
    0.1 ms an option: a queue's filters (60 options) or an address field (175 communes) cost more
    than the rest of their page (bench/profile_pages.py). Same markup, same escaping."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{conditional_escape(widget["name"])}"{flatatt(widget["attrs"])}>']
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f'<optgroup label="{conditional_escape(group)}">')
            parts += [
                f'<option value="{conditional_escape(option["value"])}"{flatatt(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>"
                for option in options
            ]
            if group:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 — every value escaped above
