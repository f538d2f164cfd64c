import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from procedures import services
from procedures.models import Dossier
from procedures.queues import deadlines
from tests.factories import RECEIVED_AT, online, received

pytestmark = pytest.mark.django_db


def codes(response):
    return [dossier.code for dossier, _badge in response.context["rows"]]


def test_each_role_sees_its_own_work(staff_client, world):
    fresh = online(world)
    in_work = received(world)
    services.start_processing(in_work, world.xa_chuyenvien, at=RECEIVED_AT)
    elsewhere = online(world, agency=world.other_commune_agency, citizen=world.other_citizen)

    assert codes(staff_client("xa_motcua").get("/can-bo/")) == [fresh.code]
    assert codes(staff_client("xa_chuyenvien").get("/can-bo/")) == [in_work.code]
    assert codes(staff_client("xa_lanhdao").get("/can-bo/")) == []
    assert codes(staff_client("xa2_motcua").get("/can-bo/")) == [elsewhere.code]
    everything = staff_client("monitor").get("/can-bo/", {"state": "all"})
    assert set(codes(everything)) == {fresh.code, in_work.code, elsewhere.code}
    assert set(codes(staff_client("xa_motcua").get("/can-bo/", {"state": "all"}))) == {fresh.code, in_work.code}


def test_filters_and_sorting(staff_client, world):
    first, second = received(world), received(world, procedure=world.simple)
    monitor = staff_client("monitor")
    assert codes(monitor.get("/can-bo/", {"state": "all", "procedure": world.simple.pk})) == [second.code]
    assert codes(monitor.get("/can-bo/", {"state": "all", "sort": "due"}))[0] == second.code  # 1 day before 5
    assert codes(monitor.get("/can-bo/", {"state": "all", "sort": "-due"}))[0] == first.code
    assert codes(monitor.get("/can-bo/", {"state": "all", "level": "district"})) == []
    assert set(codes(monitor.get("/can-bo/", {"state": "all", "unit": world.district.code}))) == {
        first.code,
        second.code,
    }
    # Both were received on Monday 23/11/2026; today the one-day procedure is late, the five-day one maybe not.
    overdue = codes(monitor.get("/can-bo/", {"due": "overdue", "state": "all"}))
    assert second.code in overdue and all(Dossier.objects.get(code=c).due_at < timezone.now() for c in overdue)


def test_badges_tell_overdue_due_today_and_at_risk_with_working_time_left(world):
    # Received Monday 23/11 08:00; Tuesday is a day off (Ngày Văn hóa Việt Nam): due Wednesday 08:00.
    dossier = received(world, procedure=world.simple)
    due = dossier.due_at
    badge = deadlines([dossier], now=due - dt.timedelta(minutes=20))[dossier.pk]
    assert badge.kind == "today" and badge.text == "20 phút"
    day_before = deadlines([dossier], now=due - dt.timedelta(days=1, hours=17))[dossier.pk]  # Monday 15:00
    assert day_before.kind == "at_risk" and day_before.text == "2 giờ 30 phút"  # 15:00–17:00, then Wed 07:30–08:00
    overdue = deadlines([dossier], now=due + dt.timedelta(days=3))[dossier.pk]  # Saturday 08:00
    assert overdue.kind == "overdue" and overdue.calendar_text == "3 ngày"
    assert overdue.working_text == "2 ngày 7 giờ"  # Wed 08:00–17:00 (7 h), Thu and Fri (7,5 h each)
    early = deadlines([dossier], now=RECEIVED_AT)[dossier.pk]
    assert early.kind in {"at_risk", "today"}


def test_the_queue_page_makes_the_same_number_of_queries_for_5_or_45_dossiers(staff_client, world):
    client = staff_client("monitor")

    def queries(count):
        while Dossier.objects.count() < count:
            received(world, procedure=world.simple)
        client.get("/can-bo/", {"state": "all", "size": "50"})  # warm caches (session, content types)
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/can-bo/", {"state": "all", "size": "50"})
        assert len(response.context["rows"]) == count
        return len(captured)

    assert queries(5) == queries(45)


def test_nobody_without_a_role_gets_a_queue(client, world):
    from tests.factories import UserFactory, sign_in_verified

    sign_in_verified(client, UserFactory(username="nhanvien", is_staff=True))
    assert client.get("/can-bo/").status_code == 403
