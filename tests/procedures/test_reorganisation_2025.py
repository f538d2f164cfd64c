"""The 2025 tree's bodies are those of 2025 (issue 32 §2, DOMAIN.md §13): the departments merged on
1 March 2025, the provincial police for criminal records and driving licences, commune offices in
place of district ones; the legacy tree stays as the province was in 2023."""

import json
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from government.models import AdministrativeUnit, Agency, UnitLevel
from procedures.models import Procedure
from procedures.services import reference_data as ref
from procedures.services.routing import resolve_route

FIXTURES = settings.BASE_DIR / "fixtures"
MERGED_AWAY = (
    "Sở Tài nguyên và Môi trường",
    "Sở Kế hoạch và Đầu tư",
    "Sở Lao động",
    "Sở Giao thông vận tải",
    "Sở Thông tin và Truyền thông",
)
# What a 2025 text must not say: the district level and the offices and departments that went with it.
DISTRICT_WORDS = re.compile(
    r"huyện|LĐTBXH|Phòng Tư pháp|Phòng Tài chính - Kế hoạch|Sở Giao thông|Sở Tài nguyên|"
    r"Sở Kế hoạch|Sở Lao động",
    re.IGNORECASE,
)


def _catalogue(model):
    return json.loads((FIXTURES / "catalog" / f"thai-nguyen-{model}.json").read_text(encoding="utf-8"))


def _routes(model):
    return {
        p["national_code"]: [(s["level"], s["agency"]) for s in p["versions"][0]["route"]]
        for p in _catalogue(model)["procedures"]
    }


def test_the_2025_province_has_the_merged_departments_and_its_police():
    agencies = json.loads((FIXTURES / "agencies" / "thai-nguyen-2025.json").read_text(encoding="utf-8"))
    province = [a["name"] for a in agencies if a["unit"] == agencies[0]["unit"]]
    for name in (
        "Sở Tài chính",
        "Sở Nông nghiệp và Môi trường",
        "Sở Nội vụ",
        "Sở Khoa học và Công nghệ",
        "Công an tỉnh Thái Nguyên",
    ):
        assert any(n.startswith(name) for n in province), name
    assert not [n for n in province if n.startswith(MERGED_AWAY)]
    desks = next(a["desks"] for a in agencies if a.get("desks") and a["unit"] == agencies[0]["unit"])
    assert "Công an tỉnh Thái Nguyên" in [d["name"] for d in desks]


def test_the_legacy_province_stays_as_it_was_in_2023():
    agencies = json.loads((FIXTURES / "agencies" / "thai-nguyen-legacy.json").read_text(encoding="utf-8"))
    names = [a["name"] for a in agencies]
    assert "Sở Kế hoạch và Đầu tư tỉnh Thái Nguyên" in names and "Sở Giao thông vận tải tỉnh Thái Nguyên" in names
    assert "Công an tỉnh Thái Nguyên" not in names and "Sở Tài chính tỉnh Thái Nguyên" not in names
    legacy = _routes(ref.LEGACY)
    assert legacy["2.001417"] == [("province", "department:justice")]
    assert legacy["1.002804"] == [("province", "department:transport")]


@pytest.mark.parametrize(
    ("code", "route"),
    [
        ("2.001417", [("province", "department:police")]),  # criminal record certificate: Công an tỉnh
        ("1.002804", [("province", "department:police")]),  # driving licence exchange
        ("2.001610", [("province", "department:finance")]),  # business registration: Sở Tài chính
        ("1.010727", [("province", "department:agriculture-environment")]),
        ("1.002271", [("commune", "committee"), ("province", "department:home-affairs")]),  # people with merit
    ],
)
def test_each_procedure_goes_to_its_2025_body(code, route):
    assert _routes(ref.CURRENT)[code] == route


def test_the_2025_criminal_record_request_is_the_2024_form():
    record = next(p for p in _catalogue(ref.CURRENT)["procedures"] if p["national_code"] == "2.001417")
    assert record["versions"][0]["documents"][0]["template"] == "Mẫu số 03/2024/TT-LLTP"


def test_no_2025_text_names_the_district_level():
    for procedure in _catalogue(ref.CURRENT)["procedures"]:
        for version in procedure["versions"]:
            texts = [version["result"]] + [step["task"] for step in version["route"]]
            assert not [t for t in texts if DISTRICT_WORDS.search(t)], procedure["national_code"]
            assert all(step["level"] != "district" for step in version["route"])


def test_every_2025_route_resolves_to_a_loaded_body(db):
    call_command("load_reference_data", model=ref.CURRENT, stdout=open("/dev/null", "w"))
    commune = AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE).order_by("code").first()
    center = Agency.objects.get(unit=commune, kind="center")
    police = Agency.objects.get(unit__level=UnitLevel.PROVINCE, sector="police")
    assert police.name == "Công an tỉnh Thái Nguyên" and police.parent_body == "BỘ CÔNG AN"
    for procedure in Procedure.objects.prefetch_related("route_steps"):
        agencies = resolve_route(procedure, center, commune, list(procedure.route_steps.all()))
        assert all(a.name for a in agencies)
        if procedure.national_code == "2.001417":
            assert agencies == [police]


def test_the_2025_site_shows_no_district_level(db, client):
    from portal.home.services import ensure_site

    call_command("load_reference_data", model=ref.CURRENT, stdout=open("/dev/null", "w"))
    ensure_site()
    catalogue = client.get("/thu-tuc/").content.decode()
    assert 'value="commune"' in catalogue and 'value="province"' in catalogue
    assert 'value="district"' not in catalogue and "Cấp huyện" not in catalogue
    home = client.get("/").content.decode()
    assert "ba cấp" not in home and "hai cấp" in home
    news = client.get("/tin-tuc/").content.decode()
    assert "huyện" not in news.lower()


def test_the_legacy_site_keeps_its_three_levels(db, client):
    from portal.home.services import ensure_site

    call_command("load_reference_data", stdout=open("/dev/null", "w"))
    ensure_site()
    assert 'value="district"' in client.get("/thu-tuc/").content.decode()
    assert "ba cấp" in client.get("/").content.decode()
