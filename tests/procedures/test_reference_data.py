import json
import re
import sqlite3
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command

from government.models import AdministrativeUnit, Agency, UnitLevel
from procedures.models import Procedure, RouteStep
from procedures.services import import_catalog, resolve_step_agency, validate_route
from procedures.services import reference_data as ref

FIXTURES = settings.BASE_DIR / "fixtures"


def table_count(sql):
    db = sqlite3.connect(f"file:{ref.DATASET}?mode=ro", uri=True)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.close()


def test_committed_unit_fixtures_are_what_the_generator_makes_now():
    for model in (ref.LEGACY, ref.CURRENT):
        committed = json.loads((FIXTURES / "units" / f"thai-nguyen-{model}.json").read_text(encoding="utf-8"))
        assert committed == ref.read_unit_table("Thái Nguyên", model)
        agencies = json.loads((FIXTURES / "agencies" / f"thai-nguyen-{model}.json").read_text(encoding="utf-8"))
        assert agencies == ref.build_agencies(committed, centers=model == ref.CURRENT)


@pytest.fixture
def legacy(db):
    call_command("load_reference_data", stdout=open("/dev/null", "w"))


def test_three_level_tree_matches_the_official_table(legacy):
    districts = table_count(
        "SELECT COUNT(DISTINCT districtCode) FROM admin_units_legacy WHERE provinceShort = 'Thái Nguyên'"
    )
    communes = table_count("SELECT COUNT(*) FROM admin_units_legacy WHERE provinceShort = 'Thái Nguyên'")
    assert (districts, communes) == (9, 172)
    assert AdministrativeUnit.objects.filter(level=UnitLevel.DISTRICT).count() == districts
    assert AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE).count() == communes
    phu_binh = AdministrativeUnit.objects.get(level=UnitLevel.DISTRICT, short_name="Phú Bình")
    assert phu_binh.children.count() == 20
    names = set(AdministrativeUnit.objects.filter(level=UnitLevel.DISTRICT).values_list("short_name", flat=True))
    assert names == {
        "Thái Nguyên",
        "Sông Công",
        "Phổ Yên",
        "Định Hóa",
        "Phú Lương",
        "Đồng Hỷ",
        "Võ Nhai",
        "Đại Từ",
        "Phú Bình",
    }


def test_two_level_tree_loads_with_communes_under_the_province(db):
    call_command("load_reference_data", model=ref.CURRENT, stdout=open("/dev/null", "w"))
    communes = table_count("SELECT COUNT(*) FROM admin_units WHERE provinceShort = 'Thái Nguyên'")
    assert AdministrativeUnit.objects.filter(level=UnitLevel.DISTRICT).count() == 0
    assert (
        AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE, parent__level=UnitLevel.PROVINCE).count() == communes
    )
    # A center in every commune and at the province, whose desks host the province's departments.
    assert Agency.objects.filter(kind="center", unit__level=UnitLevel.COMMUNE).count() == communes
    province_center = Agency.objects.get(kind="center", unit__level=UnitLevel.PROVINCE)
    assert province_center.desks.filter(hosted_agency__sector="justice").exists()
    # The 2025 catalogue routes every procedure from any commune; a district step says clearly why it cannot.
    commune_agency = Agency.objects.filter(unit__level=UnitLevel.COMMUNE, kind="committee").first()
    for step in RouteStep.objects.all():
        assert step.level != UnitLevel.DISTRICT
        assert resolve_step_agency(step, commune_agency.unit) is not None
    district_step = RouteStep(level=UnitLevel.DISTRICT, agency_kind="committee", task="Thẩm định")
    with pytest.raises(Exception, match="không trực thuộc đơn vị cấp huyện nào"):
        resolve_step_agency(district_step, commune_agency.unit)


def test_the_two_level_catalogue_is_what_the_generator_makes_from_the_legacy_one():
    legacy = json.loads((FIXTURES / "catalog" / "thai-nguyen-legacy.json").read_text(encoding="utf-8"))
    committed = json.loads((FIXTURES / "catalog" / "thai-nguyen-2025.json").read_text(encoding="utf-8"))
    assert committed == ref.two_level_catalogue(legacy)
    assert len(legacy["procedures"]) == 27


def test_agencies_cover_every_unit_with_valid_unique_demo_codes(legacy):
    units = AdministrativeUnit.objects.count()
    assert Agency.objects.filter(kind="committee").count() == units
    assert Agency.objects.filter(kind="department", unit__level=UnitLevel.PROVINCE).count() >= 6
    codes = list(Agency.objects.values_list("electronic_code", flat=True))
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"\d{3}\.\d{2}\.\d{2}\.H99", c) for c in codes)
    assert not Agency.objects.filter(code_is_demo=False).exists()


def test_catalog_has_25_procedures_5_inter_level_each_routable(legacy):
    procedures = Procedure.objects.prefetch_related("route_steps", "required_documents")
    assert procedures.count() >= 25
    assert sum(p.is_inter_level for p in procedures) >= 5
    assert {lvl for p in procedures for lvl in p.levels} == {"province", "district", "commune"}
    commune = AdministrativeUnit.objects.get(level=UnitLevel.DISTRICT, short_name="Phú Bình").children.first()
    receiving = {"commune": Agency.objects.get(unit=commune, kind="committee")}
    for procedure in procedures:
        assert procedure.required_documents.exists(), procedure
        assert sum(s.working_days for s in procedure.route_steps.all()) == procedure.processing_days
        first = procedure.route_steps.all()[0]
        if first.level == "commune" and first.agency_kind == "committee":
            for step in procedure.route_steps.all():
                assert resolve_step_agency(step, receiving["commune"].unit) is not None


def test_loading_twice_changes_nothing(legacy):
    before = (
        AdministrativeUnit.objects.count(),
        Agency.objects.count(),
        Procedure.objects.count(),
        RouteStep.objects.count(),
    )
    call_command("load_reference_data", stdout=open("/dev/null", "w"))
    after = (
        AdministrativeUnit.objects.count(),
        Agency.objects.count(),
        Procedure.objects.count(),
        RouteStep.objects.count(),
    )
    assert before == after


@pytest.mark.parametrize(
    ("days", "steps", "message"),
    [
        (0, [0], "lớn hơn 0"),
        (5, [], "ít nhất một bước"),
        (5, [2, 2], "Tổng số ngày của các bước (4) phải bằng thời hạn giải quyết (5 ngày làm việc)"),
        (Decimal("1.5"), [1, 1], "(2) phải bằng thời hạn giải quyết (1,5 ngày"),
    ],
)
def test_bad_routes_are_rejected_with_a_clear_message(days, steps, message):
    with pytest.raises(ValidationError) as error:
        validate_route(days, steps)
    assert message in error.value.messages[0]


def test_catalog_import_refuses_a_bad_route_with_its_place_and_writes_it_not(db):
    data = {
        "fields": [{"code": "x", "name": "X"}],
        "procedures": [
            {
                "national_code": "9.9",
                "name": "Sai",
                "field": "x",
                "effective_from": "2025-07-01",
                "decision": {"number": "1/QĐ"},
                "processing_days": 3,
                "result": "r",
                "legal_basis": "l",
                "online_level": "full",
                "documents": [{"name": "Tờ khai"}],
                "route": [{"level": "commune", "agency": "committee", "task": "t", "days": 1}],
            }
        ],
    }
    plan = import_catalog(data)
    assert [str(r) for r in plan.refused] == [
        "procedures[0] 9.9: Tổng số ngày của các bước (1) phải bằng thời hạn giải quyết (3 ngày làm việc)."
    ]
    assert not Procedure.objects.exists()
