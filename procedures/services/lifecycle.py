"""Lifecycle operations on dossiers (DOMAIN.md §3).

Each operation checks the state, the actor's role and agency, and the action's preconditions,
then changes the dossier, its route steps and its clock and appends to the event log, all in one
transaction. On any failure the database and the dossier object are left as they were.
"""

import datetime as dt
import hashlib
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import ConcurrentTransition, can_proceed

from eforms.services import sign_declarations
from government.selectors import agency_of, role_of, working_calendar_for
from government.sequences import next_value
from procedures import policy, signals, stats
from procedures.exceptions import ConcurrentChange, PermissionDenied, RouteError, TransitionNotAllowed
from procedures.models import (
    ON_THE_BOOKS,
    Channel,
    Dossier,
    DossierEvent,
    DossierEventFile,
    DossierState,
    DossierStep,
    Outcome,
    ReceiptBookSequence,
    StopGround,
)
from procedures.pdf.sets import SET_2025, set_of
from procedures.sla import classify, shift_deadline

from . import store, versions
from .codes import next_dossier_code
from .documents import drop_file, write_declarations
from .letters import register_letter
from .routing import check_case_unit, check_receiving_agency, resolve_route

# --- creating dossiers -------------------------------------------------------------------------


def create_draft(procedure, receiving_agency, applicant, *, at=None, **applicant_fields):
    """An online draft of `applicant` (a signed-in citizen) for `procedure` at `receiving_agency`."""
    at = at or timezone.now()
    if role_of(applicant) != policy.CITIZEN:
        raise PermissionDenied(_("Chỉ công dân mới tạo được hồ sơ trực tuyến của mình."))
    check_receiving_agency(procedure, receiving_agency)
    check_case_unit(procedure, receiving_agency, applicant_fields.get("case_unit"))
    applicant_fields.setdefault("applicant_name", applicant.get_full_name())
    applicant_fields.setdefault("applicant_personal_id", applicant.personal_id or "")
    with transaction.atomic():
        return _create(
            procedure,
            receiving_agency,
            actor=applicant,
            channel=Channel.ONLINE,
            at=at,
            applicant=applicant,
            **applicant_fields,
        )


def discard_draft(draft):
    """Remove a draft that was never filed, with its files. A draft is not a record yet, so its one
    "create" log entry goes too: the only place the append-only rule of the log is set aside."""

    if draft.state != DossierState.DRAFT or draft.code:
        raise TransitionNotAllowed(_("Chỉ xóa được hồ sơ nháp chưa nộp."))
    with transaction.atomic():
        for document in draft.documents.select_related("stored_document"):
            drop_file(document)
        QuerySet(DossierEvent).filter(dossier=draft).delete()
        draft.delete()


def file_at_counter(
    procedure,
    agency,
    officer,
    *,
    at=None,
    comment="",
    applicant=None,
    attach=None,
    submit_data=None,
    **applicant_fields,
):
    """A walk-in citizen's dossier, filed and received by the desk officer in one go.

    `attach(dossier)` adds the component documents before the dossier is submitted, inside the same
    transaction (procedures.services.counter does that with the officer's scans).
    """
    at = at or timezone.now()
    if role_of(officer) != policy.OFFICER or agency_of(officer) != agency:
        raise PermissionDenied(
            _("Chỉ cán bộ một cửa của %(agency)s mới tiếp nhận hồ sơ tại quầy của cơ quan này.") % {"agency": agency}
        )
    check_receiving_agency(procedure, agency)
    check_case_unit(procedure, agency, applicant_fields.get("case_unit"))
    with transaction.atomic():
        dossier = _create(
            procedure, agency, actor=officer, channel=Channel.COUNTER, at=at, applicant=applicant, **applicant_fields
        )
        if attach:
            attach(dossier)
        submit(dossier, officer, at=at, data=submit_data)
        receive(dossier, officer, at=at, comment=comment)
    return dossier


def _create(procedure, agency, *, actor, channel, at, **fields):
    return_agency = fields.get("return_agency")
    if return_agency is not None and not return_agency.is_service_center:
        raise RouteError(_("Kết quả chỉ được trả tại Trung tâm Phục vụ hành chính công."))
    if channel == Channel.COUNTER:
        fields.setdefault("helped_at", agency)
    dossier = Dossier.objects.create(
        procedure=procedure, receiving_agency=agency, current_agency=agency, channel=channel, created_at=at, **fields
    )
    _log(dossier, "create", actor, "", at)
    return dossier


# --- transitions -------------------------------------------------------------------------------


def submit(dossier, actor, *, at=None, files=(), data=None):
    at = at or timezone.now()
    return _fire(
        dossier,
        "submit",
        actor,
        at=at,
        files=files,
        data=data,
        prepare=lambda: {"code": next_dossier_code(dossier.receiving_agency, at), "at": at},
    )


def receive(dossier, actor, *, at=None, comment=""):
    """Issue the receipt: the clock starts, each route step gets its agency and its deadline.

    A center's receipt is the official one: a forwarded dossier's clock starts when the center
    receives it, with the procedure's full time and no extra days for the forwarding
    (docs/decisions/0007-service-centers-and-non-boundary-filing.md).
    """
    at = at or timezone.now()
    _check(dossier, "receive", actor)
    calendar = working_calendar_for(dossier.receiving_agency)
    version, time_limit, route, step_days = versions.terms_at_receipt(dossier.procedure, at)
    agencies = resolve_route(dossier.procedure, dossier.receiving_agency, dossier.case_unit, route)
    clock_start, due_at = time_limit.due(calendar, at)
    step_dues = time_limit.step_dues(calendar, clock_start, due_at, step_days)

    def plan_steps():
        write_declarations(dossier)  # a declaration the worker has not drawn yet is drawn now
        sign_declarations(dossier)
        DossierStep.objects.bulk_create(
            DossierStep(
                dossier=dossier,
                index=i,
                route_step=step,
                agency=agency,
                working_days=days,
                due_at=due,
                started_at=at if i == 0 else None,
            )
            for i, (step, agency, days, due) in enumerate(zip(route, agencies, step_days, step_dues, strict=True))
        )
        # The next line of the desk's book for the year (Form 01's "Quyển số / Số thứ tự").
        dossier.receipt_year = timezone.localtime(at).year
        dossier.receipt_number = next_value(
            ReceiptBookSequence, {"agency_id": dossier.receiving_agency_id, "year": dossier.receipt_year}
        )

    return _fire(
        dossier,
        "receive",
        actor,
        at=at,
        comment=comment,
        effects=plan_steps,
        data={
            "due_at": due_at.isoformat(),
            "step_due_at": [d.isoformat() for d in step_dues],
            "competent_agency": agencies[-1].electronic_code,
            "first_agency": agencies[0].electronic_code,
            "version": version.effective_from.isoformat() if version else None,
            "clock_started_at": clock_start.isoformat(),
        },
        prepare=lambda: {
            "at": at,
            "clock_started_at": clock_start,
            "due_at": due_at,
            "step_count": len(route),
            "first_agency": agencies[0],
            "competent_agency": agencies[-1],
            "version": version,
        },
    )


def request_supplement(dossier, actor, *, missing_items, comment="", at=None):
    """Ask the citizen for what is missing; during processing the clock pauses until they supply."""
    at = at or timezone.now()
    if isinstance(missing_items, str):  # one text, a line per item (never its characters)
        missing_items = missing_items.splitlines()
    missing_items = [item.strip() for item in missing_items if item and item.strip()]
    if not missing_items:
        raise TransitionNotAllowed(_("Hãy ghi rõ giấy tờ cần bổ sung, hoàn thiện."))
    return _fire(
        dossier,
        "request_supplement",
        actor,
        at=at,
        comment=comment,
        data={"missing_items": missing_items},
        prepare=lambda: {"at": at},
    )


def supply(dossier, actor, *, files=(), comment="", at=None):
    """The citizen brings what was asked for; a paused clock resumes with the time it had left."""
    at = at or timezone.now()
    _check(dossier, "supply", actor)
    data, effects = {}, None
    if dossier.paused_at is not None:
        calendar = working_calendar_for(dossier.receiving_agency)
        paused_at = dossier.paused_at
        new_due = shift_deadline(dossier.due_at, paused_at, at, calendar)
        new_appointment = shift_deadline(dossier.appointment_at, paused_at, at, calendar)
        data = {
            "paused_at": paused_at.isoformat(),
            "old_due_at": dossier.due_at.isoformat(),
            "due_at": new_due.isoformat(),
        }

        def effects():
            dossier.due_at, dossier.appointment_at = new_due, new_appointment
            for step in dossier.steps.filter(completed_at__isnull=True):
                step.due_at = shift_deadline(step.due_at, paused_at, at, calendar)
                step.save(update_fields=["due_at"])

    return _fire(
        dossier,
        "supply",
        actor,
        at=at,
        comment=comment,
        files=files,
        data=data,
        effects=effects,
        prepare=lambda: {"at": at},
    )


def reject(dossier, actor, *, reason, at=None):
    at = at or timezone.now()
    _require_text(reason, _("Hãy nêu rõ lý do từ chối tiếp nhận hồ sơ."))
    return _fire(dossier, "reject", actor, at=at, comment=reason, prepare=lambda: {"reason": reason})


def start_processing(dossier, actor, *, at=None, comment=""):
    at = at or timezone.now()
    return _fire(dossier, "start_processing", actor, at=at, comment=comment)


def next_step(dossier):
    """The route step a transfer would hand the dossier to, or None at the last step."""
    return dossier.steps.select_related("agency__unit").filter(index=dossier.current_step_index + 1).first()


def transfer(dossier, actor, *, comment="", at=None, files=()):
    """Hand the dossier to the next route step's agency, possibly at another level.

    A step that starts late, because an earlier one overran, still gets its own working days from
    when it receives the dossier: its lateness is its own, not the earlier agency's
    (docs/decisions/0001-lateness-charged-to-the-step.md). The citizen's due time does not move.
    """
    at = at or timezone.now()
    _check(dossier, "transfer", actor)
    calendar = working_calendar_for(dossier.receiving_agency)
    current = dossier.steps.get(index=dossier.current_step_index)
    following = next_step(dossier)  # _check made sure there is one
    step_due = max(following.due_at, calendar.add_working_days(at, following.working_days))

    def hand_over():
        _complete_step(current, at, calendar)
        following.started_at, following.due_at = at, step_due
        following.save(update_fields=["started_at", "due_at"])

    return _fire(
        dossier,
        "transfer",
        actor,
        at=at,
        comment=comment,
        files=files,
        effects=hand_over,
        data={
            "to_agency": following.agency.electronic_code,
            "to_agency_name": following.agency.name,
            "step": following.index + 1,
            "step_due_at": step_due.isoformat(),
        },
        prepare=lambda: {"next_agency": following.agency},
    )


def accept_transfer(dossier, actor, *, at=None, comment=""):
    at = at or timezone.now()
    return _fire(dossier, "accept_transfer", actor, at=at, comment=comment)


def propose(dossier, actor, *, outcome, note="", at=None, files=(), data=None):
    """The specialist proposes the result, or a refusal on the merits (which needs its reason)."""
    at = at or timezone.now()
    outcome = Outcome(outcome)
    if outcome == Outcome.REFUSAL:
        _require_text(note, _("Hãy nêu rõ lý do hồ sơ không đủ điều kiện giải quyết."))
    return _fire(
        dossier,
        "propose",
        actor,
        at=at,
        comment=note,
        files=files,
        data={**(data or {}), "outcome": outcome.value},
        prepare=lambda: {"outcome": outcome, "note": note},
    )


def send_back(dossier, actor, *, comment, at=None):
    at = at or timezone.now()
    _require_text(comment, _("Hãy ghi rõ nội dung cần xử lý lại."))
    return _fire(dossier, "send_back", actor, at=at, comment=comment)


def approve(dossier, actor, *, comment="", at=None, files=(), data=None):
    """The leader signs; the dossier goes to the receiving desk to be returned."""
    at = at or timezone.now()
    _check(dossier, "approve", actor)
    calendar = working_calendar_for(dossier.receiving_agency)
    current = dossier.steps.get(index=dossier.current_step_index)
    return _fire(
        dossier,
        "approve",
        actor,
        at=at,
        comment=comment,
        files=files,
        data=data,
        effects=lambda: _complete_step(current, at, calendar),
        prepare=lambda: {"at": at},
    )


def return_result(dossier, actor, *, comment="", at=None):
    at = at or timezone.now()
    _check(dossier, "return_result", actor)
    timeliness = classify(at, dossier.due_at, working_calendar_for(dossier.receiving_agency))
    return _fire(
        dossier,
        "return_result",
        actor,
        at=at,
        comment=comment,
        data={"timeliness": timeliness.value},
        # The signed result enters the applicant's store with the hand-over (issue 39).
        effects=lambda: store.keep_results(dossier, at),
        prepare=lambda: {"at": at, "timeliness": timeliness},
    )


def withdraw(dossier, actor, *, reason, at=None):
    at = at or timezone.now()
    _require_text(reason, _("Hãy nêu lý do rút hồ sơ."))
    return _fire(dossier, "withdraw", actor, at=at, comment=reason, prepare=lambda: {"reason": reason, "at": at})


def stop(dossier, actor, *, ground, reason, provision="", at=None):
    """Form 05 (2025): the competent agency stops handling a received dossier, at the applicant's
    request or on legal grounds; on legal grounds the provision relied on is named (Form 05 prints
    it, not "according to the law"). Final; distinct from a withdrawal before receipt."""

    at = at or timezone.now()
    try:
        ground = StopGround(ground)
    except ValueError:  # a caller other than the page's form (the API) may send anything
        raise TransitionNotAllowed(_("Hãy chọn căn cứ dừng giải quyết.")) from None
    _require_text(reason, _("Hãy nêu rõ lý do dừng giải quyết hồ sơ."))
    provision = " ".join(str(provision or "").split())[:300]
    if ground == StopGround.LEGAL_GROUNDS and not provision:
        raise TransitionNotAllowed(_("Hãy ghi căn cứ pháp lý cụ thể (điều, khoản, văn bản) để dừng giải quyết."))
    _check(dossier, "stop", actor)
    current = dossier.steps.filter(index=dossier.current_step_index, completed_at__isnull=True).first()
    with transaction.atomic():  # the letter's number and the stop together, or neither
        data = {"ground": ground.value, "provision": provision, **_letter(dossier, "stop", actor, at)}
        return _fire(
            dossier,
            "stop",
            actor,
            at=at,
            comment=reason,
            data=data,
            prepare=lambda: {"ground": ground, "reason": reason, "at": at},
            effects=(lambda: _close_step(current, at)) if current else None,
        )


def _letter(dossier, action, actor, at):
    """Under the 2025 set, Forms 04 and 05 take a number from the agency's outgoing register."""

    if set_of(dossier) is not SET_2025:
        return {}

    agency = agency_of(actor) or dossier.current_agency
    return register_letter(dossier, action, agency, actor, at)


def issue_apology(dossier, actor, *, new_appointment_at, reason, at=None):
    """Form 04: the agency responsible for the delay (the one holding the dossier now) apologises
    and gives a new date, when the dossier will be or already is late (after the due time too: that
    is when the citizen most needs it). The SLA due time stays, so the dossier still counts as late
    if returned after it, and the lateness stays charged to the step that caused it."""
    at = at or timezone.now()
    # Before receipt (even while a supplement is requested) there is no due time to apologise for;
    # after return there is no date left to move.
    if dossier.state not in ON_THE_BOOKS or dossier.due_at is None or dossier.returned_at is not None:
        raise TransitionNotAllowed(_("Chỉ phát hành phiếu xin lỗi cho hồ sơ đang giải quyết, chưa trả kết quả."))
    if not policy.is_allowed("issue_apology", dossier, actor):
        raise PermissionDenied()
    _require_text(reason, _("Hãy nêu lý do chậm trễ trong phiếu xin lỗi."))
    if new_appointment_at is None:
        raise TransitionNotAllowed(_("Hãy chọn ngày hẹn trả kết quả mới."))
    if new_appointment_at <= max(dossier.appointment_at, at):
        raise TransitionNotAllowed(_("Ngày hẹn mới phải sau ngày hẹn trả kết quả hiện tại và sau thời điểm hiện tại."))
    _check_new_appointment(dossier, new_appointment_at, at)
    old = dossier.appointment_at
    with _all_or_nothing(dossier):
        dossier.appointment_at = new_appointment_at
        dossier.save(update_fields=["appointment_at"])
        _log(
            dossier,
            "issue_apology",
            actor,
            dossier.state,
            at,
            comment=reason,
            data={
                "old_appointment_at": old.isoformat(),
                "appointment_at": new_appointment_at.isoformat(),
                "step": dossier.current_step_index + 1,
                "due_at": dossier.due_at.isoformat(),
                "late_already": at > dossier.due_at,
                **_letter(dossier, "issue_apology", actor, at),
            },
        )
    return dossier


# An apology moves the date by weeks, not years: a date further out is a typing mistake (year 9999).
APOLOGY_HORIZON = dt.timedelta(days=365)


def _check_new_appointment(dossier, moment, at):
    """A new appointment is a moment the desk is open, within a year: the citizen comes to collect then."""
    if moment > at + APOLOGY_HORIZON:
        raise TransitionNotAllowed(_("Ngày hẹn mới không được quá một năm kể từ hôm nay."))
    calendar = working_calendar_for(dossier.receiving_agency)
    local = calendar.local(moment)
    if not any(begin <= local <= end for begin, end in calendar.session_bounds(local.date())):
        working, reason = calendar.day_status(local.date())
        suggestion = timezone.localtime(calendar.next_working_moment(moment))
        raise TransitionNotAllowed(
            _("Ngày hẹn mới %(when)s không trong giờ làm việc (%(why)s). Thời điểm làm việc gần nhất: %(next)s.")
            % {
                "when": f"{local:%H:%M %d/%m/%Y}",
                "why": _("ngoài giờ hành chính") if working else reason,
                "next": f"{suggestion:%H:%M %d/%m/%Y}",
            }
        )


# --- machinery ---------------------------------------------------------------------------------


def _check(dossier, action, actor):
    """State first, then role and agency, then the action's own preconditions."""
    method = getattr(dossier, action)
    if not can_proceed(method, check_conditions=False):
        raise TransitionNotAllowed(
            _("Không thể %(action)s khi hồ sơ đang ở trạng thái “%(state)s”.")
            % {"action": policy.ACTION_LABELS[action], "state": dossier.get_state_display()}
        )
    if not policy.is_allowed(action, dossier, actor):
        raise PermissionDenied(
            _("Bạn không có quyền %(action)s đối với hồ sơ này.") % {"action": policy.ACTION_LABELS[action]}
        )
    transition = method._django_fsm.get_transition(dossier.state)
    for condition in transition.conditions:
        if not condition(dossier):
            raise TransitionNotAllowed(condition.message)


def _fire(dossier, action, actor, *, at, comment="", files=(), data=None, effects=None, prepare=None):
    _check(dossier, action, actor)
    from_state = dossier.state
    with _all_or_nothing(dossier):
        getattr(dossier, action)(**(prepare() if prepare else {}))
        if effects:
            effects()
        dossier.save()
        _log(dossier, action, actor, from_state, at, comment=comment, files=files, data=data)
        stats.record(dossier, action, at)
    return dossier


@contextmanager
def _all_or_nothing(dossier):
    """One transaction; on failure the object in memory drops the half-applied change too."""
    try:
        with transaction.atomic():
            yield
    except ConcurrentTransition:
        dossier.refresh_from_db()
        raise ConcurrentChange() from None
    except BaseException:
        dossier.refresh_from_db()
        raise


def _log(dossier, action, actor, from_state, at, comment="", files=(), data=None):
    event = DossierEvent.objects.create(
        dossier=dossier,
        action=action,
        from_state=from_state,
        to_state=dossier.state,
        actor=actor,
        actor_role=role_of(actor),
        agency=agency_of(actor),
        comment=comment,
        data=data or {},
        created_at=at,
    )
    for name, content, *extra in files:  # (name, bytes or file[, verification token[, issued as document]])
        raw = content.read() if hasattr(content, "read") else content
        attachment = DossierEventFile(
            event=event,
            name=name,
            sha256=hashlib.sha256(raw).hexdigest(),
            size=len(raw),
            verification_token=extra[0] if extra else None,
            issued_as=extra[1] if len(extra) > 1 else None,
        )
        attachment.file.save(name, ContentFile(raw), save=False)
        attachment.save()
    transaction.on_commit(lambda: signals.event_committed.send(sender=DossierEvent, event_id=event.pk))
    return event


def _complete_step(step, at, calendar):
    step.completed_at = at
    step.timeliness = classify(at, step.due_at, calendar)
    step.save(update_fields=["completed_at", "timeliness"])
    stats.record_step(step, at)


def _close_step(step, at):
    """A step ended without finishing its task (the dossier was stopped): no timeliness to charge."""
    step.completed_at = at
    step.save(update_fields=["completed_at"])


def _require_text(text, message):
    if not (text or "").strip():
        raise TransitionNotAllowed(message)
