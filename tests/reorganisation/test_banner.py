"""Issue 38, part 5: while a plan is being applied, officers are told why a dossier may be on its way
to a successor; the banner goes when the plan is done. Pages ask the cache, so the banner comes and
goes within half a minute (RUNNING_PLAN_SECONDS) when another process runs the plan."""

import datetime as dt

import pytest
from django.utils import timezone

from reorganisation.models import AppliedPlan
from reorganisation.selectors import RUNNING_PLAN_SECONDS
from tests.factories import local

pytestmark = pytest.mark.django_db

BANNER = "Đang áp dụng phương án sắp xếp đơn vị hành chính"


def test_officers_see_a_banner_while_a_plan_runs(world, staff_client, time_machine):
    time_machine.move_to(local(2026, 12, 7, 9, 0))
    later = dt.timedelta(seconds=RUNNING_PLAN_SECONDS + 1)
    officer = staff_client("xa_motcua")
    assert BANNER not in officer.get("/can-bo/").content.decode()
    running = AppliedPlan.objects.create(
        reference="Nghị quyết 9999/NQ-UBTVQH15 (thử nghiệm)",
        effective_at=timezone.now(),
        plan={},
        applied_by=world.monitor,
        started_at=timezone.now(),
        steps_done=["units", "agencies"],
    )
    assert BANNER not in officer.get("/can-bo/").content.decode()  # not yet: the answer is kept a while
    time_machine.shift(later)
    page = officer.get("/can-bo/").content.decode()
    assert BANNER in page and "Nghị quyết 9999/NQ-UBTVQH15 (thử nghiệm)" in page
    running.finished_at = timezone.now()
    running.save()
    time_machine.shift(later)
    assert BANNER not in officer.get("/can-bo/").content.decode()
