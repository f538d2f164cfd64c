"""Demo accounts for `make run`: one officer per role at a commune, its district and a province
department, a province monitor, an administrator and two citizens. Safe to run again."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from accounts.consent import give_consent
from accounts.models import Method, Purpose
from demo.accounts import DemoLogin, demo_user, give_role
from government.models import AdministrativeUnit, Agency, AgencyKind, Role, UnitLevel
from government.selectors import is_two_level

DEMO_DISTRICT = "Phú Bình"
# The two-level tree (MODEL=2025): the citizens' own commune, and a city ward whose center they use.
DEMO_COMMUNE, DEMO_WARD = "Xã Phú Bình", "Phường Phan Đình Phùng"


def demo_agencies():
    """{prefix: (desk agency, handling agency)}: where each prefix's officer receives, and where its
    specialist and leader work. Under the three-level model both are the same agency."""
    committee = AgencyKind.PEOPLES_COMMITTEE
    justice = Agency.objects.get(
        kind=AgencyKind.DEPARTMENT, sector="justice", unit__level=UnitLevel.PROVINCE, valid_until__isnull=True
    )
    if is_two_level():
        center = AgencyKind.SERVICE_CENTER
        # in force: after a reorganisation (MODEL=reorganised) the old ward of that name and its
        # committee stay, closed, beside the new ones
        units, in_force = (
            AdministrativeUnit.objects.filter(valid_until__isnull=True),
            Agency.objects.filter(valid_until__isnull=True),
        )
        places = {"xa": units.get(name=DEMO_COMMUNE), "xa2": units.get(name=DEMO_WARD)}
        agencies = {
            prefix: (in_force.get(unit=unit, kind=center), in_force.get(unit=unit, kind=committee))
            for prefix, unit in places.items()
        }
        agencies["so"] = (in_force.get(unit=justice.unit, kind=center), justice)
        return agencies
    district = AdministrativeUnit.objects.get(level=UnitLevel.DISTRICT, short_name=DEMO_DISTRICT)
    commune = district.children.order_by("code").first()
    agencies = {
        "xa": Agency.objects.get(unit=commune, kind=committee),
        "huyen": Agency.objects.get(unit=district, kind=committee),
        "so": justice,
    }
    return {prefix: (agency, agency) for prefix, agency in agencies.items()}


CITIZENS = [
    # Digits 1–3: 019 (Thái Nguyên); digit 4: gender and century; digits 5–6: birth year.
    # They are a family in the fake population registry (citizen_registry_adapter/synthetic.py).
    ("congdan1", "Nguyễn Văn", "An", "019090001234", "0912345678", dt.date(1990, 5, 12)),
    ("congdan2", "Trần Thị", "Bình", "019195004321", "0987654321", dt.date(1995, 3, 8)),
]

STAFF_ROLES = [
    ("motcua", Role.ONE_STOP_OFFICER),
    ("chuyenvien", Role.SPECIALIST),
    ("lanhdao", Role.LEADER),
    ("vanthu", Role.CLERK),  # the documents app's clerk (văn thư) of the handling agency
]


# Names the forms print as "người tiếp nhận", "người hướng dẫn"… (family and middle names, given name).
STAFF_NAMES = {
    "xa.motcua": ("Hoàng Thị", "Lan"),
    "xa.chuyenvien": ("Ma Văn", "Dũng"),
    "xa.lanhdao": ("Nguyễn Đức", "Thắng"),
    "huyen.motcua": ("Dương Thu", "Hà"),
    "huyen.chuyenvien": ("Lương Minh", "Tuấn"),
    "huyen.lanhdao": ("Trần Quang", "Vinh"),
    "so.motcua": ("Đỗ Ngọc", "Anh"),
    "so.chuyenvien": ("Bùi Thanh", "Hương"),
    "so.lanhdao": ("Lê Hữu", "Long"),
    "xa2.motcua": ("Vũ Thị", "Mai"),
    "xa2.chuyenvien": ("Đinh Công", "Sơn"),
    "xa2.lanhdao": ("Phạm Văn", "Khánh"),
    "xa.vanthu": ("La Thị", "Nga"),
    "huyen.vanthu": ("Triệu Thu", "Trang"),
    "so.vanthu": ("Nông Văn", "Quân"),
    "xa2.vanthu": ("Hà Thị", "Yến"),
}


@transaction.atomic
def seed_demo_accounts():
    logins = []
    admin = demo_user("admin", "hệ thống", "Quản trị", is_staff=True, is_superuser=True)  # "Quản trị hệ thống"
    give_role(admin, Role.ADMINISTRATOR)
    logins.append(DemoLogin("admin", Role.ADMINISTRATOR.label, "—"))
    for prefix, (desk, handling) in demo_agencies().items():
        for suffix, role in STAFF_ROLES:
            agency = desk if role == Role.ONE_STOP_OFFICER else handling
            username = f"{prefix}.{suffix}"
            last, first = STAFF_NAMES[username]
            user = demo_user(username, first, last, is_staff=True)
            give_role(user, role, agency)
            logins.append(DemoLogin(username, role.label, agency.name))
    monitor = demo_user("tinh.giamsat", "Hải", "Phạm Thanh", is_staff=True)
    give_role(monitor, Role.PROVINCE_MONITOR)
    logins.append(DemoLogin("tinh.giamsat", Role.PROVINCE_MONITOR.label, "Toàn tỉnh"))
    for username, last, first, personal_id, phone, born in CITIZENS:
        citizen = demo_user(
            username,
            first,
            last,
            personal_id=personal_id,
            phone=phone,
            date_of_birth=born,
            email=f"{username}@motcua.local",
            identity_verified_at=timezone.now(),
        )
        for purpose in (Purpose.SMS, Purpose.EMAIL):  # as if ticked at registration
            give_consent(citizen, purpose, method=Method.REGISTRATION)
        logins.append(DemoLogin(username, Role.CITIZEN.label, "—", personal_id))
    return logins
