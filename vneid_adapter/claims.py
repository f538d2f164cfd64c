"""The identity the portal takes from VNeID, read by the claim names in settings."""

import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings

from .errors import ClaimMissing

PERSONAL_ID = re.compile(r"^\d{12}$")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%Y%m%d", "%d-%m-%Y")


@dataclass(frozen=True)
class Identity:
    subject: str
    personal_id: str
    full_name: str
    date_of_birth: dt.date
    assurance: int  # 1 or 2 (Decree 69/2024: level 2 is the account verified in person)


def identity_from(claims):
    names = settings.VNEID["CLAIMS"]
    values = {key: claims.get(name) for key, name in names.items()}
    personal_id = str(values.get("personal_id") or "").strip()
    full_name = " ".join(str(values.get("full_name") or "").split())
    born = _date(values.get("date_of_birth"))
    assurance = _level(values.get("assurance")) or _level(claims.get("acr"))
    subject = str(claims.get("sub") or "")
    missing = [
        key
        for key, ok in (
            ("personal_id", PERSONAL_ID.match(personal_id)),
            ("full_name", full_name),
            ("date_of_birth", born),
            ("assurance", assurance),
            ("sub", subject),
        )
        if not ok
    ]
    if missing:
        raise ClaimMissing(f"missing or malformed claims: {', '.join(missing)}")
    return Identity(subject, personal_id, full_name[:150], born, assurance)


def _date(value):
    if isinstance(value, str):
        for form in DATE_FORMATS:
            try:
                return dt.datetime.strptime(value.strip(), form).date()
            except ValueError:
                continue
    return None


def _level(value):
    """ "LoA2", "2", 2, ["LoA1", "LoA2"] → 2; anything else → None."""
    if isinstance(value, (list, tuple)):
        levels = [_level(item) for item in value]
        return max((level for level in levels if level), default=None)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value in (1, 2) else None
    if isinstance(value, str):
        match = re.fullmatch(r"(?:LoA|IAL|loa|ial)?\s*([12])", value.strip())
        return int(match.group(1)) if match else None
    return None
