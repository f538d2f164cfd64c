"""Vietnamese-aware comparison of declared identity fields with the registry's values."""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")


class FieldStatus(str, Enum):
    MATCH = "match"
    MISMATCH = "mismatch"
    MISSING = "missing"


@dataclass(frozen=True)
class FieldResult:
    field: str
    status: FieldStatus
    declared: str = ""
    registered: str = ""


def normalise_text(value):
    """NFC, case-folded, single-spaced: "NGUYỄN  VĂN A" and "Nguyễn Văn A" compare equal.

    Diacritics are kept: "Lê" and "Le" are different names.
    """
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value)).casefold()).strip()


def parse_date(value):
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def same(declared, registered):
    declared_date, registered_date = parse_date(declared), parse_date(registered)
    if declared_date and registered_date:
        return declared_date == registered_date
    return normalise_text(declared) == normalise_text(registered)


def compare_fields(declared, registered):
    """A result per declared field: match, mismatch (with both values), or missing from the registry."""
    results = []
    for field, value in declared.items():
        known = registered.get(field)
        if known in (None, ""):
            results.append(FieldResult(field, FieldStatus.MISSING, str(value)))
        elif same(value, known):
            results.append(FieldResult(field, FieldStatus.MATCH, str(value), str(known)))
        else:
            results.append(FieldResult(field, FieldStatus.MISMATCH, str(value), str(known)))
    return results
