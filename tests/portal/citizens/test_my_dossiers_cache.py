"""Issue 37: "Hồ sơ của tôi" draws its table once per change (portal/citizens/list_cache.py) and never
shows a stale row, another citizen's rows, or the wrong language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures import services
from procedures.services.lifecycle import discard_draft
from tests.factories import RECEIVED_AT, online

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared_cache(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300  # as with Redis; the per-process default draws every time


def dossier_reads(client):
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/ho-so/").content.decode()
    return page, [q for q in captured.captured_queries if 'FROM "procedures_dossier"' in q["sql"]]


def test_a_second_view_draws_nothing_again(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dossier = online(world)
    client.force_login(world.citizen)
    first, _ = dossier_reads(client)
    again, reads = dossier_reads(client)
    assert dossier.code in again and reads == []
    assert again.split('<main id="main">')[1] == first.split('<main id="main">')[1]


def test_a_change_of_state_shows_on_the_next_view(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dossier = online(world)
    client.force_login(world.citizen)
    assert "Đã tiếp nhận" not in client.get("/ho-so/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.receive(dossier, world.xa_motcua, at=RECEIVED_AT)
    assert "Đã tiếp nhận" in client.get("/ho-so/").content.decode()


def test_a_deleted_draft_leaves_the_list(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = services.create_draft(world.simple, world.commune_agency, world.citizen, applicant_phone="0912345678")
    client.force_login(world.citizen)
    link = f"/ho-so/{draft.pk}/"
    assert link in client.get("/ho-so/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        discard_draft(draft)
    assert link not in client.get("/ho-so/").content.decode()


def test_each_citizen_sees_their_own_table(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mine = online(world)
    client.force_login(world.citizen)
    assert mine.code in client.get("/ho-so/").content.decode()
    client.force_login(world.other_citizen)
    assert mine.code not in client.get("/ho-so/").content.decode()


def test_the_table_follows_the_language(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        online(world)
    client.force_login(world.citizen)
    assert "Mã hồ sơ" in client.get("/ho-so/").content.decode()
    client.get("/ngon-ngu/en/?next=/ho-so/")
    english = client.get("/ho-so/").content.decode()
    assert "Dossier code" in english and "Mã hồ sơ" not in english


@pytest.mark.parametrize("junk", ["abc", "-1", "0", "99999999999", "1; DROP"])
def test_a_hostile_page_number_gives_the_first_page(client, world, junk):
    client.force_login(world.citizen)
    assert client.get("/ho-so/", {"page": junk}).status_code == 200


def test_only_the_first_page_is_kept(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        online(world)
    client.force_login(world.citizen)
    client.get("/ho-so/", {"page": 9999})
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/ho-so/", {"page": 9999}).status_code == 200
    assert [q for q in captured.captured_queries if 'FROM "procedures_dossier"' in q["sql"]]
