"""Issue 21, editors in Wagtail: each defect tried as an editor (or the catalog's administrator) would."""

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from portal.catalog.models import ProcedureIndexPage, ProcedurePage
from portal.content.models import NewsIndexPage, NewsPage
from portal.home.services import ensure_site
from tests.factories import UserFactory, sign_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(world):
    ensure_site()
    user = UserFactory(username="bientap", is_staff=True, is_superuser=True)
    return sign_in_verified(Client(), user)


def test_renaming_a_procedure_keeps_an_editors_draft(editor, world):
    page = ProcedurePage.objects.get(procedure=world.simple)
    page.guidance = "<p>Mang theo bản chính giấy chứng sinh.</p>"
    page.save_revision()  # what "Save draft" does
    world.simple.name = "Đăng ký khai sinh (sửa đổi)"
    world.simple.save()  # what saving in the Django admin does
    page = ProcedurePage.objects.get(pk=page.pk)
    assert page.title == "Đăng ký khai sinh (sửa đổi)"
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert "Mang theo bản chính giấy chứng sinh." in draft.guidance and draft.title == "Đăng ký khai sinh (sửa đổi)"
    assert "Mang theo bản chính" not in page.guidance  # not published behind the editor's back


def test_an_editors_unpublish_stands_and_citizens_are_told(editor, client, world):
    page = ProcedurePage.objects.get(procedure=world.simple)
    page.unpublish()
    world.simple.save()  # saved unchanged in the Django admin
    page.refresh_from_db()
    assert not page.live
    listing = client.get("/thu-tuc/").content.decode()
    assert "đang được biên tập lại" in listing and f"/nop-ho-so/{world.simple.pk}/" in listing
    world.simple.is_active = False
    world.simple.save()
    world.simple.is_active = True
    world.simple.save()  # back in force: still the editor's choice
    assert not ProcedurePage.objects.get(pk=page.pk).live


def test_a_withdrawn_procedure_comes_back_with_its_page(world):
    ensure_site()
    world.simple.is_active = False
    world.simple.save()
    assert not ProcedurePage.objects.get(procedure=world.simple).live
    world.simple.is_active = True
    world.simple.save()
    assert ProcedurePage.objects.get(procedure=world.simple).live


def test_404_and_500_pages_are_the_portals_own(client, world, settings):
    ensure_site()
    settings.DEBUG = False
    response = client.get("/khong-co-trang-nay/")
    body = response.content.decode()
    assert response.status_code == 404 and "Không tìm thấy trang" in body and "Not Found" not in body
    assert 'href="/thu-tuc/"' in body
    from django.template import loader

    assert "Hệ thống đang gặp sự cố" in loader.get_template("500.html").render({})


def test_a_renamed_catalog_keeps_search_working_and_never_loops(
    editor, client, world, django_capture_on_commit_callbacks
):
    index = ProcedureIndexPage.objects.get(locale__language_code="vi")
    index.slug = "danh-muc"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail makes its redirects after the commit
        index.save_revision().publish()
    home = client.get("/").content.decode()
    assert 'action="/danh-muc/"' in home and 'action="/thu-tuc/"' not in home
    old = client.get("/thu-tuc/", {"q": "khai sinh"})
    assert old.status_code in (301, 302) and old["Location"] == "/danh-muc/?q=khai+sinh"
    index.slug = "thu-tuc"
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()
    assert client.get("/thu-tuc/", {"q": "khai sinh"}).status_code == 200
    ProcedureIndexPage.objects.get(locale__language_code="vi").unpublish()
    for path in ("/thu-tuc/", "/danh-muc/"):
        response = client.get(path, follow=True)
        assert len(response.redirect_chain) < 3 and response.status_code == 404
    assert not Redirect.objects.filter(old_path="/thu-tuc").exists()


def test_procedure_pages_cannot_be_added_by_hand(editor, world):
    index = ProcedureIndexPage.objects.get(locale__language_code="vi")
    assert not ProcedurePage.can_create_at(index)
    response = editor.get(f"/cms/pages/add/catalog/procedurepage/{index.pk}/")
    assert response.status_code in (302, 403, 404)
    assert ProcedurePage.objects.count() == 2


def test_the_catalog_cannot_be_deleted_from_the_admin(editor, world):
    index = ProcedureIndexPage.objects.get(locale__language_code="vi")
    response = editor.post(f"/cms/pages/{index.pk}/delete/", follow=True)
    assert ProcedureIndexPage.objects.filter(pk=index.pk).exists() and ProcedurePage.objects.count() == 2
    assert "không xóa được" in response.content.decode()
    page = ProcedurePage.objects.first()
    editor.post(f"/cms/pages/{page.pk}/delete/")
    assert ProcedurePage.objects.filter(pk=page.pk).exists()
    home = index.get_parent()
    editor.post(f"/cms/pages/{home.pk}/delete/")  # the site's root holds the catalog too
    assert ProcedureIndexPage.objects.filter(pk=index.pk).exists()


def test_news_slugs_are_ascii_and_news_has_a_lead_image(world, client):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    ensure_site()
    buffer = BytesIO()
    PILImage.new("RGB", (800, 450), (20, 90, 160)).save(buffer, format="PNG")
    image = Image.objects.create(title="Bộ phận một cửa", file=ImageFile(buffer, name="mot-cua.png"))
    news = NewsIndexPage.objects.get(locale__language_code="vi")
    item = news.add_child(
        instance=NewsPage(
            title="Đăng ký khai sinh trực tuyến toàn trình",
            slug="",
            summary="Từ tháng 12",
            body="<p>…</p>",
            lead_image=image,
        )
    )
    assert item.slug == "dang-ky-khai-sinh-truc-tuyen-toan-trinh"
    typed = news.add_child(instance=NewsPage(title="Tin hai", slug="đổi-mới-một-cửa", summary="…", body="<p>…</p>"))
    assert typed.slug == "doi-moi-mot-cua"
    body = client.get(item.url).content.decode()
    assert 'class="lead-image"' in body
    assert 'class="news-thumb"' in client.get(news.url).content.decode()
