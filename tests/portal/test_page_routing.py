"""Issue 37: the page an address names is remembered (portal/page_routing.py), and what Wagtail would
decide still holds: an unpublished, deleted, moved or restricted page is not served from memory."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal.catalog.models import ProcedurePage
from portal.home.services import ensure_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(world):
    ensure_site()
    return ProcedurePage.objects.get(procedure=world.simple)


def page_reads(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [q["sql"] for q in captured.captured_queries if 'FROM "wagtailcore_page"' in q["sql"]]


def test_a_second_visit_reads_the_page_not_the_tree(client, world, page):
    client.force_login(world.citizen)
    first, walked = page_reads(client, page.url)
    again, remembered = page_reads(client, page.url)
    assert first.status_code == again.status_code == 200
    assert world.simple.name in again.content.decode()
    assert len(remembered) < len(walked)
    assert not [sql for sql in remembered if '"wagtailcore_page"."slug" =' in sql]  # no child looked up by slug


def test_an_unpublished_page_is_not_served_from_memory(client, world, page):
    url = page.url
    assert client.get(url).status_code == 200
    page.unpublish()
    assert client.get(url).status_code == 404


def test_a_page_deleted_behind_the_catalogs_back_is_not_served(client, world, page):
    url = page.url
    assert client.get(url).status_code == 200
    ProcedurePage.objects.filter(pk=page.pk).update(live=False)  # no signal: the version does not move
    assert client.get(url).status_code == 404


def test_a_renamed_page_answers_at_its_new_address_only(client, world, page):
    old = page.url
    assert client.get(old).status_code == 200
    page.slug = "dang-ky-khai-sinh-moi"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.url != old and client.get(page.url).status_code == 200
    moved = client.get(old)
    assert moved.status_code in (301, 302, 404)  # a redirect to the new address, or gone
    assert moved.status_code == 404 or moved["Location"].endswith(page.url)


def test_a_restricted_page_still_asks_for_its_password(client, world, page):
    url = page.url
    assert client.get(url).status_code == 200  # remembered while open
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="bí-mật")
    response = client.get(url)
    assert response.status_code == 200 and world.simple.name not in response.content.decode()
    assert "password" in response.content.decode().lower()


def test_a_rename_the_cache_did_not_hear_of_is_not_served_at_the_old_address(client, world, page):
    """Another process renamed the page (its cache is not this one's): the path no longer matches."""
    old = page.url
    assert client.get(old).status_code == 200
    ProcedurePage.objects.filter(pk=page.pk).update(
        slug="doi-ten", url_path=page.url_path.replace(page.slug, "doi-ten")
    )
    assert client.get(old).status_code in (301, 302, 404)
