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


def test_the_catalog_filters_by_level_field_filing_point_and_text_with_counts(client, world):
    ensure_site()
    catalog = "/thu-tuc/"
    assert client.get(catalog).context["total"] == 2
    by_level = client.get(catalog, {"level": "district"}).context["results"]
    assert [procedure for procedure, _page in by_level] == [world.inter_level]
    found = client.get(catalog, {"q": "DANG KY khai sinh"}).context
    assert found["total"] == 1 and found["results"][0][0] == world.simple
    assert {value: count for value, _label, count in found["levels"]} == {"province": 0, "district": 0, "commune": 1}
    points = client.get(catalog).context["points"]
    assert points == [("commune:committee:", "Ủy ban nhân dân cấp xã", 2)]
    assert client.get(catalog, {"point": "commune:committee:"}).context["total"] == 2
    assert client.get(catalog, {"field": "999999", "level": "nonsense"}).context["total"] == 0
    assert client.get(catalog, {"field": "abc", "page": "x"}).status_code == 200


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


def test_anonymous_visitors_get_catalog_pages_from_the_cache_until_the_catalog_changes(
    client, world, django_assert_num_queries, settings
):
    from django.core.cache import cache

    settings.ANONYMOUS_PAGE_CACHE_PREFIXES = ("/thu-tuc/",)
    cache.clear()
    ensure_site()
    url = ProcedurePage.objects.get(procedure=world.simple).url
    assert "Đăng ký khai sinh" in client.get(url).content.decode()
    with django_assert_num_queries(0):
        cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"
    world.simple.fee_note = "Miễn lệ phí"
    world.simple.save()
    fresh = client.get(url)
    assert "X-Page-Cache" not in fresh and "Miễn lệ phí" in fresh.content.decode()
    english = client.get("/ngon-ngu/en/", {"next": url}, follow=True)
    assert "Procedure code" in english.content.decode()  # another language, another copy
    client.force_login(world.citizen)
    assert "X-Page-Cache" not in client.get(url)  # signed in: never from the cache


def test_the_page_shows_the_version_in_force_and_announces_the_next_one(client, world):
    import datetime as dt

    from django.utils import timezone

    from procedures.services import versions

    ensure_site()
    today = timezone.localdate()
    versions.publish_version(
        world.simple,
        effective_from=today,
        decision_number="12/QĐ-UBND",
        decision_date=dt.date(2025, 6, 20),
        decision_signer="Chủ tịch UBND tỉnh",
    )
    snapshot = versions.snapshot(world.simple)
    versions.publish_version(
        world.simple,
        effective_from=today + dt.timedelta(days=40),
        decision_number="99/QĐ-UBND",
        fee_vnd=8000,
        cutoff_time=dt.time(15, 0),
        documents=snapshot["documents"] + [{"name": "Văn bản ủy quyền", "mandatory": False}],
    )
    body = client.get(ProcedurePage.objects.get(procedure=world.simple).url).content.decode()
    assert f"Áp dụng từ {today:%d/%m/%Y} theo Quyết định số 12/QĐ-UBND ngày 20/06/2025 (Chủ tịch UBND tỉnh)" in body
    assert f"Thay đổi từ ngày {today + dt.timedelta(days=40):%d/%m/%Y}" in body and "99/QĐ-UBND" in body
    assert "<ins>8000</ins>" in body and "<ins>Văn bản ủy quyền</ins>" in body and "<ins>15:00</ins>" in body
    assert "Giờ chốt tiếp nhận" not in body  # the cut-off belongs to the coming version, not to today's


def test_signed_in_visitors_get_the_cached_body_until_the_catalog_changes(client, world, settings):
    """The body is rendered once per catalog version (decision 0016); an announced version moves it."""
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from procedures.services import versions

    ensure_site()
    client.force_login(world.citizen)
    url = ProcedurePage.objects.get(procedure=world.simple).url
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get(url).content.decode()
    main = lambda html: html.split('<main id="main">')[1]  # noqa: E731 (the header carries a fresh CSRF token)
    assert main(again) == main(first) and "Hồ sơ của tôi" in again  # the signed-in header, the same body
    assert not [q for q in captured.captured_queries if "procedures_requireddocument" in q["sql"]]
    versions.publish_version(
        world.simple, effective_from=timezone.localdate() + dt.timedelta(days=10), decision_number="77/QĐ-UBND"
    )
    assert "77/QĐ-UBND" in client.get(url).content.decode()
