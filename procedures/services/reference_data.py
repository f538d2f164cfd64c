"""Reference data: administrative units from the official table, agencies built on them.

Units come from the legacy (pre-July-2025, three-level) or the 2025 (two-level) table that the
`vietnamadminunits` package ships; fixtures under fixtures/ are generated from it, never typed.
"""

import json
import sqlite3
from pathlib import Path

from django.db import transaction

from citizen_registry_adapter.personal_id import DATASET
from government.models import AdministrativeUnit, Agency, AgencyKind, Desk, UnitLevel

LEGACY, CURRENT = "legacy", "2025"

# Demo electronic codes in the shape V1V2V3.Z1Z2.Y1Y2.MX1X2. "H99" is no province's real code,
# which keeps them from being mistaken for official ones (they are flagged code_is_demo too).
DEMO_PROVINCE_CODE = "H99"

PROVINCE_DEPARTMENTS = [
    ("justice", "Sở Tư pháp"),
    ("natural-resources", "Sở Tài nguyên và Môi trường"),
    ("planning-investment", "Sở Kế hoạch và Đầu tư"),
    ("construction", "Sở Xây dựng"),
    ("labour", "Sở Lao động - Thương binh và Xã hội"),
    ("transport", "Sở Giao thông vận tải"),
    ("health", "Sở Y tế"),
    ("education", "Sở Giáo dục và Đào tạo"),
    ("industry-trade", "Sở Công Thương"),
]
DISTRICT_SERVICES = [("social-insurance", "Bảo hiểm xã hội {name}", "000.99.{d}")]
# With no districts (2025), the social insurance steps go to the province's office.
PROVINCE_SERVICES_2025 = [("social-insurance", "Bảo hiểm xã hội", "000.98.00")]
COMMUNE_SERVICES = [("police", "Công an {name}", "001.{c}.{d}")]


def read_unit_table(province_short, model=LEGACY):
    """Rows (code, name, short_name, unit_type, level, parent_code) for one province, top-down."""
    db = sqlite3.connect(f"file:{DATASET}?mode=ro", uri=True)
    try:
        if model == LEGACY:
            rows = db.execute(
                "SELECT province, provinceShort, provinceCode, district, districtShort, districtType, districtCode,"
                " ward, wardShort, wardType, wardCode FROM admin_units_legacy WHERE provinceShort = ?"
                " ORDER BY districtCode, wardCode",
                [province_short],
            ).fetchall()
        else:
            rows = db.execute(
                "SELECT province, provinceShort, provinceCode, ward, wardShort, wardType, wardCode"
                " FROM admin_units WHERE provinceShort = ? ORDER BY wardCode",
                [province_short],
            ).fetchall()
    finally:
        db.close()
    if not rows:
        raise ValueError(f"no province named {province_short!r} in the {model} table")
    units, seen = [], set()

    def add(code, name, short, unit_type, level, parent):
        if code not in seen:
            seen.add(code)
            units.append(
                {"code": code, "name": name, "short_name": short, "unit_type": unit_type, "level": level, "parent": parent}
            )

    for row in rows:
        province_name, province_short_name, province_code = row[:3]
        add(province_code, province_name, province_short_name, province_name.split(" ")[0], UnitLevel.PROVINCE.value, None)
        if model == LEGACY:
            d_name, d_short, d_type, d_code, w_name, w_short, w_type, w_code = row[3:]
            add(d_code, d_name, d_short, d_type, UnitLevel.DISTRICT.value, province_code)
            add(w_code, w_name, w_short, w_type, UnitLevel.COMMUNE.value, d_code)
        else:
            w_name, w_short, w_type, w_code = row[3:]
            add(w_code, w_name, w_short, w_type, UnitLevel.COMMUNE.value, province_code)
    return units


def build_agencies(units, centers=False):
    """People's committees for every unit, province departments, and the commune and district
    services that inter-level routes hand dossiers to, each with a demo electronic code. With
    `centers` (the 2025 model), a Public Administration Service Center at the province, with a desk
    (quầy) per department, and one in every commune."""
    agencies = []
    children = {}
    for unit in units:
        children.setdefault(unit["parent"], []).append(unit)
    province = children[None][0]

    def add(unit, kind, sector, name, code, **extra):
        agencies.append({"unit": unit["code"], "kind": kind, "sector": sector, "name": name,
                         "electronic_code": f"{code}.{DEMO_PROVINCE_CODE}", **extra})

    def add_center(unit, code, desks=()):
        # A center is the desk itself: no separate desk name under its own on the forms.
        add(unit, AgencyKind.SERVICE_CENTER.value, "", f"Trung tâm Phục vụ hành chính công {of(unit)}", code,
            desk_name="", desks=list(desks))

    def of(unit):
        # "Ủy ban nhân dân huyện Phú Bình": the unit type is written in lower case after a noun.
        return f"{unit['unit_type'].lower()} {unit['short_name']}"

    committee = AgencyKind.PEOPLES_COMMITTEE.value
    department = AgencyKind.DEPARTMENT.value
    add(province, committee, "", f"Ủy ban nhân dân {of(province)}", "000.00.00")
    for i, (sector, name) in enumerate(PROVINCE_DEPARTMENTS, start=1):
        add(province, department, sector, f"{name} {of(province)}", f"000.00.{i:02d}")
    if centers:
        for sector, name, code in PROVINCE_SERVICES_2025:
            add(province, department, sector, f"{name} {of(province)}", code)
        add_center(province, "000.00.99", [{"number": 1, "name": f"Ủy ban nhân dân {of(province)}", "hosts": ":"}] + [
            {"number": i, "name": name, "hosts": f"{department}:{sector}"}
            for i, (sector, name) in enumerate(PROVINCE_DEPARTMENTS, start=2)])

    def add_commune(commune, c_index, d_code):
        add(commune, committee, "", f"Ủy ban nhân dân {of(commune)}", f"000.{c_index:02d}.{d_code}")
        if centers:
            add_center(commune, f"002.{c_index:02d}.{d_code}")
        for sector, name, pattern in COMMUNE_SERVICES:
            add(commune, department, sector, name.format(name=of(commune)), pattern.format(c=f"{c_index:02d}", d=d_code))

    # District-level units take Y1Y2 = 21…; communes directly under the province (two-level model) Y1Y2 = 50.
    district_index = 20
    for unit in children.get(province["code"], []):
        if unit["level"] == UnitLevel.DISTRICT.value:
            district_index += 1
            d_code = f"{district_index:02d}"
            add(unit, committee, "", f"Ủy ban nhân dân {of(unit)}", f"000.00.{d_code}")
            for sector, name, pattern in DISTRICT_SERVICES:
                add(unit, department, sector, name.format(name=of(unit)), pattern.format(d=d_code))
            for c_index, commune in enumerate(children.get(unit["code"], []), start=1):
                add_commune(commune, c_index, d_code)
    direct = [u for u in children.get(province["code"], []) if u["level"] == UnitLevel.COMMUNE.value]
    for c_index, commune in enumerate(direct, start=1):
        # Z1Z2 has two digits; a two-level province with >99 communes spills into V1V2V3.
        add_commune(commune, c_index % 100, f"{50 + c_index // 100:02d}")
    return agencies


@transaction.atomic
def load_units(units):
    """Create or update units by official code; parents before children. Returns the count."""
    by_code = {}
    for item in units:
        unit, _ = AdministrativeUnit.objects.update_or_create(
            code=item["code"],
            defaults={
                "name": item["name"],
                "short_name": item["short_name"],
                "unit_type": item["unit_type"],
                "level": item["level"],
                "parent": by_code.get(item["parent"]) if item["parent"] else None,
            },
        )
        by_code[unit.code] = unit
    return len(by_code)


@transaction.atomic
def load_agencies(agencies):
    """Create or update agencies by (unit, kind, sector), then the desks of each center, which name
    the agency of the same unit they host as "kind:sector" (":" is the unit's people's committee)."""
    units = {u.code: u for u in AdministrativeUnit.objects.all()}
    for item in agencies:
        defaults = {"name": item["name"], "electronic_code": item["electronic_code"], "code_is_demo": True}
        if "desk_name" in item:
            defaults["desk_name"] = item["desk_name"]
        agency, _ = Agency.objects.update_or_create(unit=units[item["unit"]], kind=item["kind"], sector=item["sector"],
                                                    defaults=defaults)
        for desk in item.get("desks", []):
            kind, _sep, sector = desk["hosts"].partition(":")
            hosted = Agency.objects.filter(unit=agency.unit, kind=kind or AgencyKind.PEOPLES_COMMITTEE,
                                           sector=sector).first()
            Desk.objects.update_or_create(center=agency, number=desk["number"],
                                          defaults={"name": desk["name"], "hosted_agency": hosted})
    return len(agencies)


def write_json(path, data):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


# The 2025 catalogue (docs/decisions/0007): procedures any center of the province receives, and what
# decides their competent authority.
NON_BOUNDARY = {
    "1.001193": "residence", "1.000894": "residence", "1.000656": "residence", "2.000635": "residence",
    "1.004873": "residence", "1.004227": "parcel", "2.001417": "residence",
}
TWO_LEVEL_DECISION = {"number": "DEMO-2025/QĐ-UBND", "date": "2025-06-30", "signer": "Chủ tịch UBND tỉnh (minh họa)"}
# One upcoming version, so the demo catalogue page announces a change.
UPCOMING = {"1.001193": {"effective_from": "2027-01-01",
                         "decision": {"number": "DEMO-2026/QĐ-UBND", "date": "2026-11-20",
                                      "signer": "Chủ tịch UBND tỉnh (minh họa)"},
                         "add_document": {"name": "Văn bản ủy quyền (nếu nộp hồ sơ thay)", "template": "",
                                          "copy": "original", "mandatory": False}}}


def two_level_catalogue(legacy):
    """The 2025 catalogue from the three-level one: district steps go to the commune (the district
    level is gone since 1 July 2025), district services to the province, consecutive steps at the same
    agency become one; every procedure gets a version from 1 July 2025, some become non-boundary."""
    result = {"_note": "Generated from thai-nguyen-legacy.json by generate_reference_data: the two-level model "
                       "from 1 July 2025. The publication decisions are illustrative; which procedures the province "
                       "lists as non-boundary is a demo choice, not the province's list.",
              "fields": legacy["fields"], "procedures": []}
    for item in legacy["procedures"]:
        before = item["versions"][-1]
        route = []
        for step in before["route"]:
            step = dict(step)
            if step["level"] == UnitLevel.DISTRICT.value:
                step["level"] = (UnitLevel.COMMUNE if step["agency"] == AgencyKind.PEOPLES_COMMITTEE.value
                                 else UnitLevel.PROVINCE).value
            if route and (route[-1]["level"], route[-1]["agency"]) == (step["level"], step["agency"]):
                route[-1] = {**route[-1], "task": f"{route[-1]['task']}; {step['task']}",
                             "days": route[-1]["days"] + step["days"]}
            else:
                route.append(step)
        version = {**before, "effective_from": "2025-07-01", "decision": TWO_LEVEL_DECISION, "route": route}
        if item["national_code"] in NON_BOUNDARY:
            version.update(non_boundary=True, case_basis=NON_BOUNDARY[item["national_code"]])
        versions = [version]
        upcoming = UPCOMING.get(item["national_code"])
        if upcoming:
            versions.append({**version, "effective_from": upcoming["effective_from"], "decision": upcoming["decision"],
                             "documents": version["documents"] + [upcoming["add_document"]]})
        result["procedures"].append({**{k: item[k] for k in ("national_code", "name", "field")}, "versions": versions})
    return result
