"""Issue 37: the officer's queue costs the same whatever its length — its default view is merged from
one ordered read per (agency, state) on PostgreSQL and its count stops at COUNT_CAP — and still lists
the same dossiers in the same order as the general query."""

import datetime as dt

import pytest
from django.utils import timezone

from procedures import queues
from procedures.models import Dossier, DossierState
from tests.factories import online, sign_in_verified

pytestmark = pytest.mark.django_db


def waiting(world, count):
    made = [online(world) for _ in range(count)]
    base = timezone.now()
    for n, dossier in enumerate(made):  # due times out of creation order, ties and none at all
        due = None if n % 5 == 0 else base + dt.timedelta(hours=(n * 7) % 11)
        Dossier.objects.filter(pk=dossier.pk).update(due_at=due)
    # one result waiting to be handed over at the same desk: the other half of a one-stop officer's work
    Dossier.objects.filter(pk=made[1].pk).update(state=DossierState.RESULT_READY, current_agency=world.commune_agency)
    return made


def test_each_page_of_the_default_view_matches_the_general_query(world):
    waiting(world, 13)
    everything = list(queues.work_queue(world.xa_motcua).values_list("pk", flat=True))
    assert len(everything) == 13
    pages = [list(queues.queue_page(world.xa_motcua, number, 5).object_list) for number in (1, 2, 3)]
    assert pages[0] + pages[1] + pages[2] == everything


def test_a_filtered_view_is_paged_by_the_general_query(world):
    waiting(world, 6)
    page = queues.queue_page(world.xa_motcua, 1, 20, state="all", sort="-received")
    assert list(page.object_list) == list(
        queues.work_queue(world.xa_motcua, state="all", sort="-received").values_list("pk", flat=True)[:20]
    )


def test_a_queue_past_the_cap_says_more_than_and_asks_for_a_filter(client, world, monkeypatch):
    monkeypatch.setattr(queues, "COUNT_CAP", 4)
    monkeypatch.setattr("portal.backoffice.views.queue.COUNT_CAP", 4)
    waiting(world, 7)
    sign_in_verified(client, world.xa_motcua)
    page = client.get("/can-bo/").content.decode()
    assert "Số hồ sơ: hơn 4." in page and "Lọc theo thủ tục" in page
    assert "Trang 1/" not in page  # no total it has not counted


def test_a_short_queue_gives_its_count_and_pages(client, world):
    waiting(world, 3)
    sign_in_verified(client, world.xa_motcua)
    page = client.get("/can-bo/").content.decode()
    assert "Số hồ sơ: 3" in page and "Trang 1/1" in page


def test_an_empty_queue_says_so(client, world):
    sign_in_verified(client, world.xa_motcua)
    page = client.get("/can-bo/").content.decode()
    assert "Số hồ sơ: 0" in page and "Không có hồ sơ nào." in page
