"""Search behaviour on the database backend: SQLite FTS5 here, PostgreSQL full text with DATABASE_URL."""

import datetime as dt

import pytest

from government.folding import fold, words
from procedures import services
from procedures.models import Procedure
from search.backends.base import DossierQuery
from search.services import find_dossiers, find_procedures
from tests.factories import CitizenFactory, ProcedureFactory, local, online, received

pytestmark = pytest.mark.django_db


def test_folding():
    assert fold("  Đăng   ký KHAI SINH ") == "dang ky khai sinh"
    assert fold("Nguyễn Thị Ánh Tuyết") == "nguyen thi anh tuyet"
    assert words("Ủy ban, nhân-dân!") == ["uy", "ban", "nhan", "dan"]


@pytest.fixture
def catalog(db):
    names = [
        "Đăng ký khai sinh",
        "Đăng ký kết hôn",
        "Đăng ký lại khai sinh",
        "Cấp giấy phép xây dựng",
        "Chứng thực bản sao từ bản chính",
    ]
    made = {name: ProcedureFactory(name=name) for name in names}
    made["Cấp giấy phép xây dựng"].description = "Kèm bản vẽ; không áp dụng cho đăng ký khai sinh"
    made["Cấp giấy phép xây dựng"].save()
    return made


@pytest.mark.parametrize(
    "typed", ["dang ky khai sinh", "Đăng ký khai sinh", "DANG KY KHAI SINH", "khai sinh dang ky", "dang ky khai si"]
)
def test_accents_case_order_and_unfinished_words_do_not_matter(catalog, typed):
    found, total, _facets = find_procedures(typed)
    names = [p.name for p in found]
    assert names[0] == "Đăng ký khai sinh"
    assert "Đăng ký lại khai sinh" in names and "Đăng ký kết hôn" not in names


def test_name_matches_rank_above_description_matches(catalog):
    found, total, _ = find_procedures("khai sinh")
    assert total == 3
    assert [p.name for p in found][-1] == "Cấp giấy phép xây dựng"  # only its description mentions it


def test_ket_hon_finds_dang_ky_ket_hon(catalog):
    assert [p.name for p in find_procedures("dang ky ket hon")[0]] == ["Đăng ký kết hôn"]


def test_facets_count_the_matches(catalog):
    _found, total, facets = find_procedures("dang ky")
    assert total == 4 and facets["level"] == {"commune": 4}
    assert sum(facets["field"].values()) == 4


def test_new_and_renamed_procedures_are_found_at_once(catalog):
    procedure = catalog["Chứng thực bản sao từ bản chính"]
    procedure.name = "Chứng thực chữ ký"
    procedure.save()
    assert [p.name for p in find_procedures("chu ky")[0]] == ["Chứng thực chữ ký"]
    assert find_procedures("ban sao")[1] == 0
    ProcedureFactory(name="Cấp đổi giấy phép lái xe")
    assert find_procedures("giay phep lai")[1] == 1
    Procedure.objects.filter(name="Đăng ký kết hôn").update(is_active=False)
    assert find_procedures("ket hon")[1] == 0


@pytest.fixture
def dossiers(world):
    anh = CitizenFactory(username="anh", personal_id="019185000777", first_name="Ánh", last_name="Nguyễn Thị")
    first = received(world, citizen=anh)
    second = received(world, procedure=world.simple)
    elsewhere = online(world, agency=world.other_commune_agency, citizen=world.other_citizen)
    services.receive(elsewhere, world.xa2_motcua, at=local(2026, 11, 25, 9, 0))
    return first, second, elsewhere


def codes(user, **query):
    return [d.code for d in find_dossiers(user, DossierQuery(**query))[0]]


def test_officers_find_dossiers_by_name_without_accents_code_and_id(world, dossiers):
    first, second, elsewhere = dossiers
    officer = world.xa_motcua
    assert codes(officer, name="nguyen thi anh") == [first.code]
    assert codes(officer, name="NGUYỄN THỊ Á") == [first.code]  # unfinished last word
    assert codes(officer, name="anh nguyen") == [first.code]
    assert set(codes(officer, name="nguyen van")) == {second.code}
    assert codes(officer, code=second.code.lower()) == [second.code]
    assert codes(officer, personal_id="019185000777") == [first.code]
    assert codes(officer, personal_id="01918500077") == []  # exact only
    assert set(codes(officer, procedure_id=world.simple.pk)) == {second.code}


def test_date_range_and_status(world, dossiers):
    first, second, elsewhere = dossiers
    monitor = world.monitor
    assert set(codes(monitor, received_from=dt.date(2026, 11, 23), received_to=dt.date(2026, 11, 23))) == {
        first.code,
        second.code,
    }
    assert codes(monitor, received_from=dt.date(2026, 11, 25)) == [elsewhere.code]
    assert set(codes(monitor, state="received")) == {first.code, second.code, elsewhere.code}


def test_search_never_shows_what_the_officer_may_not_see(world, dossiers):
    first, second, elsewhere = dossiers
    assert codes(world.xa_motcua, name="tran thi binh") == []  # received by the other commune
    assert codes(world.xa2_motcua, name="tran thi binh") == [elsewhere.code]
    assert codes(world.xa_motcua, code=elsewhere.code) == []
    assert codes(world.monitor, name="tran thi binh") == [elsewhere.code]


def test_the_officer_search_page(staff_client, world, dossiers):
    first, _second, _elsewhere = dossiers
    page = staff_client("xa_motcua").get("/can-bo/tim-kiem/", {"name": "nguyen thi anh"})
    assert [d.code for d in page.context["results"]] == [first.code]
    assert staff_client("xa_motcua").get("/can-bo/tim-kiem/", {"received_from": "không phải ngày"}).status_code == 200


def test_every_page_has_a_search_box_that_searches_the_catalog(client, catalog):
    from portal.home.services import ensure_site

    ensure_site()
    assert 'name="q"' in client.get("/tin-tuc/").content.decode()
    page = client.get("/thu-tuc/", {"q": "dang ky ket hon"})
    assert [p.name for p, _page in page.context["results"]] == ["Đăng ký kết hôn"]


def test_the_next_level_finds_a_dossier_on_its_route_and_others_do_not(world, dossiers):
    first, _second, _elsewhere = dossiers  # inter-level: the district is its second step
    assert codes(world.huyen_chuyenvien, name="nguyen thi anh") == [first.code]
    assert codes(world.xa2_motcua, name="nguyen thi anh") == []  # another commune: not on its route


def test_a_full_page_says_more_than_and_counts_nothing_beyond_it(world, staff_client, monkeypatch):
    """One row more than the page is read; past it the officer is told to narrow (decision 0016)."""
    for _ in range(4):
        online(world)
    assert find_dossiers(world.xa_motcua, DossierQuery(name="nguyen"), limit=3)[1:] == (3, True)
    assert find_dossiers(world.xa_motcua, DossierQuery(name="nguyen"), limit=4)[1:] == (4, False)
    assert find_dossiers(world.xa_motcua, DossierQuery(name="nguyen"), limit=10)[1:] == (4, False)
    page = staff_client("xa_motcua").get("/can-bo/tim-kiem/", {"name": "nguyen"}).content.decode()
    assert "Tìm thấy 4 hồ sơ" in page and "hơn" not in page.split("Tìm thấy")[1][:20]
    monkeypatch.setattr("portal.backoffice.views.search.PAGE", 3)
    page = staff_client("xa_motcua").get("/can-bo/tim-kiem/", {"name": "nguyen"}).content.decode()
    assert "Tìm thấy hơn 3 hồ sơ — hiển thị 3 hồ sơ mới nhất; hãy thêm điều kiện để thu hẹp" in page
