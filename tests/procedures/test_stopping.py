"""Decree 118/2025: the competent agency stops a received dossier (Form 05); the agency responsible
for a delay apologises and extends (Form 04), and the lateness stays where it was caused."""

import pytest

from procedures import services
from procedures.exceptions import PermissionDenied, TransitionNotAllowed
from procedures.models import Dossier, DossierState, MonthlyStat, StopGround, Timeliness
from tests.factories import at_the_district, local, online, received

S = DossierState


def test_the_competent_agency_stops_a_received_dossier_at_the_applicants_request(world):
    w = world
    dossier = received(w)
    assert dossier.competent_agency == w.district_agency  # the route's deciding agency, set at receipt
    services.start_processing(dossier, w.xa_chuyenvien, at=local(2026, 11, 23, 9, 0))
    for not_competent in (w.xa_lanhdao, w.xa_motcua, w.huyen_chuyenvien, w.citizen):
        with pytest.raises(PermissionDenied):
            services.stop(dossier, not_competent, ground=StopGround.APPLICANT_REQUEST, reason="Xin dừng")
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        services.stop(dossier, w.huyen_lanhdao, ground=StopGround.APPLICANT_REQUEST, reason=" ")
    services.stop(
        dossier,
        w.huyen_lanhdao,
        ground=StopGround.APPLICANT_REQUEST,
        reason="Người nộp đề nghị dừng để bổ sung giấy tờ khác.",
        at=local(2026, 11, 24, 10, 0),
    )
    dossier.refresh_from_db()
    assert (dossier.state, dossier.stop_ground) == (S.STOPPED, StopGround.APPLICANT_REQUEST)
    assert dossier.stopped_at == local(2026, 11, 24, 10, 0) and dossier.timeliness == ""
    step = dossier.steps.get(index=0)
    assert step.completed_at == dossier.stopped_at and step.timeliness == ""  # nothing charged
    assert MonthlyStat.objects.get(agency=w.commune_agency, procedure=dossier.procedure).stopped == 1
    event = dossier.events.get(action="stop")
    assert event.data["ground"] == "applicant_request" and event.agency == w.district_agency
    assert event.data["letter_symbol"] == "01/TB-UBND"  # a thông báo of the district's outgoing register
    for action in (services.start_processing, services.withdraw):  # final: nothing moves it again
        with pytest.raises(TransitionNotAllowed):
            action(
                dossier,
                w.xa_chuyenvien if action is services.start_processing else w.citizen,
                **({} if action is services.start_processing else {"reason": "x"}),
            )


def test_a_dossier_not_yet_received_is_withdrawn_not_stopped(world):
    w = world
    dossier = online(w)
    with pytest.raises((TransitionNotAllowed, PermissionDenied)):
        services.stop(
            dossier,
            w.huyen_lanhdao,
            ground=StopGround.LEGAL_GROUNDS,
            reason="Không thuộc thẩm quyền",
            provision="khoản 3 Điều 18 Nghị định số 118/2025/NĐ-CP",
        )
    assert Dossier.objects.get(pk=dossier.pk).state == S.SUBMITTED
    services.withdraw(dossier, w.citizen, reason="Nộp nhầm thủ tục")
    assert dossier.state == S.WITHDRAWN


def test_the_apology_comes_from_the_agency_holding_the_late_dossier_after_its_due_time(world, time_machine):
    time_machine.move_to(local(2026, 12, 7, 9, 0))  # a Monday: three days on is a working morning
    w = world
    dossier = at_the_district(w)  # late at the district
    import datetime as dt

    from django.utils import timezone

    new_date = timezone.now() + dt.timedelta(days=3)
    with pytest.raises(PermissionDenied):  # the commune desk did not cause the delay
        services.issue_apology(dossier, w.xa_motcua, new_appointment_at=new_date, reason="Chậm")
    services.issue_apology(dossier, w.huyen_chuyenvien, new_appointment_at=new_date, reason="Chờ ý kiến thuế")
    event = dossier.events.get(action="issue_apology")
    assert event.agency == w.district_agency and event.data["step"] == 2 and event.data["late_already"] is True
    dossier.refresh_from_db()
    assert dossier.appointment_at == new_date and dossier.due_at < timezone.now()  # lateness stays on record
    services.propose(dossier, w.huyen_chuyenvien, outcome="result")
    services.approve(dossier, w.huyen_lanhdao)
    assert dossier.steps.get(index=1).timeliness == Timeliness.LATE  # charged to the district's step
    assert dossier.steps.get(index=0).timeliness == Timeliness.EARLY
    services.return_result(dossier, w.xa_motcua)
    assert dossier.timeliness == Timeliness.LATE
