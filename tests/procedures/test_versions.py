"""Procedure versions: a dossier keeps the version in force at its receipt; publishing never moves an
open dossier's deadline; a version's cut-off hour sends a late-afternoon receipt to the next working day."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from procedures import services
from procedures.services import versions
from tests.factories import local, online

pytestmark = pytest.mark.django_db


def publish(procedure, day, **fields):
    return versions.publish_version(
        procedure, effective_from=day, decision_number=f"{day:%d%m}/QĐ-UBND", today=day, **fields
    )


def test_a_new_version_leaves_an_open_dossiers_deadline_and_version_alone(world):
    w = world
    first = publish(w.simple, dt.date(2026, 11, 1))
    dossier = services.receive(online(w, procedure=w.simple), w.xa_motcua, at=local(2026, 11, 23, 8, 0))
    assert dossier.procedure_version == first
    due = dossier.due_at
    route = [{"level": "commune", "agency": "committee", "task": "Thẩm tra, trình ký", "days": 5}]
    second = publish(w.simple, dt.date(2026, 11, 25), processing_days=Decimal(5), route=route)
    w.simple.refresh_from_db()
    assert w.simple.processing_days == 5 and w.simple.version_in_force == second
    dossier.refresh_from_db()
    assert dossier.due_at == due and dossier.procedure_version == first
    assert dossier.steps.get().working_days == 1  # its route step keeps the days it was received with
    later = services.receive(online(w, procedure=w.simple), w.xa_motcua, at=local(2026, 11, 26, 8, 0))
    assert later.procedure_version == second and later.due_at == local(2026, 12, 3, 8, 0)


def test_the_version_in_force_is_the_one_of_the_receipt_day_and_comes_into_force_by_itself(world):
    w = world
    route = [{"level": "commune", "agency": "committee", "task": "Bước 1", "days": 2}]
    old = publish(w.simple, dt.date(2025, 1, 1))
    new = versions.publish_version(
        w.simple,
        effective_from=dt.date(2025, 7, 1),
        decision_number="2/QĐ",
        today=dt.date(2025, 6, 1),
        processing_days=Decimal(2),
        route=route,
    )
    w.simple.refresh_from_db()
    assert w.simple.version_in_force == old  # announced, not yet in force
    assert list(versions.upcoming(w.simple, today=dt.date(2025, 6, 1))) == [new]
    june = services.receive(online(w, procedure=w.simple), w.xa_motcua, at=local(2025, 6, 30, 9, 0))
    july = services.receive(online(w, procedure=w.simple), w.xa_motcua, at=local(2025, 7, 1, 9, 0))
    assert (june.procedure_version, july.procedure_version) == (old, new)
    assert june.due_at == local(2025, 7, 1, 9, 0) and july.due_at == local(2025, 7, 3, 9, 0)
    w.simple.refresh_from_db()
    assert w.simple.version_in_force == new and w.simple.processing_days == 2  # receipt brought it in
    # A receipt dated before it does not roll the catalogue back.
    services.receive(online(w, procedure=w.simple), w.xa_motcua, at=local(2025, 6, 30, 10, 0))
    w.simple.refresh_from_db()
    assert w.simple.version_in_force == new


@pytest.mark.parametrize(
    "received, clock_start, due",
    [
        ((15, 0), local(2026, 11, 23, 15, 0), local(2026, 11, 25, 15, 0)),  # Tue 24/11 is a day off
        ((15, 1), local(2026, 11, 25, 7, 30), local(2026, 11, 25, 17, 0)),
    ],
    ids=["at-15:00-same-day", "at-15:01-next-working-day"],
)
def test_the_cut_off_hour_is_a_rule_of_the_version(world, received, clock_start, due):
    w = world
    publish(w.simple, dt.date(2026, 11, 1), cutoff_time=dt.time(15, 0))
    dossier = services.receive(online(w, procedure=w.simple), w.xa_motcua, at=local(2026, 11, 23, *received))
    assert (dossier.clock_started_at, dossier.due_at) == (clock_start, due)
    assert dossier.events.get(action="receive").data["clock_started_at"] == clock_start.isoformat()
    other = services.receive(online(w), w.xa_motcua, at=local(2026, 11, 23, 15, 1))  # no cut-off: same day
    assert other.clock_started_at == local(2026, 11, 23, 15, 1)


def test_editors_see_a_readable_difference_and_cannot_publish_into_the_past(world):
    w = world
    before = versions.snapshot(w.simple)
    after = {
        **before,
        "fee_vnd": 8000,
        "cutoff_time": dt.time(15, 0),
        "online_level": "partial",
        "documents": before["documents"] + [{"name": "Văn bản ủy quyền"}],
    }
    rows = [(c.label, c.before, c.after) for c in versions.difference(before, after)]
    assert ("phí, lệ phí (đồng)", "0", "8000") in rows
    assert ("giờ chốt tiếp nhận trong ngày", "—", "15:00") in rows
    assert ("mức độ dịch vụ công trực tuyến", "Toàn trình", "Một phần") in rows
    assert ("Thành phần hồ sơ thêm", "", "Văn bản ủy quyền") in rows
    with pytest.raises(ValidationError, match="không được trước hôm nay"):
        versions.publish_version(w.simple, effective_from=dt.date(2020, 1, 1), decision_number="1/QĐ")
    with pytest.raises(ValidationError, match="phải bằng thời hạn giải quyết"):
        versions.publish_version(
            w.simple, effective_from=dt.date(2030, 1, 1), decision_number="1/QĐ", processing_days=Decimal(4)
        )
    assert not w.simple.versions.exists()
