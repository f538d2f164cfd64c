"""What an electronic form definition may say, checked with jsonschema (JSON Schema 2020-12).

Why jsonschema: it implements the JSON Schema standard (2020-12), is actively maintained
(python-jsonschema) and small, and a definition checked by it can be checked by any other tool that
reads the standard; pydantic would tie the format to Python classes. Checks the schema cannot express (unique keys, a
condition naming an earlier field) follow in `check_definition`.
"""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator

TYPES = ("text", "textarea", "number", "year", "date", "choice", "address", "personal_id", "phone", "email", "yesno")
KEY = {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,39}$"}
LABEL = {"type": "string", "minLength": 1, "maxLength": 200}

CONDITION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["field", "equals"],
    "properties": {"field": KEY, "equals": {"type": ["string", "boolean", "number"]}},
}
_FIELD_COMMON = {
    "key": KEY,
    "label": LABEL,
    "required": {"type": "boolean"},
    "help": {"type": "string", "maxLength": 400},
    "show_if": CONDITION,
    # Where a value comes from before the citizen types: "registry.<field>" (with consent) or
    # "account.<field>" / "dossier.<field>".
    "prefill": {"type": "string", "pattern": "^(registry|account|dossier)\\.[a-z_]+$"},
    # Shown in the officers' search and exports.
    "key_field": {"type": "boolean"},
}
SIMPLE_FIELD = {
    "type": "object",
    "additionalProperties": False,
    "required": ["key", "label", "type"],
    "properties": {
        **_FIELD_COMMON,
        "type": {"enum": list(TYPES)},
        "max_length": {"type": "integer", "minimum": 1, "maximum": 2000},
        "min": {"type": "number"},
        "max": {"type": "number"},
        "date_rule": {"enum": ["past", "future", "any"]},
        # A date the paper also writes in words (civil status: "Ngày hai mươi lăm tháng tư năm …").
        "in_words": {"type": "boolean"},
        # A number whose each unit adds to the fee (copies asked for), in VND.
        "fee_each_vnd": {"type": "integer", "minimum": 0, "maximum": 100_000_000},
        "choices": {
            "type": "array",
            "minItems": 1,
            "maxItems": 200,
            "items": {"type": "array", "prefixItems": [KEY, LABEL], "minItems": 2, "maxItems": 2},
        },
    },
    "allOf": [{"if": {"properties": {"type": {"const": "choice"}}}, "then": {"required": ["choices"]}}],
}
GROUP_FIELD = {
    "type": "object",
    "additionalProperties": False,
    "required": ["key", "label", "type", "fields"],
    "properties": {
        **_FIELD_COMMON,
        "type": {"const": "group"},
        "min_rows": {"type": "integer", "minimum": 0, "maximum": 50},
        "max_rows": {"type": "integer", "minimum": 1, "maximum": 50},
        "fields": {"type": "array", "minItems": 1, "maxItems": 30, "items": SIMPLE_FIELD},
    },
}
DEFINITION = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "fields"],
    "properties": {
        "title": LABEL,
        # The State template the form follows: its number, the text that issued it and that text's date;
        # "compared_with" says whether it was read from an official copy or only from secondary ones.
        "template": {
            "type": "object",
            "additionalProperties": False,
            "required": ["form", "issued_with", "date"],
            "properties": {
                "form": LABEL,
                "issued_with": LABEL,
                "date": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
                "compared_with": {"enum": ["official", "secondary"]},
            },
        },
        # Combinations the law forbids: when every condition holds, `message` is shown on `field`.
        "rules": {
            "type": "array",
            "maxItems": 20,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["when", "field", "message"],
                "properties": {
                    "when": {"type": "array", "minItems": 1, "maxItems": 5, "items": CONDITION},
                    "field": KEY,
                    "message": {"type": "string", "minLength": 1, "maxLength": 300},
                },
            },
        },
        "intro": {"type": "string", "maxLength": 1000},
        "fields": {"type": "array", "minItems": 1, "maxItems": 80, "items": {"oneOf": [SIMPLE_FIELD, GROUP_FIELD]}},
    },
}
_VALIDATOR = Draft202012Validator(DEFINITION)


def check_definition(definition):
    """Raise ValidationError saying where and what is wrong; return the definition when it is sound."""

    if "\\u0000" in json.dumps(definition):
        raise ValidationError(_("Biểu mẫu không được chứa ký tự rỗng (NUL)."))
    errors = sorted(_VALIDATOR.iter_errors(definition), key=lambda e: list(e.absolute_path))
    if errors:
        best = errors[0]
        for error in errors:  # the deepest error is the most telling for oneOf branches
            if len(error.absolute_path) > len(best.absolute_path):
                best = error
        where = "/".join(str(part) for part in best.absolute_path) or "(gốc)"
        raise ValidationError(
            _("Biểu mẫu không hợp lệ tại %(where)s: %(message)s") % {"where": where, "message": best.message}
        )
    seen = set()
    for field in definition["fields"]:
        _check_field(field, seen, seen)
        seen.add(field["key"])
        inner = set()
        for sub in field.get("fields", ()):
            _check_field(sub, inner, seen)
            inner.add(sub["key"])
    for rule in definition.get("rules", ()):
        for key in [condition["field"] for condition in rule["when"]] + [rule["field"]]:
            if key not in seen:
                raise ValidationError(
                    _("Quy tắc của biểu mẫu nhắc đến “%(key)s”, không phải một trường ngoài nhóm.") % {"key": key}
                )
    return definition


def _check_field(field, siblings, earlier_top):
    """Keys unique among their siblings; a condition names a top-level field placed before."""
    if field["key"] in siblings:
        raise ValidationError(_("Biểu mẫu có hai trường cùng khóa “%(key)s”.") % {"key": field["key"]})
    condition = field.get("show_if")
    if condition and condition["field"] not in earlier_top:
        raise ValidationError(
            _("Điều kiện của trường “%(key)s” nhắc đến “%(other)s”, không phải một trường ngoài nhóm đứng trước nó.")
            % {"key": field["key"], "other": condition["field"]}
        )
    if field.get("min") is not None and field.get("max") is not None and field["min"] > field["max"]:
        raise ValidationError(_("Trường “%(key)s”: giá trị nhỏ nhất lớn hơn giá trị lớn nhất.") % {"key": field["key"]})


def walk(definition):
    """(path, field) for every field, a group's own fields after the group."""
    for field in definition["fields"]:
        yield (field["key"],), field
        for sub in field.get("fields", ()):
            yield (field["key"], sub["key"]), sub
