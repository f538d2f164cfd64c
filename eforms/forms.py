"""An electronic form bound to what the applicant typed: validation, conditions, repeatable groups.

What was typed is kept as the raw posted values (`EForm.raw`), whatever their validity, so that a
mistake anywhere never loses anything; the cleaned values (`EForm.values`) exist once all is valid.
"""

import datetime as dt

from django import forms
from django.utils.translation import gettext as _

from government.models import AdministrativeUnit
from government.words import date_in_words

from . import fields as kinds


def _visible(spec, raw_of):
    condition = spec.get("show_if")
    if not condition:
        return True
    expected = condition["equals"]
    expected = kinds.YES if expected is True else kinds.NO if expected is False else str(expected)
    return raw_of(condition["field"]) == expected


class _Part(forms.Form):
    """One level of fields (the form's top level, or one row of a group)."""

    def __init__(self, specs, raw_of, *args, top_prefix, **kwargs):
        super().__init__(*args, **kwargs)
        self.specs = {}
        for spec in specs:
            if spec["type"] == "group":
                continue
            field = kinds.build(spec)
            if not _visible(spec, raw_of):
                field.required = False
                field.widget.attrs["data-hidden-by-condition"] = "1"
            if spec.get("show_if"):
                # Conditions name a top-level field; the browser finds it by its input name.
                field.widget.attrs["data-show-if"] = f"{top_prefix}-{spec['show_if']['field']}"
                field.widget.attrs["data-show-equals"] = str(spec["show_if"]["equals"]).lower()
            self.fields[spec["key"]] = field
            self.specs[spec["key"]] = spec


class Group:
    def __init__(self, spec, prefix, data, raw_of, add=False, remove=None):
        self.spec, self.prefix = spec, f"{prefix}-{spec['key']}"
        maximum = spec.get("max_rows", 20)
        try:
            count = int((data or {}).get(f"{self.prefix}-rows", spec.get("min_rows", 1)))
        except (TypeError, ValueError):
            count = spec.get("min_rows", 1)
        count = max(spec.get("min_rows", 1), min(count, maximum))
        indexes = [i for i in range(count) if i != remove]
        if add and len(indexes) < maximum:
            indexes.append(count)
        self.rows = []
        for position, i in enumerate(indexes):
            row_data = None
            if data is not None:
                row_data = {
                    f"{self.prefix}-{position}-{k}": v for k, v in _row_values(data, f"{self.prefix}-{i}").items()
                }
            # Rows past the minimum may stay empty (a row just added): they are then left out.
            self.rows.append(
                _Part(
                    spec["fields"],
                    raw_of,
                    row_data,
                    prefix=f"{self.prefix}-{position}",
                    top_prefix=prefix,
                    empty_permitted=position >= spec.get("min_rows", 1),
                    use_required_attribute=False,
                )
            )
        self.can_add = len(self.rows) < maximum
        self.can_remove = len(self.rows) > spec.get("min_rows", 1)

    @property
    def count_name(self):
        return f"{self.prefix}-rows"


def _row_values(data, row_prefix):
    marker = f"{row_prefix}-"
    return {key[len(marker) :]: value for key, value in data.items() if key.startswith(marker)}


class EForm:
    """`definition` bound to `data` (a dict of posted values, or None for a blank form)."""

    def __init__(self, definition, data=None, *, prefix="ef", add=None, remove=None):
        self.definition, self.prefix = definition, prefix
        self.data = dict(data) if data is not None else None
        raw_of = lambda key: str((self.data or {}).get(f"{prefix}-{key}", ""))  # noqa: E731
        self.top = _Part(
            definition["fields"], raw_of, self.data, prefix=prefix, top_prefix=prefix, use_required_attribute=False
        )
        self.groups = {}
        for spec in definition["fields"]:
            if spec["type"] == "group":
                rows_removed = remove[1] if remove and remove[0] == spec["key"] else None
                self.groups[spec["key"]] = Group(
                    spec, prefix, self.data, raw_of, add=add == spec["key"], remove=rows_removed
                )
        self._valid = None

    @property
    def raw(self):
        """What was typed, renumbered, to store and bind again: every input name → value."""
        if self.data is None:
            return {}
        raw = {
            f"{self.prefix}-{k}": self.data[f"{self.prefix}-{k}"]
            for k in self.top.fields
            if f"{self.prefix}-{k}" in self.data
        }
        for key in self.top.fields:  # multi-value widgets post name_0, name_1
            for part in ("_0", "_1"):
                name = f"{self.prefix}-{key}{part}"
                if name in self.data:
                    raw[name] = self.data[name]
        for group in self.groups.values():
            raw[group.count_name] = str(len(group.rows))
            for row in group.rows:
                for key in row.fields:
                    for suffix in ("", "_0", "_1"):
                        name = f"{row.prefix}-{key}{suffix}"
                        value = row.data.get(name) if row.is_bound else None
                        if value is not None:
                            raw[name] = value
        return raw

    @property
    def template_reference(self):
        return template_reference(self.definition["template"]) if self.definition.get("template") else ""

    def items(self):
        """(spec, bound field or Group) in the definition's order, for templates."""
        for spec in self.definition["fields"]:
            yield spec, self.groups[spec["key"]] if spec["type"] == "group" else self.top[spec["key"]]

    def is_valid(self):
        if self._valid is None:
            parts = [self.top] + [row for group in self.groups.values() for row in group.rows]
            self._valid = self.data is not None and all([part.is_valid() for part in parts])
            if self._valid:
                self._valid = self._follows_rules()
        return self._valid

    def _follows_rules(self):
        """The definition's forbidden combinations (a certificate No. 2 asked for by an authorised person)."""
        sound = True
        for rule in self.definition.get("rules", ()):
            if all(_matches(self.top.cleaned_data.get(c["field"]), c["equals"]) for c in rule["when"]):
                self.top.add_error(rule["field"], rule["message"])
                sound = False
        return sound

    @property
    def errors(self):
        """[(input id, label, message)] for an error summary."""
        self.is_valid()
        found = []
        for part in [self.top] + [row for group in self.groups.values() for row in group.rows]:
            for key, messages in part.errors.items():
                label = part.fields[key].label if key in part.fields else ""
                found += [(part[key].id_for_label if key in part.fields else "", label, m) for m in messages]
        return found

    @property
    def values(self):
        """The cleaned values as JSON (fields hidden by their condition left out); None until valid."""
        if not self.is_valid():
            return None
        return self._clean_part(self.top, self.definition["fields"]) | {
            key: [
                self._clean_part(row, group.spec["fields"])
                for row in group.rows
                if not (row.empty_permitted and not row.has_changed())
            ]
            for key, group in self.groups.items()
        }

    @staticmethod
    def _clean_part(part, specs):
        values = {}
        for spec in specs:
            key = spec["key"]
            if key in part.fields and not part.fields[key].widget.attrs.get("data-hidden-by-condition"):
                values[key] = kinds.to_json(part.cleaned_data.get(key))
        return values


def _matches(value, expected):
    return value == expected if isinstance(expected, bool) else str(value) == str(expected)


def template_reference(template):
    """ "Mẫu số 03/2024/TT-LLTP ban hành kèm theo Thông tư 06/2024/TT-BTP ngày 19/06/2024"."""
    year, month, day = template["date"].split("-")
    return f"{template['form']} ban hành kèm theo {template['issued_with']} ngày {day}/{month}/{year}"


def row_change(pressed, slot):
    """(add, remove) for the form in `slot` from the pressed button (EFormButtonsForm's cleaned data):
    the group to add a row to, or (group, row) to remove; both None when another form's was pressed."""
    if not pressed or pressed.get("slot") != slot:
        return None, None
    if pressed.get("action") == "add":
        return pressed["add"], None
    return None, (pressed["add"], pressed["row"])


def display(definition, values):
    """[(label, text, group rows or None)] of submitted values, in the definition's order; a group's
    rows are [[(label, text)]]."""
    rows = []
    for spec in definition["fields"]:
        if spec["key"] not in values:
            continue
        value = values[spec["key"]]
        if spec["type"] == "group":
            rows.append(
                (
                    spec["label"],
                    "",
                    [[(sub["label"], show(sub, row.get(sub["key"]))) for sub in spec["fields"]] for row in value],
                )
            )
        else:
            rows.append((spec["label"], show(spec, value), None))
    return rows


def show(spec, value):
    """A stored value as a person reads it."""
    if value in (None, ""):
        return "—"
    kind = spec["type"]
    if kind == "yesno":
        return _("Có") if value else _("Không")
    if kind == "choice":
        return dict((c[0], c[1]) for c in spec["choices"]).get(value, value)
    if kind == "date":
        year, month, day = str(value).split("-")
        if spec.get("in_words"):
            words = date_in_words(dt.date(int(year), int(month), int(day)))
            return f"{day}/{month}/{year} ({_('bằng chữ')}: {words})"
        return f"{day}/{month}/{year}"
    if kind == "address":
        unit = AdministrativeUnit.objects.filter(code=value.get("commune")).select_related("parent").first()
        place = f"{unit.name}, {unit.parent.name}" if unit and unit.parent_id else (unit.name if unit else "")
        return ", ".join(part for part in (value.get("detail", ""), place) if part)
    return str(value)
