"""Issue 38, part 2: applying a plan. A dossier moves mid-step with its remaining time intact and no
lateness; history keeps the agency that did the work; units and agencies are closed, never deleted; the
national portal hears of it; a second run changes nothing; a plan with a gap changes nothing at all."""

import pytest
from django.core.management import call_command

from government.models import AdministrativeUnit, Agency, StaffRole
from national_sync.models import OutboxMessage
from procedures.models import Dossier, DossierEvent
from reorganisation.models import AppliedPlan
from reorganisation.plans import read_plan
from reorganisation.services import STEPS, PlanHasGaps, apply
from tests.factories import UserFactory, at_the_district, received, sign_in_verified
from tests.reorganisation.test_dry_run import plan_for

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(
            Dossier.objects.order_by("pk").values_list(
                "pk", "current_agency", "receiving_agency", "return_agency", "due_at", "state"
            )
        ),
        DossierEvent.objects.count(),
        list(StaffRole.objects.order_by("pk").values_list("pk", "agency")),
        list(Agency.objects.order_by("pk").values_list("pk", "valid_until", "successor")),
        list(AdministrativeUnit.objects.order_by("pk").values_list("pk", "valid_until", "successor", "parent")),
    )


def test_a_dossier_mid_step_moves_with_its_time_and_no_lateness(world):
    dossier = at_the_district(world, days_ago=2)  # received at the commune, held at the district's step 2
    step = dossier.steps.get(index=dossier.current_step_index)
    due, step_due = dossier.due_at, step.due_at
    apply(read_plan(plan_for(world)), world.monitor)

    dossier.refresh_from_db()
    step.refresh_from_db()
    new = Agency.objects.get(electronic_code="000.09.21.H98")
    assert dossier.current_agency == new and step.agency == new
    assert dossier.due_at == due and step.due_at == step_due  # the time left is kept
    assert dossier.timeliness == "" and step.timeliness in ("", None)  # nothing charged for the move
    assert dossier.receiving_agency == world.commune_agency  # its receipt stays the commune's
    assert dossier.return_agency == new  # the result is handed over by the successor
    event = dossier.events.get(action="reorganise")
    assert event.agency == new and event.data["plan"] == "Nghị quyết 9999/NQ-UBTVQH15 (thử nghiệm)"
    assert event.data["moves"] == {
        world.district_agency.electronic_code: new.electronic_code,
        world.commune_agency.electronic_code: new.electronic_code,
    }
    assert event.from_state == event.to_state == dossier.state
    done = dossier.steps.get(index=0)
    assert done.agency == world.commune_agency and done.completed_at is not None


def test_units_and_agencies_are_closed_with_their_successors_never_deleted(world):
    received(world)
    apply(read_plan(plan_for(world)), world.monitor)
    district = AdministrativeUnit.objects.get(code="911")
    merged = AdministrativeUnit.objects.get(code="91101")
    assert district.valid_until is not None and merged.successor.code == "91199"
    old = Agency.objects.get(pk=world.commune_agency.pk)
    assert old.valid_until is not None and old.successor.electronic_code == "000.09.21.H98"
    assert StaffRole.objects.get(user=world.huyen_motcua).agency.electronic_code == "000.09.21.H98"


def test_the_national_portal_hears_who_holds_it_now(world, settings):
    settings.NATIONAL_PORTAL = {**settings.NATIONAL_PORTAL, "ENABLED": True}
    dossier = at_the_district(world, days_ago=2)
    apply(read_plan(plan_for(world)), world.monitor)
    message = OutboxMessage.objects.get(dossier=dossier, event__action="reorganise")
    assert message.payload["MaDonViXuLy"] == "000.09.21.H98" and message.status_code == 4


def test_a_second_run_changes_nothing(world):
    at_the_district(world, days_ago=2)
    received(world)
    plan = read_plan(plan_for(world))
    apply(plan, world.monitor)
    before = snapshot()
    apply(plan, world.monitor)
    assert snapshot() == before
    assert AppliedPlan.objects.get().steps_done == [name for name, _step in STEPS]


def test_a_plan_with_a_gap_changes_nothing(world):
    at_the_district(world, days_ago=2)
    before = snapshot()
    with pytest.raises(PlanHasGaps) as refused:
        apply(read_plan(plan_for(world, agencies=[])), world.monitor)
    assert "chưa có cơ quan kế thừa" in "\n".join(refused.value.gaps)
    assert snapshot() == before and not AppliedPlan.objects.exists()


def test_the_command_applies_with_a_progress_bar(world, tmp_path, capsys):
    import json

    received(world)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan_for(world)), encoding="utf-8")
    call_command("apply_reorganisation", str(path), "--by", world.monitor.username)
    out = capsys.readouterr().out
    assert "Hồ sơ" in out and "#" in out and "Đã áp dụng" in out


def test_an_old_code_still_tracks_and_says_who_holds_it_now(client, world):
    dossier = at_the_district(world, days_ago=2)
    apply(read_plan(plan_for(world)), world.monitor)
    page = client.post("/tra-cuu-ho-so/", {"code": dossier.code, "secret": dossier.applicant_personal_id[-4:]})
    text = page.content.decode()
    assert page.status_code == 200 and "Ủy ban nhân dân xã Thử Mới" in text


def test_the_admin_shows_what_was_applied_and_who_succeeds_whom_read_only(client, world):
    admin_client = sign_in_verified(client, UserFactory(username="root", is_staff=True, is_superuser=True))
    apply(read_plan(plan_for(world)), world.monitor)
    plans = admin_client.get("/django-admin/reorganisation/appliedplan/").content.decode()
    assert "Nghị quyết 9999/NQ-UBTVQH15 (thử nghiệm)" in plans
    assert admin_client.get("/django-admin/reorganisation/appliedplan/add/").status_code == 403
    agency = admin_client.get(f"/django-admin/government/agency/{world.commune_agency.pk}/change/").content.decode()
    assert "Hiệu lực và kế thừa" in agency and "Ủy ban nhân dân xã Thử Mới" in agency
    assert 'name="successor"' not in agency  # set by a plan only


def test_a_reprinted_receipt_still_shows_the_desk_that_issued_it(world, staff_client):
    """A legal record: the desk that received the dossier issued it, whatever happened since."""
    from tests.pdf_checks import text_of

    dossier = at_the_district(world, days_ago=2)
    apply(read_plan(plan_for(world)), world.monitor)
    successor_desk = staff_client("xa_motcua")  # their role went to the new commune with the plan
    receipt = successor_desk.get(f"/can-bo/ho-so/{dossier.pk}/mau-01.pdf")
    assert receipt.status_code == 200
    text = " ".join(text_of(receipt.content).split())
    issued_by = world.commune_agency.name
    assert text.startswith(issued_by.upper()) and f"Bộ phận tiếp nhận và trả kết quả {issued_by} đã tiếp nhận" in text
    # where the citizen collects the result is where it is now, and the receipt says so
    assert "Nơi trả kết quả: Ủy ban nhân dân xã Thử Mới" in text
