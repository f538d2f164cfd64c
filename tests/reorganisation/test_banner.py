"""Issue 38, part 5: while a plan is being applied, officers are told why a dossier may be on its way
to a successor; the banner goes when the plan is done."""

import pytest
from django.utils import timezone

from reorganisation.models import AppliedPlan

pytestmark = pytest.mark.django_db

BANNER = "Đang áp dụng phương án sắp xếp đơn vị hành chính"


def test_officers_see_a_banner_while_a_plan_runs(world, staff_client):
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
    page = officer.get("/can-bo/").content.decode()
    assert BANNER in page and "Nghị quyết 9999/NQ-UBTVQH15 (thử nghiệm)" in page
    running.finished_at = timezone.now()
    running.save()
    assert BANNER not in officer.get("/can-bo/").content.decode()
