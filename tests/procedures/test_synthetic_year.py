import io

import pytest
from django.utils import timezone

from demo.synthetic_year import generate
from procedures import services
from procedures.models import (
    ON_THE_BOOKS,
    Dossier,
    DossierEvent,
    DossierState,
    DossierStep,
    SatisfactionRating,
    Timeliness,
)
from reporting import selectors as reads
from tests.factories import local

pytestmark = pytest.mark.django_db


def test_a_synthetic_year_is_consistent_with_its_own_counts(world):
    result = generate(1500, seed=7, out=io.StringIO(), batch=400)
    assert result["dossiers"] == Dossier.objects.count() == 1500
    now = timezone.localdate()
    scope, period = reads.Scope(None, None), reads.Period(now.replace(year=now.year - 2, day=1), now.replace(day=1))
    total = reads.totals(scope, period)
    received = Dossier.objects.filter(received_at__isnull=False)
    assert total.received == received.count()
    assert total.received_online == received.filter(channel="online").count()
    for timeliness in Timeliness.values:
        assert getattr(total, f"resolved_{timeliness}") == Dossier.objects.filter(timeliness=timeliness).count()
    assert total.rejected == Dossier.objects.filter(state=DossierState.REJECTED).count() > 0
    assert total.withdrawn == Dossier.objects.filter(state=DossierState.WITHDRAWN).count() > 0
    assert total.rating_count == SatisfactionRating.objects.count() > 0
    assert total.rejected == DossierEvent.objects.filter(action="reject").count()
    assert total.supplements == DossierEvent.objects.filter(action="request_supplement").count() > 0
    receiving = total.as_view(reads.RECEIVING)
    assert 0.8 < receiving.on_time_rate < 1 and 0.2 < total.online_rate < 0.8
    # By responsible agency: every completed step, and one late step per late dossier.
    done = DossierStep.objects.filter(completed_at__isnull=False)
    assert total.done == done.count() >= receiving.done
    assert total.done_late == done.filter(timeliness=Timeliness.LATE).count() == receiving.done_late
    assert 0.8 < total.on_time_rate < 1
    within, overdue = reads.open_now(scope)
    assert within + overdue == Dossier.objects.filter(state__in=ON_THE_BOOKS).count()
    for dossier in Dossier.objects.filter(state__in=ON_THE_BOOKS)[:20]:
        assert dossier.steps.count() == dossier.step_count >= 1  # officers can carry on with them


def test_real_filings_after_it_never_reuse_a_code(world, time_machine):
    # 01:28 in Vietnam: a dossier drawn for today after that hour is moved back a day, and its code
    # used to keep today's date (the code then clashed with a real filing of that day)
    time_machine.move_to(local(2026, 12, 8, 1, 28))
    generate(300, seed=3, out=io.StringIO(), end=timezone.localtime())
    codes = set(Dossier.objects.values_list("code", flat=True))
    assert len(codes) == 300
    busy = Dossier.objects.filter(
        receiving_agency=world.commune_agency, procedure=world.simple, received_at__isnull=False
    ).latest("received_at")
    draft = services.create_draft(world.simple, world.commune_agency, world.citizen, at=busy.received_at)
    fresh = services.submit(draft, world.citizen, at=busy.received_at)  # a day the synthetic year already numbered
    assert fresh.code not in codes
    assert fresh.code[:-4] == busy.code[:-4] and fresh.code > busy.code
    # Its receipt book goes on after the year's last entry too (Form 01's "Số thứ tự").
    entries = Dossier.objects.filter(receiving_agency=busy.receiving_agency, receipt_year=busy.receipt_year)
    numbers = sorted(entries.values_list("receipt_number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
    last = numbers[-1]
    fresh = services.receive(fresh, world.xa_motcua, at=busy.received_at)
    assert (fresh.receipt_year, fresh.receipt_number) == (busy.receipt_year, last + 1)


def test_a_synthetic_dossier_has_the_history_and_components_a_real_one_would(world):
    """Issue 35, item 13: a returned dossier had an empty log and every document "Không nộp"."""
    from procedures.models import DossierComponent
    from procedures.selectors import components_of

    generate(300, seed=11, out=io.StringIO(), batch=100)
    returned = Dossier.objects.filter(state=DossierState.RETURNED).order_by("pk")
    assert returned.exists()
    for dossier in returned:
        actions = list(dossier.events.order_by("created_at", "pk").values_list("action", flat=True))
        assert actions[0] == ("submit" if dossier.channel == "online" else "receive")
        assert actions[-3:] == ["propose", "approve", "return_result"]
        assert actions.count("transfer") == actions.count("accept_transfer") == dossier.step_count - 1
        assert all(row.received for row in components_of(dossier))
        states = list(dossier.events.order_by("created_at", "pk").values_list("from_state", "to_state"))
        assert all(before[1] == after[0] for before, after in zip(states, states[1:])), states
    open_ones = Dossier.objects.filter(state__in=["received", "processing"])
    assert all(d.events.filter(action="receive").exists() for d in open_ones[:20])
    assert DossierComponent.objects.filter(dossier__channel="counter", unscanned_reason="paper_kept").exists()
