import pytest

from procedures import services
from procedures.exceptions import ConcurrentChange, PermissionDenied, RouteError, TransitionNotAllowed
from procedures.models import AppendOnlyError, Dossier, DossierEvent, DossierState, Outcome, Timeliness
from tests.factories import RECEIVED_AT, local, online, received

S = DossierState


def snapshot(dossier):
    """Everything a failed action must leave as it was."""
    row = Dossier.objects.filter(pk=dossier.pk).values().get()
    steps = list(dossier.steps.values())
    return row, steps, DossierEvent.objects.filter(dossier=dossier).count()


def test_inter_level_dossier_through_its_whole_lifecycle(world):
    w = world
    dossier = online(w)
    assert dossier.state == S.SUBMITTED
    assert dossier.code == "000.01.21.H98-261120-0001"

    services.receive(dossier, w.xa_motcua, at=RECEIVED_AT)
    # 5 working days from Mon 23/11 08:00; Tue 24/11/2026 is Vietnam Culture Day → Tue 1/12 08:00.
    assert dossier.due_at == local(2026, 12, 1, 8, 0)
    assert dossier.appointment_at == dossier.due_at
    steps = list(dossier.steps.order_by("index"))
    assert [s.agency for s in steps] == [w.commune_agency, w.district_agency]
    assert steps[0].due_at == local(2026, 11, 26, 8, 0)  # 2 days
    assert steps[1].due_at == dossier.due_at

    services.start_processing(dossier, w.xa_chuyenvien, at=local(2026, 11, 23, 9, 0))
    services.transfer(dossier, w.xa_chuyenvien, comment="Đã xác minh", at=local(2026, 11, 25, 10, 0))
    assert (dossier.state, dossier.current_agency, dossier.current_step_index) == (S.TRANSFERRED, w.district_agency, 1)
    services.accept_transfer(dossier, w.huyen_chuyenvien, at=local(2026, 11, 25, 14, 0))
    services.propose(dossier, w.huyen_chuyenvien, outcome=Outcome.RESULT, at=local(2026, 11, 26, 10, 0))
    services.approve(dossier, w.huyen_lanhdao, at=local(2026, 11, 26, 15, 0))
    assert dossier.state == S.RESULT_READY
    assert dossier.current_agency == w.commune_agency  # back to the desk that received it
    services.return_result(dossier, w.xa_motcua, at=local(2026, 11, 27, 9, 0))

    dossier.refresh_from_db()
    assert dossier.state == S.RETURNED
    assert dossier.timeliness == Timeliness.EARLY
    assert [s.timeliness for s in dossier.steps.order_by("index")] == [Timeliness.EARLY, Timeliness.EARLY]
    log = list(dossier.events.values_list("action", "from_state", "to_state", "actor__username", "actor_role"))
    assert log == [
        ("create", "", "draft", "congdan1", "citizen"),
        ("submit", "draft", "submitted", "congdan1", "citizen"),
        ("receive", "submitted", "received", "xa.motcua", "one_stop_officer"),
        ("start_processing", "received", "processing", "xa.chuyenvien", "specialist"),
        ("transfer", "processing", "transferred", "xa.chuyenvien", "specialist"),
        ("accept_transfer", "transferred", "processing", "huyen.chuyenvien", "specialist"),
        ("propose", "processing", "awaiting_approval", "huyen.chuyenvien", "specialist"),
        ("approve", "awaiting_approval", "result_ready", "huyen.lanhdao", "leader"),
        ("return_result", "result_ready", "returned", "xa.motcua", "one_stop_officer"),
    ]
    assert dossier.events.get(action="transfer").comment == "Đã xác minh"


def test_supplement_before_receipt_does_not_start_the_clock(world):
    w = world
    dossier = online(w)
    services.request_supplement(dossier, w.xa_motcua, missing_items=["Bản sao sổ đỏ"], at=local(2026, 11, 23, 8, 0))
    assert dossier.state == S.SUPPLEMENT_REQUESTED and dossier.due_at is None and dossier.paused_at is None
    assert dossier.events.last().data == {"missing_items": ["Bản sao sổ đỏ"]}
    services.supply(dossier, w.citizen, files=[("bo-sung.pdf", b"%PDF-1.4 x")], at=local(2026, 11, 25, 9, 0))
    assert dossier.state == S.SUBMITTED
    attachment = dossier.events.last().files.get()
    assert attachment.name == "bo-sung.pdf" and len(attachment.sha256) == 64


def test_supplement_during_processing_pauses_and_resumes_the_clock(world):
    w = world
    dossier = received(w)
    services.start_processing(dossier, w.xa_chuyenvien, at=local(2026, 11, 23, 9, 0))
    # Paused Wed 25/11 08:00: Mon 08:00–17:00 is 7 h, Tue is a holiday, Wed 07:30–08:00 0.5 h: one day used, 4 left.
    services.request_supplement(dossier, w.xa_chuyenvien, missing_items=["Trích đo"], at=local(2026, 11, 25, 8, 0))
    assert dossier.paused_at == local(2026, 11, 25, 8, 0)
    # Resumed Mon 30/11 07:30: due moves from Tue 1/12 08:00 to Mon 07:30 + 4 days → Thu 3/12 17:00.
    services.supply(dossier, w.citizen, at=local(2026, 11, 30, 7, 30))
    assert dossier.state == S.PROCESSING and dossier.paused_at is None
    assert dossier.due_at == local(2026, 12, 3, 17, 0)
    assert dossier.steps.get(index=1).due_at == dossier.due_at


def test_refusal_on_the_merits_ends_not_qualified_and_is_returned_once(world):
    w = world
    dossier = received(w, procedure=w.simple)
    services.start_processing(dossier, w.xa_chuyenvien)
    with pytest.raises(TransitionNotAllowed, match="lý do"):
        services.propose(dossier, w.xa_chuyenvien, outcome=Outcome.REFUSAL, note=" ")
    services.propose(dossier, w.xa_chuyenvien, outcome=Outcome.REFUSAL, note="Không đủ điều kiện")
    services.approve(dossier, w.xa_lanhdao)
    assert dossier.state == S.NOT_QUALIFIED and dossier.returned_at is None
    services.return_result(dossier, w.xa_motcua)
    assert dossier.state == S.NOT_QUALIFIED and dossier.returned_at is not None
    with pytest.raises(TransitionNotAllowed, match="đã được trả"):
        services.return_result(dossier, w.xa_motcua)


def test_leader_can_send_a_proposal_back(world):
    w = world
    dossier = received(w, procedure=w.simple)
    services.start_processing(dossier, w.xa_chuyenvien)
    services.propose(dossier, w.xa_chuyenvien, outcome=Outcome.RESULT)
    services.send_back(dossier, w.xa_lanhdao, comment="Bổ sung căn cứ")
    assert dossier.state == S.PROCESSING and dossier.proposed_outcome == ""


def test_reject_and_withdraw_need_reasons(world):
    w = world
    dossier = online(w)
    with pytest.raises(TransitionNotAllowed):
        services.reject(dossier, w.xa_motcua, reason="")
    services.reject(dossier, w.xa_motcua, reason="Sai cơ quan tiếp nhận")
    assert dossier.state == S.REJECTED and dossier.decision_note == "Sai cơ quan tiếp nhận"

    other = received(w)
    services.withdraw(other, w.citizen, reason="Không còn nhu cầu")
    assert other.state == S.WITHDRAWN


def test_counter_filing_issues_code_and_receipt_at_once(world):
    w = world
    dossier = services.file_at_counter(
        w.simple,
        w.commune_agency,
        w.xa_motcua,
        at=local(2026, 11, 23, 16, 59),
        applicant_name="Lê Thị Hoa",
        applicant_personal_id="019195000001",
    )
    assert dossier.state == S.RECEIVED and dossier.channel == "counter"
    assert dossier.due_at == local(2026, 11, 25, 16, 59)  # 1 min Mon, Tue off (Culture Day), Wed to 16:59
    assert list(dossier.events.values_list("action", flat=True)) == ["create", "submit", "receive"]


def test_apology_letter_sets_a_new_appointment_but_late_stays_late(world):
    w = world
    dossier = received(w, procedure=w.simple)  # due Wed 25/11 08:00
    with pytest.raises(TransitionNotAllowed, match="sau ngày hẹn"):
        services.issue_apology(
            dossier,
            w.xa_motcua,
            new_appointment_at=local(2026, 11, 20, 8, 0),
            reason="Chậm xác minh",
            at=local(2026, 11, 23, 9, 0),
        )
    services.issue_apology(
        dossier,
        w.xa_motcua,
        new_appointment_at=local(2026, 11, 30, 8, 0),
        reason="Chậm xác minh",
        at=local(2026, 11, 23, 9, 0),
    )
    assert dossier.appointment_at == local(2026, 11, 30, 8, 0)
    assert dossier.due_at == local(2026, 11, 25, 8, 0)
    # After the due time too: that is when the citizen most needs the letter. A date already past is refused.
    with pytest.raises(TransitionNotAllowed, match="sau thời điểm hiện tại"):
        services.issue_apology(
            dossier, w.xa_motcua, new_appointment_at=local(2026, 12, 2, 8, 0), reason="x", at=local(2026, 12, 3, 9, 0)
        )
    services.issue_apology(
        dossier,
        w.xa_motcua,
        new_appointment_at=local(2026, 12, 2, 8, 0),
        reason="Chờ ý kiến thuế",
        at=local(2026, 11, 26, 9, 0),
    )
    assert dossier.appointment_at == local(2026, 12, 2, 8, 0)
    assert list(dossier.events.filter(action="issue_apology").values_list("data__appointment_at", flat=True)) == [
        local(2026, 11, 30, 8, 0).isoformat(),
        local(2026, 12, 2, 8, 0).isoformat(),
    ]
    services.start_processing(dossier, w.xa_chuyenvien)
    services.propose(dossier, w.xa_chuyenvien, outcome=Outcome.RESULT)
    services.approve(dossier, w.xa_lanhdao)
    services.return_result(dossier, w.xa_motcua, at=local(2026, 11, 27, 9, 0))
    assert dossier.timeliness == Timeliness.LATE
    with pytest.raises(TransitionNotAllowed, match="chưa trả kết quả"):  # nothing left to move once returned
        services.issue_apology(
            dossier, w.xa_motcua, new_appointment_at=local(2026, 12, 9, 8, 0), reason="x", at=local(2026, 11, 27, 10, 0)
        )


@pytest.mark.parametrize(
    ("actor", "action"),
    [
        ("citizen", "receive"),  # citizens do not receive
        ("xa_chuyenvien", "receive"),  # wrong role at the right agency
        ("xa2_motcua", "receive"),  # right role, another agency
        ("huyen_motcua", "receive"),  # right role, the level above
        ("monitor", "receive"),  # monitors write nothing
        ("xa_motcua", "start_processing"),
    ],
)
def test_forbidden_actors_are_refused_and_nothing_changes(world, actor, action):
    w = world
    dossier = online(w) if action == "receive" else received(w)
    before = snapshot(dossier)
    kwargs = {"at": RECEIVED_AT}
    with pytest.raises(PermissionDenied) as error:
        getattr(services, action)(dossier, getattr(w, actor), **kwargs)
    assert "không có quyền" in str(error.value.message)
    assert snapshot(dossier) == before
    assert dossier.state == before[0]["state"]


def test_another_citizen_cannot_touch_my_dossier(world):
    w = world
    dossier = received(w)
    services.start_processing(dossier, w.xa_chuyenvien)
    services.request_supplement(dossier, w.xa_chuyenvien, missing_items=["x"])
    with pytest.raises(PermissionDenied):
        services.supply(dossier, w.other_citizen)
    with pytest.raises(PermissionDenied):
        services.withdraw(dossier, w.other_citizen, reason="x")


def test_specialist_of_the_next_step_acts_only_after_transfer(world):
    w = world
    dossier = received(w)
    with pytest.raises(PermissionDenied):
        services.start_processing(dossier, w.huyen_chuyenvien)
    services.start_processing(dossier, w.xa_chuyenvien)
    with pytest.raises(TransitionNotAllowed, match="bước tiếp theo"):
        services.propose(dossier, w.xa_chuyenvien, outcome=Outcome.RESULT)
    services.transfer(dossier, w.xa_chuyenvien)
    with pytest.raises(PermissionDenied):
        services.accept_transfer(dossier, w.xa_chuyenvien)
    services.accept_transfer(dossier, w.huyen_chuyenvien)
    with pytest.raises(TransitionNotAllowed, match="bước cuối"):
        services.transfer(dossier, w.huyen_chuyenvien)


def test_illegal_transition_is_a_clear_error_and_changes_nothing(world):
    w = world
    dossier = online(w)
    before = snapshot(dossier)
    with pytest.raises(TransitionNotAllowed) as error:
        services.approve(dossier, w.xa_lanhdao)
    assert str(error.value.message) == "Không thể phê duyệt khi hồ sơ đang ở trạng thái “Mới nộp”."
    with pytest.raises(TransitionNotAllowed):
        services.return_result(dossier, w.xa_motcua)
    assert snapshot(dossier) == before


def test_failure_inside_the_transaction_rolls_everything_back(world, monkeypatch):
    w = world
    dossier = online(w)
    before = snapshot(dossier)

    def broken_log(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("procedures.services.lifecycle._log", broken_log)
    with pytest.raises(RuntimeError):
        services.receive(dossier, w.xa_motcua, at=RECEIVED_AT)
    assert dossier.state == S.SUBMITTED and dossier.due_at is None  # the object too, not only the row
    assert snapshot(dossier) == before


def test_two_officers_at_once_one_wins_one_gets_a_conflict(world):
    w = world
    dossier = online(w)
    first, second = Dossier.objects.get(pk=dossier.pk), Dossier.objects.get(pk=dossier.pk)
    services.receive(first, w.xa_motcua, at=RECEIVED_AT)
    with pytest.raises(ConcurrentChange) as error:
        services.reject(second, w.xa_motcua, reason="Sai thủ tục")
    assert "người khác" in str(error.value.message)
    second.refresh_from_db()
    assert second.state == S.RECEIVED
    assert list(dossier.events.values_list("action", flat=True)) == ["create", "submit", "receive"]


def test_draft_only_for_citizens_and_only_at_the_first_steps_agency(world):
    w = world
    with pytest.raises(PermissionDenied):
        services.create_draft(w.simple, w.commune_agency, w.xa_motcua)
    with pytest.raises(RouteError, match="không tiếp nhận"):
        services.create_draft(w.simple, w.district_agency, w.citizen)


def test_state_cannot_be_assigned_directly(world):
    dossier = online(world)
    with pytest.raises(AttributeError):
        dossier.state = S.RETURNED


def test_event_log_is_append_only(world):
    dossier = online(world)
    event = dossier.events.first()
    event.comment = "sửa"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        DossierEvent.objects.filter(dossier=dossier).update(comment="x")
    with pytest.raises(AppendOnlyError):
        DossierEvent.objects.filter(dossier=dossier).delete()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_officers_in_parallel_threads_exactly_one_wins(world):
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("parallel transitions need PostgreSQL's row-level concurrency (run with DATABASE_URL)")
    w = world
    for round_ in range(10):
        dossier = online(w)
        barrier = threading.Barrier(2)
        outcomes = []

        def act(action):
            try:
                mine = Dossier.objects.get(pk=dossier.pk)
                barrier.wait()
                if action == "receive":
                    services.receive(mine, w.xa_motcua, at=RECEIVED_AT)
                else:
                    services.reject(mine, w.xa_motcua, reason="Sai thủ tục")
                outcomes.append(("ok", action))
            except (ConcurrentChange, TransitionNotAllowed) as error:
                outcomes.append(("conflict", str(error.message)))
            finally:
                connections.close_all()

        threads = [threading.Thread(target=act, args=(a,)) for a in ("receive", "reject")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        kinds = sorted(kind for kind, _ in outcomes)
        assert kinds == ["conflict", "ok"], (round_, outcomes)
        winner = next(a for kind, a in outcomes if kind == "ok")
        dossier.refresh_from_db()
        assert dossier.state == (S.RECEIVED if winner == "receive" else S.REJECTED)
        assert list(dossier.events.values_list("action", flat=True)) == ["create", "submit", winner]


def test_route_is_fixed_at_receipt_even_if_the_catalog_changes_after_filing(world):
    from decimal import Decimal

    from procedures.models import RouteStep

    w = world
    dossier = online(w)  # filed against a two-step route
    w.inter_level.route_steps.filter(order=2).delete()
    RouteStep.objects.filter(procedure=w.inter_level, order=1).update(working_days=Decimal(5))
    services.receive(dossier, w.xa_motcua, at=RECEIVED_AT)
    assert dossier.step_count == dossier.steps.count() == 1
    services.start_processing(dossier, w.xa_chuyenvien)
    services.propose(dossier, w.xa_chuyenvien, outcome=Outcome.RESULT)  # the single step is the last one
    assert dossier.state == S.AWAITING_APPROVAL


def test_no_apology_before_receipt_when_there_is_no_due_time(world):
    w = world
    dossier = online(w)
    services.request_supplement(dossier, w.xa_motcua, missing_items=["Bản sao sổ đỏ"])  # before receipt
    before = snapshot(dossier)
    with pytest.raises(TransitionNotAllowed, match="đang giải quyết"):
        services.issue_apology(dossier, w.xa_motcua, new_appointment_at=local(2026, 12, 30, 8, 0), reason="Chậm")
    assert snapshot(dossier) == before
