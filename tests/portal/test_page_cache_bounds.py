"""Issue 33, 4: junk query parameters make no cached copies, ever-new valid values make a bounded
number, and the copies live apart from the sessions and the limits."""

import pytest
from django.core.cache import cache, caches

from tests.portal.catalog.test_pages import ensure_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached_catalog(settings, world):
    settings.ANONYMOUS_PAGE_CACHE_PREFIXES = ("/thu-tuc/",)
    ensure_site()
    return "/thu-tuc/"


def kept():
    return [key for key in caches["pages"]._cache if ":page-v3:" in key]  # the per-process memory cache


def test_junk_parameters_make_no_copies(client, cached_catalog):
    for n in range(300):
        assert client.get(cached_catalog, {f"x{n}": "rác"}).status_code == 200
    assert kept() == []
    client.get(cached_catalog, {"level": "commune", "q": "khai sinh"})  # free text is never cached either
    assert kept() == []


def test_the_order_of_the_parameters_does_not_make_another_copy(client, cached_catalog):
    client.get(cached_catalog + "?level=commune&page=1")
    assert client.get(cached_catalog + "?page=1&level=commune")["X-Page-Cache"] == "hit"
    assert client.get(cached_catalog + "?page=1&level=commune&field=")["X-Page-Cache"] == "hit"
    assert len(kept()) == 1


def test_ever_new_valid_values_stop_at_the_bound(client, cached_catalog, settings):
    settings.ANONYMOUS_PAGE_CACHE_MAX_ENTRIES = 20
    for page in range(1, 61):
        assert client.get(cached_catalog, {"page": page}).status_code == 200
    assert len(kept()) == 20


def test_cached_pages_are_not_in_the_cache_of_sessions_and_limits(client, cached_catalog):
    client.get(cached_catalog, {"level": "commune"})
    assert kept() and not [key for key in cache._cache if "page-v3" in key]
