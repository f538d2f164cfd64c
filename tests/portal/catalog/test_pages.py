import pytest

from portal.catalog.models import ProcedurePage
from portal.home.services import ensure_site
from tests.factories import ProcedureFactory

pytestmark = pytest.mark.django_db


def test_every_procedure_gets_a_page_from_the_catalog_data(client, world):
    ensure_site()
    assert ProcedurePage.objects.count() == 2
    page = ProcedurePage.objects.get(procedure=world.inter_level)
    body = client.get(page.url).content.decode()
    assert "Cấp giấy chứng nhận lần đầu" in body
    assert "Tờ khai" in body and "5 ngày làm việc" in body and "Luật thử nghiệm" in body
    assert f"/nop-ho-so/{world.inter_level.pk}/" in body
    assert world.commune_agency.unit.name in body  # where to file


def test_pages_follow_catalog_edits_and_withdrawals(client, world):
    ensure_site()
    world.simple.name = "Đăng ký khai sinh (sửa đổi)"
    world.simple.save()
    page = ProcedurePage.objects.get(procedure=world.simple)
    assert page.title == "Đăng ký khai sinh (sửa đổi)"
    world.simple.is_active = False
    world.simple.save()
    page.refresh_from_db()
    assert not page.live
    new = ProcedureFactory(name="Thủ tục mới ban hành")
    assert ProcedurePage.objects.get(procedure=new).live


def test_the_catalog_filters_by_level_field_filing_point_and_text(client, world):
    ensure_site()
    catalog = "/thu-tuc/"
    both = client.get(catalog).context["page_obj"].paginator.count
    assert both == 2
    by_level = client.get(catalog, {"level": "district"}).context["results"]
    assert [procedure for procedure, _page in by_level] == [world.inter_level]
    assert client.get(catalog, {"q": "khai sinh"}).context["page_obj"].paginator.count == 1
    points = dict(client.get(catalog).context["points"])
    assert points == {"commune:committee:": "Ủy ban nhân dân cấp xã"}
    assert client.get(catalog, {"point": "commune:committee:"}).context["page_obj"].paginator.count == 2
    assert client.get(catalog, {"field": "999999", "level": "nonsense"}).context["page_obj"].paginator.count == 0
    assert client.get(catalog, {"field": "abc"}).status_code == 200


def test_home_news_and_help_pages_render(client, world):
    ensure_site()
    home = client.get("/").content.decode()
    assert "Thái Nguyên xử lý hồ sơ hành chính hoàn toàn trên môi trường điện tử" in home
    assert "Hướng dẫn nộp hồ sơ trực tuyến" in home
    news = client.get("/tin-tuc/thai-nguyen-xu-ly-ho-so-tren-moi-truong-dien-tu/").content.decode()
    assert "8.000 chứng thư số" in news
    assert client.get("/huong-dan-nop-ho-so/").status_code == 200
    ensure_site()  # safe to run again
    assert ProcedurePage.objects.count() == 2
