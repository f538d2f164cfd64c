"""Reference data: administrative units from the official table, agencies built on them.

Units come from the legacy (pre-July-2025, three-level) or the 2025 (two-level) table that the
`vietnamadminunits` package ships; fixtures under fixtures/ are generated from it, never typed.
"""

import json
import sqlite3
from pathlib import Path

from django.db import transaction

from citizen_registry_adapter.personal_id import DATASET
from government.models import AdministrativeUnit, Agency, AgencyKind, CalendarException, Desk, UnitLevel

LEGACY, CURRENT = "legacy", "2025"

# Demo electronic codes in the shape V1V2V3.Z1Z2.Y1Y2.MX1X2. "H99" is no province's real code,
# which keeps them from being mistaken for official ones (they are flagged code_is_demo too).
DEMO_PROVINCE_CODE = "H99"

# (sector, name, Z1Z2 of the demo code). The reference province as it was in 2023.
PROVINCE_DEPARTMENTS = [
    ("justice", "Sở Tư pháp", 1),
    ("natural-resources", "Sở Tài nguyên và Môi trường", 2),
    ("planning-investment", "Sở Kế hoạch và Đầu tư", 3),
    ("construction", "Sở Xây dựng", 4),
    ("labour", "Sở Lao động - Thương binh và Xã hội", 5),
    ("transport", "Sở Giao thông vận tải", 6),
    ("health", "Sở Y tế", 7),
    ("education", "Sở Giáo dục và Đào tạo", 8),
    ("industry-trade", "Sở Công Thương", 9),
]
# After the merger of 1 March 2025 (DOMAIN.md §13; the province's own resolution was not read, so the
# list is the national pattern, not Thái Nguyên's verified one). Codes of the bodies that stayed are kept.
PROVINCE_DEPARTMENTS_2025 = [
    ("justice", "Sở Tư pháp", 1),
    ("finance", "Sở Tài chính", 10),
    ("agriculture-environment", "Sở Nông nghiệp và Môi trường", 11),
    ("construction", "Sở Xây dựng", 4),
    ("home-affairs", "Sở Nội vụ", 12),
    ("science-technology", "Sở Khoa học và Công nghệ", 13),
    ("health", "Sở Y tế", 7),
    ("education", "Sở Giáo dục và Đào tạo", 8),
    ("industry-trade", "Sở Công Thương", 9),
    ("culture", "Sở Văn hóa, Thể thao và Du lịch", 14),
    ("ethnic-religion", "Sở Dân tộc và Tôn giáo", 15),
]
# Criminal record certificates and driving licences since 1 March 2025.
PROVINCE_POLICE_2025 = ("police", "Công an", "000.00.20")
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
                {
                    "code": code,
                    "name": name,
                    "short_name": short,
                    "unit_type": unit_type,
                    "level": level,
                    "parent": parent,
                }
            )

    for row in rows:
        province_name, province_short_name, province_code = row[:3]
        add(
            province_code,
            province_name,
            province_short_name,
            province_name.split(" ")[0],
            UnitLevel.PROVINCE.value,
            None,
        )
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
        agencies.append(
            {
                "unit": unit["code"],
                "kind": kind,
                "sector": sector,
                "name": name,
                "electronic_code": f"{code}.{DEMO_PROVINCE_CODE}",
                **extra,
            }
        )

    def add_center(unit, code, desks=()):
        # A center is the desk itself: no separate desk name under its own on the forms.
        add(
            unit,
            AgencyKind.SERVICE_CENTER.value,
            "",
            f"Trung tâm Phục vụ hành chính công {of(unit)}",
            code,
            desk_name="",
            desks=list(desks),
        )

    def of(unit):
        # "Ủy ban nhân dân huyện Phú Bình": the unit type is written in lower case after a noun.
        return f"{unit['unit_type'].lower()} {unit['short_name']}"

    committee = AgencyKind.PEOPLES_COMMITTEE.value
    department = AgencyKind.DEPARTMENT.value
    add(province, committee, "", f"Ủy ban nhân dân {of(province)}", "000.00.00")
    departments = PROVINCE_DEPARTMENTS_2025 if centers else PROVINCE_DEPARTMENTS
    for sector, name, number in departments:
        add(province, department, sector, f"{name} {of(province)}", f"000.00.{number:02d}")
    if centers:
        police_sector, police_name, police_code = PROVINCE_POLICE_2025
        add(province, department, police_sector, f"{police_name} {of(province)}", police_code)
        for sector, name, code in PROVINCE_SERVICES_2025:
            add(province, department, sector, f"{name} {of(province)}", code)
        hosted = [(sector, name) for sector, name, _number in departments] + [(police_sector, police_name)]
        add_center(
            province,
            "000.00.99",
            [{"number": 1, "name": f"Ủy ban nhân dân {of(province)}", "hosts": ":"}]
            + [
                {
                    "number": i,
                    "name": f"{name} {of(province)}" if sector == police_sector else name,
                    "hosts": f"{department}:{sector}",
                }
                for i, (sector, name) in enumerate(hosted, start=2)
            ],
        )

    def add_commune(commune, c_index, d_code):
        add(commune, committee, "", f"Ủy ban nhân dân {of(commune)}", f"000.{c_index:02d}.{d_code}")
        if centers:
            add_center(commune, f"002.{c_index:02d}.{d_code}")
        for sector, name, pattern in COMMUNE_SERVICES:
            add(
                commune, department, sector, name.format(name=of(commune)), pattern.format(c=f"{c_index:02d}", d=d_code)
            )

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
        agency, _ = Agency.objects.update_or_create(
            unit=units[item["unit"]],
            kind=item["kind"],
            sector=item["sector"],
            valid_until__isnull=True,
            defaults=defaults,
        )
        for desk in item.get("desks", []):
            kind, _sep, sector = desk["hosts"].partition(":")
            hosted = Agency.objects.filter(
                unit=agency.unit, kind=kind or AgencyKind.PEOPLES_COMMITTEE, sector=sector, valid_until__isnull=True
            ).first()
            Desk.objects.update_or_create(
                center=agency, number=desk["number"], defaults={"name": desk["name"], "hosted_agency": hosted}
            )
    return len(agencies)


@transaction.atomic
def load_calendar(decisions):
    """The shipped decisions on unsettled days (fixtures/calendar/); a day an administrator has
    already entered is theirs and is left as it is. Returns the number of days added."""
    added = 0
    for day in decisions["days"]:
        _exception, created = CalendarException.objects.get_or_create(
            date=day["date"],
            defaults={
                "is_working_day": day["is_working_day"],
                "reason": day["reason"],
                "source": day.get("source", ""),
            },
        )
        added += created
    return added


def write_json(path, data):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


# The 2025 catalogue (docs/decisions/0007): procedures any center of the province receives, and what
# decides their competent authority.
NON_BOUNDARY = {
    "1.001193": "residence",
    "1.000894": "residence",
    "1.000656": "residence",
    "2.000635": "residence",
    "1.004873": "residence",
    "1.004227": "parcel",
    "2.001417": "residence",
}
TWO_LEVEL_DECISION = {"number": "DEMO-2025/QĐ-UBND", "date": "2025-06-30", "signer": "Chủ tịch UBND tỉnh (minh họa)"}
# One upcoming version, so the demo catalogue page announces a change.
UPCOMING = {
    "1.001193": {
        "effective_from": "2027-01-01",
        "decision": {"number": "DEMO-2026/QĐ-UBND", "date": "2026-11-20", "signer": "Chủ tịch UBND tỉnh (minh họa)"},
        "add_document": {
            "name": "Văn bản ủy quyền (nếu nộp hồ sơ thay)",
            "template": "",
            "copy": "original",
            "mandatory": False,
        },
    }
}


# What the 2025 reorganisation changed in a demo procedure's merged route (a step's agency and task, None
# where the step stays) and result (DOMAIN.md §13): the competent body after the department mergers and
# the police's takeover, and the commune offices that replaced district ones. Which body the province
# itself named is unverified (README).
REORGANISED_2025 = {
    "1.013101": {"route": [None, None, ("department:social-insurance", "Bảo hiểm xã hội tỉnh cấp thẻ bảo hiểm y tế")]},
    "1.013102": {"route": [None, None, ("committee", "UBND xã quyết định hỗ trợ chi phí mai táng")]},
    "1.004227": {
        "route": [
            (
                "committee",
                "UBND xã xác nhận hiện trạng, nguồn gốc, niêm yết công khai; Chủ tịch UBND xã "
                "quyết định cấp Giấy chứng nhận",
            )
        ]
    },
    "1.001776": {
        "route": [("committee", "Hội đồng xét duyệt cấp xã họp, niêm yết công khai; Chủ tịch UBND xã quyết định")],
        "result": "Quyết định trợ cấp xã hội hằng tháng của Chủ tịch UBND xã",
    },
    "1.002271": {
        "route": [
            ("committee", "UBND xã xác nhận bản khai, kiểm tra, lập danh sách gửi Sở Nội vụ"),
            ("department:home-affairs", "Sở Nội vụ ra quyết định trợ cấp"),
        ]
    },
    "2.000720": {"route": [("committee", "Phòng Kinh tế UBND xã thẩm định, cấp Giấy chứng nhận")]},
    "1.009994": {
        "route": [
            ("committee", "Phòng Kinh tế, Hạ tầng và Đô thị UBND xã thẩm định, kiểm tra thực địa, trình cấp phép")
        ]
    },
    "1.000593": {"route": [("committee", "Công chức tư pháp - hộ tịch xã thẩm tra, trình Chủ tịch UBND xã")]},
    "2.001417": {
        "route": [("department:police", "Công an tỉnh tra cứu, xác minh, cấp Phiếu")],
        # Circular 06/2024/TT-BTP's forms, in force from 1 July 2024.
        "templates": {"Mẫu số 03/2013/TT-LLTP": "Mẫu số 03/2024/TT-LLTP"},
    },
    "2.001610": {
        "route": [("department:finance", "Phòng Đăng ký kinh doanh (Sở Tài chính) thẩm định, cấp Giấy chứng nhận")]
    },
    "2.002040": {
        "route": [("department:finance", "Phòng Đăng ký kinh doanh (Sở Tài chính) thẩm định, cấp Giấy chứng nhận")]
    },
    "1.002804": {"route": [("department:police", "Phòng Cảnh sát giao thông Công an tỉnh kiểm tra, cấp đổi")]},
    "1.010727": {
        "route": [
            (
                "department:agriculture-environment",
                "Sở Nông nghiệp và Môi trường thẩm định, kiểm tra thực tế, trình UBND tỉnh",
            )
        ]
    },
}


# Procedures the 2025 catalogue has and the 2023 one had not. 1.013837 comes with the Law on Notarisation
# 2024 (in force 1 July 2025); its terms are those of one province's published copy (code, level,
# 5 working days, 500.000 đồng, the two papers), not yet read against Thái Nguyên's (README "Unverified").
ADDED_2025 = {
    "fields": [{"code": "cong-chung", "name": "Công chứng"}],
    "procedures": [
        {
            "national_code": "1.013837",
            "name": "Cấp lại Giấy đăng ký hoạt động cho Văn phòng công chứng do bị mất, hỏng",
            "field": "cong-chung",
            "version": {
                "processing_days": 5,
                "fee_vnd": 500000,
                "fee_note": "500.000 đồng/lần cấp",
                "result": "Giấy đăng ký hoạt động của Văn phòng công chứng (cấp lại)",
                "legal_basis": "Luật Công chứng năm 2024 (khoản 3 Điều 26)",
                "online_level": "partial",
                "documents": [
                    {
                        "name": "Đơn đề nghị cấp lại giấy đăng ký hoạt động của Văn phòng công chứng",
                        "template": "",
                        "copy": "original",
                        "mandatory": True,
                    },
                    {
                        "name": "Bản chính giấy đăng ký hoạt động bị hỏng (trường hợp bị hỏng)",
                        "template": "",
                        "copy": "original",
                        "mandatory": False,
                    },
                ],
                "route": [
                    {
                        "level": "province",
                        "agency": "department:justice",
                        "task": "Sở Tư pháp kiểm tra hồ sơ, cấp lại giấy đăng ký hoạt động",
                        "days": 5,
                    }
                ],
                "result_kind": "book",
                "result_book": "ĐKHĐ-CC",
            },
        },
    ],
}


def _reorganised(code, version):
    change = REORGANISED_2025.get(code)
    if not change:
        return version
    route = [
        step if new is None else {**step, "agency": new[0], "task": new[1]}
        for step, new in zip(version["route"], change["route"], strict=True)
    ]
    renamed = change.get("templates", {})
    documents = [{**d, "template": renamed.get(d.get("template"), d.get("template"))} for d in version["documents"]]
    return {
        **version,
        "route": route,
        "documents": documents,
        **({"result": change["result"]} if "result" in change else {}),
    }


def two_level_catalogue(legacy):
    """The 2025 catalogue from the three-level one: district steps go to the commune (the district
    level is gone since 1 July 2025), district services to the province, consecutive steps at the same
    agency become one, then the 2025 bodies take over (REORGANISED_2025); every procedure gets a
    version from 1 July 2025, some become non-boundary."""
    result = {
        "_note": "Generated from thai-nguyen-legacy.json by generate_reference_data: the two-level model "
        "from 1 July 2025. The publication decisions are illustrative; which procedures the province "
        "lists as non-boundary is a demo choice, not the province's list.",
        "fields": legacy["fields"],
        "procedures": [],
    }
    for item in legacy["procedures"]:
        before = item["versions"][-1]
        route = []
        for step in before["route"]:
            step = dict(step)
            if step["level"] == UnitLevel.DISTRICT.value:
                step["level"] = (
                    UnitLevel.COMMUNE if step["agency"] == AgencyKind.PEOPLES_COMMITTEE.value else UnitLevel.PROVINCE
                ).value
            if route and (route[-1]["level"], route[-1]["agency"]) == (step["level"], step["agency"]):
                route[-1] = {
                    **route[-1],
                    "task": f"{route[-1]['task']}; {step['task']}",
                    "days": route[-1]["days"] + step["days"],
                }
            else:
                route.append(step)
        version = _reorganised(
            item["national_code"],
            {**before, "effective_from": "2025-07-01", "decision": TWO_LEVEL_DECISION, "route": route},
        )
        if item["national_code"] in NON_BOUNDARY:
            version.update(non_boundary=True, case_basis=NON_BOUNDARY[item["national_code"]])
        versions = [version]
        upcoming = UPCOMING.get(item["national_code"])
        if upcoming:
            versions.append(
                {
                    **version,
                    "effective_from": upcoming["effective_from"],
                    "decision": upcoming["decision"],
                    "documents": version["documents"] + [upcoming["add_document"]],
                }
            )
        kept = ("national_code", "name", "field", "result_document_kind")
        result["procedures"].append({**{k: item[k] for k in kept if k in item}, "versions": versions})
    result["fields"] = legacy["fields"] + [f for f in ADDED_2025["fields"] if f not in legacy["fields"]]
    result["document_kinds"] = legacy.get("document_kinds", [])
    for item in ADDED_2025["procedures"]:
        version = {"effective_from": "2025-07-01", "decision": TWO_LEVEL_DECISION, **item["version"]}
        result["procedures"].append({**{k: item[k] for k in ("national_code", "name", "field")}, "versions": [version]})
    return result
