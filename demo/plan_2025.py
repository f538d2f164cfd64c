"""Writes fixtures/reorganisation/thai-nguyen-2025-07-01.json: the plan that takes the legacy three-level
Thái Nguyên (fixtures/*/thai-nguyen-legacy.json) to the 92-commune province of 1 July 2025
(fixtures/*/thai-nguyen-2025.json), from the official conversion table shipped with
`vietnamadminunits` (old ward → new ward; an old ward divided among several goes whole to the one the
table marks as default).

    .venv/bin/python -m demo.plan_2025 > fixtures/reorganisation/thai-nguyen-2025-07-01.json

Choices the table does not make, written down in docs/decisions/0035-the-1-july-2025-plan.md:
- a district's agencies go to the commune that took the district's seat (the new commune named after
  the district, else the one that took its thị trấn, else for a city the new ward that took most of
  its wards), their social insurance office to the province's;
- the departments merged on 1 March 2025 go to the department that took their work (DOMAIN.md §13),
  the labour department's social protection to health and the rest to home affairs;
- Bắc Kạn's old communes were never in this database (its own portal held their dossiers): the
  communes made from them arrive as new units.
"""

import json
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

from citizen_registry_adapter.personal_id import DATASET

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REFERENCE = (
    "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh; "
    "Nghị quyết 1683/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã của tỉnh Thái Nguyên"
)
EFFECTIVE_AT = "2025-07-01T00:00:00+07:00"
PROVINCE = "19"
# 1 March 2025: the department that took each merged department's work (DOMAIN.md §13)
DEPARTMENTS = {
    "natural-resources": {"otherwise": "agriculture-environment"},
    "planning-investment": {"otherwise": "finance"},
    "transport": {"otherwise": "construction"},
    "labour": {"otherwise": "home-affairs", "by_field": {"bao-tro-xa-hoi": "health"}},
}


def _load(kind, tree):
    return json.loads((FIXTURES / kind / f"thai-nguyen-{tree}.json").read_text(encoding="utf-8"))


def _table():
    """{old ward code: new ward code} for Thái Nguyên's old wards."""
    converter = json.loads((DATASET.parent / "converter_2025.json").read_text(encoding="utf-8"))
    db = sqlite3.connect(f"file:{DATASET}?mode=ro", uri=True)
    try:
        legacy = {
            f"{province}_{district}_{ward}": code
            for province, district, ward, code in db.execute(
                "select provinceKey, districtKey, wardKey, wardCode from admin_units_legacy"
            )
        }
        new = dict(db.execute("select wardKey, wardCode from admin_units where provinceCode = ?", (PROVINCE,)))
    finally:
        db.close()
    divided = {
        old: next(n["newWardKey"] for n in choices if n["isDefaultNewWard"])
        for old, choices in converter["DICT_PROVINCE_WARD_DIVIDED"].get("tinhthainguyen", {}).items()
    }
    successor = {legacy[old]: new[new_key] for old, new_key in divided.items()}
    for new_key, olds in converter["DICT_PROVINCE_WARD_NO_DIVIDED"]["tinhthainguyen"].items():
        for old in olds:
            if old.startswith("tinhthainguyen_"):
                successor[legacy[old]] = new[new_key]
    return successor


def build():
    old_units, new_units = _load("units", "legacy"), _load("units", "2025")
    old_agencies, new_agencies = _load("agencies", "legacy"), _load("agencies", "2025")
    successor_of_unit = _table()
    old_by_code = {u["code"]: u for u in old_units}
    missing = [u["code"] for u in old_units if u["level"] == "commune" and u["code"] not in successor_of_unit]
    if missing:
        raise SystemExit(f"no successor in the conversion table for {missing}")

    sources = defaultdict(list)
    for old, new in successor_of_unit.items():
        sources[new].append(old)
    units = [{"code": u["code"], "close": True} for u in old_units if u["level"] == "district"]
    for unit in new_units:
        if unit["level"] == "province":
            continue
        units.append({"code": unit["code"], "from": sorted(sources.get(unit["code"], [])), **_unit_fields(unit)})

    # the commune that took each district's seat: the new commune named after the district, else the
    # one that took its thị trấn, else (a city) the new ward that took most of its wards
    seat = {}
    named = {u["short_name"]: u["code"] for u in new_units if u["level"] == "commune"}
    for district in (u for u in old_units if u["level"] == "district"):
        communes = [u for u in old_units if u["parent"] == district["code"]]
        towns = [u for u in communes if u["unit_type"] == "Thị trấn"]
        counts = defaultdict(int)
        for commune in communes:
            counts[successor_of_unit[commune["code"]]] += 1
        if district["short_name"] in named:
            seat[district["code"]] = named[district["short_name"]]
        elif towns:
            seat[district["code"]] = successor_of_unit[towns[0]["code"]]
        else:
            seat[district["code"]] = max(sorted(counts), key=counts.get)

    existing = {a["electronic_code"] for a in old_agencies}
    by_point = {(a["unit"], a["kind"], a["sector"]): a["electronic_code"] for a in new_agencies}
    successions = []
    for agency in old_agencies:
        point = (agency["unit"], agency["kind"], agency["sector"])
        level = old_by_code[agency["unit"]]["level"]
        if level == "province":
            if by_point.get(point) == agency["electronic_code"]:
                continue  # the same department before and after
            rule = DEPARTMENTS[agency["sector"]]
            target = {"otherwise": by_point[(PROVINCE, "department", rule["otherwise"])]}
            if "by_field" in rule:
                target["by_field"] = {
                    field: by_point[(PROVINCE, "department", sector)] for field, sector in rule["by_field"].items()
                }
        elif level == "district":
            if agency["kind"] == "committee":
                target = by_point[(seat[agency["unit"]], "committee", "")]
            else:  # the district's social insurance office
                target = by_point[(PROVINCE, "department", agency["sector"])]
        else:
            target = by_point[(successor_of_unit[agency["unit"]], agency["kind"], agency["sector"])]
        successions.append({"from": agency["electronic_code"], "to": target})

    created = [
        {k: a[k] for k in ("unit", "kind", "sector", "name", "electronic_code")}
        for a in new_agencies
        if a["electronic_code"] not in existing
    ]
    return {
        "reference": REFERENCE,
        "effective_at": EFFECTIVE_AT,
        "_note": (
            "Made by demo/plan_2025.py from the conversion table of vietnamadminunits; choices it does not "
            "make are in docs/decisions/0035-the-1-july-2025-plan.md."
        ),
        "catalog": "../catalog/thai-nguyen-2025.json",
        "units": units,
        "new_agencies": created,
        "agencies": successions,
    }


def _unit_fields(unit):
    return {k: unit[k] for k in ("name", "short_name", "unit_type", "level", "parent")}


if __name__ == "__main__":
    json.dump(build(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
