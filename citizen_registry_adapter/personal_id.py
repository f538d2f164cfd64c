"""The 12-digit personal identification number (Decree 137/2015/NĐ-CP, Circular 07/2016/TT-BCA).

Digits 1–3: province code of birth registration; digit 4: sex and century; digits 5–6: the last
two digits of the birth year; digits 7–12: random.
"""

import datetime as dt
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import vietnamadminunits
from django.utils.translation import gettext as _

from .errors import InvalidPersonalId

# The official unit table that ships with `vietnamadminunits` (also the source of fixtures/units).
DATASET = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"

# Digit 4: (century, sex). Even digits male, odd female; 0/1 for 1900–1999, 2/3 for 2000–2099, …
CENTURY_DIGITS = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}


@dataclass(frozen=True)
class PersonalId:
    number: str
    province_code: str
    sex: str  # "male" | "female"
    birth_year: int

    @property
    def masked(self):
        return mask(self.number)


def mask(number):
    """For logs: the first 3 and the last 3 digits only, whatever was typed."""
    number = str(number or "")
    if len(number) < 9:
        return "*" * len(number)
    return f"{number[:3]}{'*' * (len(number) - 6)}{number[-3:]}"


@cache
def province_codes():
    """Three-digit province codes, from the official unit table (GSO codes, zero-padded)."""
    db = sqlite3.connect(f"file:{DATASET}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT DISTINCT provinceCode FROM admin_units_legacy").fetchall()
    finally:
        db.close()
    return frozenset(code.zfill(3) for (code,) in rows)


def parse(number, date_of_birth=None):
    """Check a personal ID before any registry call; each failure has its own Vietnamese message."""
    number = (number or "").strip()
    if not number.isdigit() or len(number) != 12 or not number.isascii():
        raise InvalidPersonalId(_("Số định danh cá nhân phải gồm đúng 12 chữ số."))
    province = number[:3]
    if province not in province_codes():
        raise InvalidPersonalId(
            _("Ba chữ số đầu (%(code)s) không phải mã tỉnh, thành phố nơi đăng ký khai sinh.") % {"code": province}
        )
    century = CENTURY_DIGITS[int(number[3])]
    birth_year = century + int(number[4:6])
    if birth_year > dt.date.today().year:
        raise InvalidPersonalId(
            _("Chữ số thứ tư (mã giới tính và thế kỷ sinh) không hợp lệ: năm sinh %(year)s chưa tới.")
            % {"year": birth_year}
        )
    if date_of_birth is not None and date_of_birth.year != birth_year:
        raise InvalidPersonalId(
            _("Số định danh cho năm sinh %(id_year)s, không khớp ngày sinh đã khai (%(dob)s).")
            % {"id_year": birth_year, "dob": f"{date_of_birth:%d/%m/%Y}"}
        )
    return PersonalId(number, province, "female" if int(number[3]) % 2 else "male", birth_year)
