"""Issue 16's proof: 1,000 dossiers filed and received while the portal is down for a while and
drops answers for another while; then retries and reconciliation leave every status on the portal
exactly once, in order."""

import datetime as dt
import time

import pytest
from django.utils import timezone

from national_portal_adapter.client import PortalUnavailable
from national_portal_adapter.fake_server import FakeNationalPortal
from national_portal_adapter.http_client import HttpNationalPortal
from national_sync import services
from national_sync.models import Delivery, OutboxMessage
from national_sync.reconciliation import reconcile
from procedures import services as lifecycle
from tests.factories import RECEIVED_AT, online

DOSSIERS = 1000


@pytest.fixture
def fake_portal(settings):
    with FakeNationalPortal() as portal:
        settings.NATIONAL_PORTAL = {
            **settings.NATIONAL_PORTAL,
            "URL": portal.url,
            "READ_TIMEOUT": 1.0,
            "BACKEND": "national_portal_adapter.http_client.HttpNationalPortal",
            "BREAKER_COOLDOWN": 0.05,
        }
        yield portal


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_thousand_dossiers_through_an_outage_and_lost_answers(world, fake_portal):
    started = time.monotonic()
    for number in range(DOSSIERS):
        if number == 300:
            fake_portal.stop()  # down
        elif number == 450:
            fake_portal.start()  # up again on the same port
        elif number == 600:
            fake_portal.set(mode="drop_answer")  # records, but the answer never arrives
        elif number == 750:
            fake_portal.set(mode="normal")
        dossier = online(world)
        lifecycle.receive(dossier, world.xa_motcua, at=RECEIVED_AT)
    waiting = OutboxMessage.objects.exclude(delivery=Delivery.SENT).count()
    assert waiting > 0  # the outage and the lost answers left work for the retries
    later = timezone.now()
    for _round in range(20):
        later += dt.timedelta(hours=1)
        services.deliver_due(now=later)
        if not OutboxMessage.objects.exclude(delivery=Delivery.SENT).exists():
            break
    assert not OutboxMessage.objects.exclude(delivery=Delivery.SENT).exists()
    since, until = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc), dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    assert reconcile(since, until).clean
    held = fake_portal.statuses()
    codes = set(OutboxMessage.objects.values_list("payload__MaHoSo", flat=True))
    assert len(codes) == DOSSIERS and set(held) == codes
    assert all(held[code] == [1, 2] for code in codes)  # each status once, in order
    assert len(fake_portal.received) == 2 * DOSSIERS < fake_portal.posts  # re-sends were recorded once
    print(
        f"{DOSSIERS} dossiers, {waiting} messages left to retry, {fake_portal.posts} posts, "
        f"{time.monotonic() - started:.1f} s"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reconciliation_finds_and_requeues_what_the_portal_lost(world, fake_portal):
    dossier = online(world)
    lifecycle.receive(dossier, world.xa_motcua, at=RECEIVED_AT)
    fake_portal.received.pop(next(iter(fake_portal.received)))  # the portal lost the first status
    since, until = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc), dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    report = reconcile(since, until, requeue=True)
    assert [code for code, *_ in report.differences["missing"]] == [dossier.code] and report.requeued == 2
    assert reconcile(since, until).clean
    assert fake_portal.statuses()[dossier.code] == [1, 2]


def test_the_http_client_maps_every_failure(fake_portal):
    client = HttpNationalPortal(fake_portal.url, read_timeout=0.3, breaker_failures=100)
    message = {"MaThongDiep": "m1", "MaHoSo": "X", "TrangThaiHoSo": 1, "ThoiDiemXuLy": "20261120200500"}
    assert not client.send(message).duplicate and client.send(message).duplicate
    for mode in ("error", "drop_answer"):
        fake_portal.set(mode=mode)
        with pytest.raises(PortalUnavailable):
            client.send({**message, "MaThongDiep": f"m-{mode}"})
    fake_portal.set(mode="slow", delay=1)
    with pytest.raises(PortalUnavailable, match="timeout"):
        client.send({**message, "MaThongDiep": "m-slow"})
    fake_portal.set(mode="normal")
    from national_portal_adapter.client import PortalRefused

    with pytest.raises(PortalRefused):
        client.send({"MaThongDiep": "m-bad"})
    assert client.health()[0]
