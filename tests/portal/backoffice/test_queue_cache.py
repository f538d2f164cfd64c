"""Issue 37: a desk's default queue is drawn once per change and per minute (portal/backoffice/queue_cache.py);
a change made by a colleague, a filtered view and the passing of time are never served stale."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures import services
from tests.clock import SUNDAY
from tests.factories import RECEIVED_AT, online, sign_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared_cache(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300  # as with Redis; the per-process default draws every time


def dossier_reads(client, path="/can-bo/", data=None):
    with CaptureQueriesContext(connection) as captured:
        page = client.get(path, data or {}).content.decode()
    return page, [q for q in captured.captured_queries if 'FROM "procedures_dossier"' in q["sql"]]


@pytest.fixture
def waiting(world, django_capture_on_commit_callbacks, time_machine):
    time_machine.move_to(SUNDAY, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        return online(world)


def test_a_second_view_in_the_same_minute_reads_no_dossier(client, world, waiting):
    sign_in_verified(client, world.xa_motcua)
    first, _ = dossier_reads(client)
    again, reads = dossier_reads(client)
    assert waiting.code in again and reads == []


def test_a_colleagues_receipt_leaves_the_queue_at_once(client, world, waiting, django_capture_on_commit_callbacks):
    sign_in_verified(client, world.xa_motcua)
    assert waiting.code in client.get("/can-bo/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.receive(waiting, world.xa_motcua, at=RECEIVED_AT)
    assert waiting.code not in client.get("/can-bo/").content.decode()


def test_a_filtered_view_is_always_drawn(client, world, waiting):
    sign_in_verified(client, world.xa_motcua)
    client.get("/can-bo/", {"state": "all"})
    page, reads = dossier_reads(client, data={"state": "all"})
    assert waiting.code in page and reads


def test_the_next_minute_is_drawn_again(client, world, waiting, time_machine):
    sign_in_verified(client, world.xa_motcua)
    client.get("/can-bo/")
    time_machine.move_to(SUNDAY + dt.timedelta(minutes=1), tick=False)
    _page, reads = dossier_reads(client)
    assert reads


def test_each_desk_sees_its_own_queue(client, world, waiting):
    sign_in_verified(client, world.xa_motcua)
    assert waiting.code in client.get("/can-bo/").content.decode()
    sign_in_verified(client, world.huyen_motcua)
    assert waiting.code not in client.get("/can-bo/").content.decode()


def test_without_a_shared_cache_every_view_is_drawn(client, world, waiting, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    sign_in_verified(client, world.xa_motcua)
    client.get("/can-bo/")
    _page, reads = dossier_reads(client)
    assert reads
