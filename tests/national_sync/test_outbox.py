import datetime as dt

import pytest
from django.utils import timezone

from national_portal_adapter.client import PortalRefused, PortalUnavailable, get_portal
from national_sync import services
from national_sync.models import Delivery, OutboxMessage
from national_sync.reconciliation import MISSING, STALE, UNKNOWN, reconcile
from procedures import services as lifecycle
from procedures.exceptions import DomainError
from tests.factories import RECEIVED_AT, online, received

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, world):
    from tests.factories import UserFactory, sign_in_verified

    return sign_in_verified(client, UserFactory(username="root", is_staff=True, is_superuser=True))


# A test runs inside one transaction, so the delivery scheduled after commit is called here by hand
# (services.deliver_due); tests/national_sync/test_fake_portal.py has real commits.


def test_each_reported_transition_writes_one_message_in_order(world):
    dossier = received(world)
    assert services.deliver_due() == (2, 1)
    messages = list(OutboxMessage.objects.filter(dossier=dossier))
    assert [m.status_code for m in messages] == [1, 2]
    assert all(m.delivery == Delivery.SENT for m in messages)
    payload = messages[1].payload
    assert payload["MaHoSo"] == dossier.code and payload["TrangThaiHoSo"] == 2
    assert payload["MaDonViTiepNhan"] == "000.01.21.H98" and payload["PhienBan"] == "1"
    assert payload["NgayTiepNhan"] == RECEIVED_AT.astimezone(timezone.get_default_timezone()).strftime("%Y%m%d%H%M%S")
    assert list(get_portal().received) == [str(m.message_id) for m in messages]


def test_a_refused_transition_leaves_no_message(world):
    dossier = online(world)
    with pytest.raises(DomainError):
        lifecycle.reject(dossier, world.xa_motcua, reason="")
    assert OutboxMessage.objects.filter(dossier=dossier).count() == 1


def test_a_portal_that_is_down_leaves_messages_pending_then_they_go_in_order(world):
    portal = get_portal()
    portal.failure = PortalUnavailable("connection failed")
    dossier = received(world)
    services.deliver_due()
    first, second = OutboxMessage.objects.filter(dossier=dossier)
    assert (first.delivery, first.attempts, second.attempts) == (Delivery.PENDING, 1, 0)  # the second waits its turn
    assert first.next_attempt_at is not None and first.last_error == "connection failed"
    portal.failure = None
    assert services.deliver_due(now=timezone.now())[0] == 0  # not due yet: back-off
    sent, _tried = services.deliver_due(now=timezone.now() + dt.timedelta(hours=1))
    assert sent == 2
    assert [m["TrangThaiHoSo"] for m in portal.received.values()] == [1, 2]


def test_after_the_last_try_a_message_is_a_dead_letter_and_can_be_retried(world, settings):
    settings.NATIONAL_PORTAL = {**settings.NATIONAL_PORTAL, "MAX_ATTEMPTS": 2}
    portal = get_portal()
    portal.failure = PortalUnavailable("HTTP 503")
    dossier = online(world)
    for days in (1, 2, 3):
        services.deliver_due(now=timezone.now() + dt.timedelta(days=days))
    message = OutboxMessage.objects.get(dossier=dossier)
    assert message.delivery == Delivery.DEAD and message.attempts == 2 and message.last_error == "HTTP 503"
    portal.failure = None
    services.retry([message])
    services.deliver_due()
    message.refresh_from_db()
    assert message.delivery == Delivery.SENT


def test_a_refusal_is_a_dead_letter_at_once(world):
    get_portal().failure = PortalRefused("HTTP 400: thiếu trường")
    dossier = online(world)
    services.deliver_due()
    message = OutboxMessage.objects.get(dossier=dossier)
    assert message.delivery == Delivery.DEAD and message.attempts == 1


def test_a_message_resent_after_a_lost_answer_is_recorded_once(world):
    dossier = online(world)
    services.deliver_due()
    message = OutboxMessage.objects.get(dossier=dossier)
    services.requeue_dossiers([dossier.code])
    services.deliver_due()
    assert len(get_portal().received) == 1 and str(message.message_id) in get_portal().received


def test_reconciliation_reports_by_kind_and_requeues(world):
    portal = get_portal()
    lost, stale = online(world), received(world)
    services.deliver_due()
    portal.received.pop(str(OutboxMessage.objects.get(dossier=lost).message_id))
    portal.received.pop(str(OutboxMessage.objects.filter(dossier=stale).last().message_id))
    portal.received["x"] = {
        "MaThongDiep": "x",
        "MaHoSo": "H98.99-261120-9999",
        "TrangThaiHoSo": 1,
        "ThoiDiemXuLy": "20261120200500",
    }
    since, until = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc), dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    report = reconcile(since, until)
    assert [c for c, *_ in report.differences[MISSING]] == sorted([lost.code, stale.code]) or {
        c for c, *_ in report.differences[MISSING] + report.differences[STALE]
    } == {lost.code, stale.code}
    assert [c for c, *_ in report.differences[UNKNOWN]] == ["H98.99-261120-9999"]
    report = reconcile(since, until, requeue=True)
    assert report.requeued == 3
    services.deliver_due()
    again = reconcile(since, until)
    assert not again.differences[MISSING] and not again.differences[STALE]


def test_the_officer_sees_each_status_and_why_it_has_not_gone(world, staff_client):
    get_portal().failure = PortalUnavailable("HTTP 503")
    dossier = received(world)
    services.deliver_due()
    html = staff_client("xa_motcua").get(f"/can-bo/ho-so/{dossier.pk}/").content.decode()
    assert "Đồng bộ Cổng Dịch vụ công quốc gia" in html and "HTTP 503" in html and "Chờ gửi" in html


def test_the_dashboard_shows_the_backlog_and_the_admin_retries_dead_letters(world, staff_client, admin_client):
    get_portal().failure = PortalRefused("HTTP 400: thiếu trường")
    online(world)
    services.deliver_due()
    html = staff_client("monitor").get("/can-bo/bao-cao/").content.decode()
    assert "1 gửi không được" in html
    message = OutboxMessage.objects.get()
    get_portal().failure = None
    response = admin_client.post(
        "/django-admin/national_sync/outboxmessage/", {"action": "retry", "_selected_action": [message.pk]}
    )
    assert response.status_code == 302
    services.deliver_due()
    message.refresh_from_db()
    assert message.delivery == Delivery.SENT


def test_the_reconcile_command_reports_and_requeues(world, capsys):
    from django.core.management import call_command

    dossier = online(world)
    services.deliver_due()
    get_portal().received.clear()
    call_command("reconcile_national_portal", "--from", "2026-11-20", "--to", "2026-11-21")
    out = capsys.readouterr().out
    assert "1 dossiers compared" in out and "missing: 1" in out and dossier.code in out
    call_command("reconcile_national_portal", "--from", "2026-11-20", "--requeue")
    services.deliver_due()
    call_command("reconcile_national_portal", "--from", "2026-11-20")
    assert "missing: 0" in capsys.readouterr().out


def test_dossiers_written_in_bulk_get_their_history_of_statuses(world, staff_client, capsys):
    """Issue 35, item 13: the synthetic year's returned dossiers said "hồ sơ chưa nộp" under sync."""
    import io

    from django.core.management import call_command

    from demo.synthetic_year import generate
    from procedures.models import Dossier

    generate(200, seed=5, out=io.StringIO(), batch=100)
    assert not OutboxMessage.objects.exists()  # bulk writes bypass the signal
    call_command("record_sync_history")
    written = OutboxMessage.objects.count()
    assert f"{written} status messages recorded as sent" in capsys.readouterr().out and written > 200
    returned = Dossier.objects.filter(state="returned", receiving_agency=world.commune_agency).order_by("pk").first()
    messages = list(OutboxMessage.objects.filter(dossier=returned))
    events = list(returned.events.filter(outbox_message__isnull=False).order_by("created_at", "pk"))
    assert [m.event_id for m in messages] == [e.pk for e in events]
    assert messages[-1].status_code == 10 and messages[0].status_code in (1, 2)
    assert all(m.delivery == Delivery.SENT and m.sent_at == m.event.created_at for m in messages)
    assert messages[0].payload["NgayTra"] == "" and messages[-1].payload["NgayTra"] != ""  # what was known then
    assert services.record_history() == 0  # idempotent
    assert services.deliver_due() == (0, 0)  # nothing is sent twice
    page = staff_client("xa_motcua").get(f"/can-bo/ho-so/{returned.pk}/").content.decode()
    assert "Đã gửi lúc" in page and "hồ sơ chưa nộp" not in page
    # An import whose history the portal never had queues it instead.
    OutboxMessage.objects.filter(dossier=returned).delete()
    call_command("record_sync_history", "--pending")
    assert OutboxMessage.objects.filter(delivery=Delivery.PENDING).count() == len(messages)
    assert services.deliver_due() == (len(messages), 1)


def test_make_runs_periodic_tasks_send_what_waited_for_the_portal(world, capsys, time_machine):
    """`make run` has no Celery beat: the demo's own dossiers, written while the fake portal was not
    yet up, stayed "chờ gửi" on the dashboard. `run_periodic_tasks` runs the beat's schedule there."""
    from django.core.management import call_command

    portal = get_portal()
    portal.failure = PortalUnavailable("connection failed")
    dossier = received(world)
    services.deliver_due()
    portal.failure = None
    time_machine.move_to(timezone.now() + dt.timedelta(hours=1))  # the back-off has passed
    call_command("run_periodic_tasks", "--once")
    out = capsys.readouterr().out
    assert "deliver-national-portal-messages: done" in out and "verify-pending-identities: done" in out
    assert not OutboxMessage.objects.filter(dossier=dossier).exclude(delivery=Delivery.SENT).exists()
