"""Synthetic citizens of Thái Nguyên for the fake registry: the same people on every machine.

Households live in real communes of the official unit table (fixtures/units); every ID is valid
for its holder's sex and birth year; spouses, parents and heads of household point at each other.
Nothing here touches Django, so that the fake server starts on a bare interpreter.
"""

import datetime as dt
import json
import random
from functools import cache
from pathlib import Path

from .records import CitizenRecord, Relative

UNITS = Path(__file__).resolve().parent.parent / "fixtures" / "units" / "thai-nguyen-legacy.json"
PROVINCE = "Tỉnh Thái Nguyên"
VIETNAM = "Việt Nam"

# Provinces of birth registration for people who moved to Thái Nguyên (GSO code → name).
ELSEWHERE = {"001": "Thành phố Hà Nội", "006": "Tỉnh Bắc Kạn", "008": "Tỉnh Tuyên Quang", "024": "Tỉnh Bắc Giang"}

FAMILY_NAMES = (
    ["Nguyễn"] * 8
    + ["Trần"] * 3
    + ["Hoàng"] * 3
    + [
        "Lê",
        "Phạm",
        "Vũ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Ngô",
        "Dương",
        "Lương",
        "Ma",
        "La",
        "Hà",
        "Nông",
        "Triệu",
        "Lý",
    ]
)
MIDDLE = {
    "male": ["Văn"] * 4 + ["Đức", "Minh", "Quang", "Hữu", "Công", "Tiến", "Mạnh", "Xuân"],
    "female": ["Thị"] * 4 + ["Thu", "Ngọc", "Thanh", "Thùy", "Minh", "Phương"],
}
GIVEN = {
    "male": [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Đạt",
        "Hải",
        "Hùng",
        "Huy",
        "Khánh",
        "Long",
        "Nam",
        "Phong",
        "Quân",
        "Sơn",
        "Thắng",
        "Trung",
        "Tuấn",
        "Việt",
        "Vinh",
        "Khang",
    ],
    "female": [
        "Anh",
        "Chi",
        "Dung",
        "Giang",
        "Hà",
        "Hằng",
        "Hoa",
        "Hương",
        "Lan",
        "Linh",
        "Mai",
        "Nga",
        "Nhung",
        "Oanh",
        "Phương",
        "Thảo",
        "Trang",
        "Vân",
        "Yến",
        "Ngân",
    ],
}
ETHNICITIES = ["Kinh"] * 14 + ["Tày"] * 3 + ["Nùng", "Nùng", "Sán Dìu", "Dao", "Sán Chay", "Mông"]
RELIGIONS = ["Không"] * 18 + ["Phật giáo", "Công giáo"]
HAMLETS = ["Xóm Chùa", "Xóm Đồng", "Xóm Trại", "Xóm Giữa", "Xóm Bãi", "Xóm Mới", "Xóm Cầu", "Xóm Đình"]


@cache
def communes():
    units = {unit["code"]: unit for unit in json.loads(UNITS.read_text(encoding="utf-8"))}
    return [
        (unit["code"], unit["name"], unit["unit_type"], units[unit["parent"]]["name"])
        for unit in units.values()
        if unit["level"] == "commune"
    ]


def _unit_address(commune):
    return f"{commune[1]}, {commune[3]}, {PROVINCE}"


def address(commune, hamlet):
    return f"{hamlet}, {_unit_address(commune)}"


def personal_id(province_code, sex, born, serial):
    century_digit = (born.year // 100 - 19) * 2 + (1 if sex == "female" else 0)
    return f"{province_code}{century_digit}{born.year % 100:02d}{serial:06d}"


class _Household:
    """One household's people as plain dicts, turned into records once everyone's ID is known."""

    def __init__(self, rng, commune, hamlet):
        self.rng, self.commune, self.hamlet, self.people = rng, commune, hamlet, []
        self.ethnicity, self.religion = rng.choice(ETHNICITIES), rng.choice(RELIGIONS)

    def person(self, sex, born, family_name, *, role, id_number=None, father=None, mother=None):
        """A member; a child (given `father`) is registered here and takes the father's home town."""
        rng = self.rng
        name = f"{family_name} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
        code = "019" if father or rng.random() < 0.85 else rng.choice(sorted(ELSEWHERE))
        home_town = father["home_town"] if father else _unit_address(rng.choice(communes()))
        id_number = id_number or personal_id(code, sex, born, rng.randrange(1, 10**6))
        person = {
            "personal_id": id_number,
            "full_name": name,
            "date_of_birth": born,
            "sex": sex,
            "role": role,
            "old_id_number": f"09{rng.randrange(10**7):07d}" if born.year < 2000 else "",
            "home_town": home_town,
            "father": father,
            "mother": mother,
            "born_in": ELSEWHERE.get(id_number[:3]) or (_unit_address(self.commune) if father else home_town),
        }
        self.people.append(person)
        return person

    def records(self):
        head = self.people[0]
        home = address(self.commune, self.hamlet)
        for person in self.people:
            yield CitizenRecord(
                personal_id=person["personal_id"],
                old_id_number=person["old_id_number"],
                full_name=person["full_name"],
                other_names="",
                date_of_birth=person["date_of_birth"],
                sex=person["sex"],
                place_of_birth_registration=person["born_in"],
                home_town=person["home_town"],
                ethnicity=self.ethnicity,
                religion=self.religion,
                nationality=VIETNAM,
                marital_status=person.get("marital_status", "Chưa kết hôn"),
                permanent_residence=home,
                temporary_residence="",
                current_residence=home,
                head_of_household=Relative(head["full_name"], head["personal_id"]),
                relationship_to_head=person["role"],
                father=_relative(person.get("father")),
                mother=_relative(person.get("mother")),
                spouse=_relative(person.get("spouse")),
            )


def _relative(person):
    if person is None:
        return None
    return Relative(person["full_name"], person.get("personal_id", ""), VIETNAM)


def _marry(a, b):
    a["spouse"], b["spouse"] = b, a
    a["marital_status"] = b["marital_status"] = "Đã kết hôn"


def _demo_household():
    """The demo accounts' family (demo/procedures.py): thị trấn Hương Sơn, huyện Phú Bình."""
    rng = random.Random("demo")
    commune = next(c for c in communes() if c[1] == "Thị trấn Hương Sơn")
    house = _Household(rng, commune, "Tổ dân phố Tân Sơn")
    house.ethnicity, house.religion = "Kinh", "Không"
    husband = house.person("male", dt.date(1990, 5, 12), "Nguyễn", id_number="019090001234", role="Chủ hộ")
    wife = house.person("female", dt.date(1995, 3, 8), "Trần", id_number="019195004321", role="Vợ")
    _marry(husband, wife)
    child = house.person(
        "male", dt.date(2020, 9, 2), "Nguyễn", id_number="019220000517", role="Con", father=husband, mother=wife
    )
    for person, name in ((husband, "Nguyễn Văn An"), (wife, "Trần Thị Bình"), (child, "Nguyễn Minh Khang")):
        person["full_name"] = name
    return house


def _random_household(rng):
    commune = rng.choice(communes())
    hamlet = f"Tổ dân phố số {rng.randint(1, 20)}" if commune[2] in ("Phường", "Thị trấn") else rng.choice(HAMLETS)
    house = _Household(rng, commune, hamlet)
    family = rng.choice(FAMILY_NAMES)
    head_born = dt.date(rng.randint(1950, 1998), rng.randint(1, 12), rng.randint(1, 28))
    head = house.person("male", head_born, family, role="Chủ hộ")
    if rng.random() < 0.15:
        head["marital_status"] = "Góa"
        return house
    wife_year = min(head_born.year + rng.randint(-2, 6), 2000)
    wife = house.person(
        "female", dt.date(wife_year, rng.randint(1, 12), rng.randint(1, 28)), rng.choice(FAMILY_NAMES), role="Vợ"
    )
    _marry(head, wife)
    first_child = wife_year + rng.randint(20, 30)
    for year in sorted(rng.sample(range(first_child, first_child + 12), rng.randint(0, 3))):
        if year > 2025:
            break
        sex = rng.choice(("male", "female"))
        house.person(
            sex, dt.date(year, rng.randint(1, 12), rng.randint(1, 28)), family, role="Con", father=head, mother=wife
        )
    return house


@cache
def population(households=400, seed=2026):
    """personal ID → record, for the demo household and `households` others."""
    rng = random.Random(seed)
    people = {}
    for house in [_demo_household()] + [_random_household(rng) for _ in range(households)]:
        for record in house.records():
            people.setdefault(record.personal_id, record)
    return people
