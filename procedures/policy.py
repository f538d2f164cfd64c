"""Who may fire which lifecycle transition (DOMAIN.md §3).

A rule names the roles allowed and whose agency must match: the receiving desk's ("desk") or the
agency holding the dossier at its current route step ("step"). Citizens act only on their own
dossiers. Province monitors and administrators fire nothing.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from government.models.staff import Role
from government.selectors import role_of

DESK = "desk"
STEP = "step"
RESULT_DESK = "result_desk"  # the desk that hands the result over: the chosen center, else the receiver
COMPETENT = "competent"  # the competent authority (the route's deciding agency)


@dataclass(frozen=True)
class Rule:
    roles: frozenset
    scope: str = DESK


def _rule(*roles, scope=DESK):
    return Rule(frozenset(roles), scope)


CITIZEN, OFFICER, SPECIALIST, LEADER = Role.CITIZEN, Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.LEADER

# Keyed by transition, then by the dossier's state where the actor differs by state.
RULES = {
    # An officer submits on behalf of a walk-in citizen at the counter.
    "submit": _rule(CITIZEN, OFFICER),
    "receive": _rule(OFFICER),
    "request_supplement": {
        "submitted": _rule(OFFICER),
        # During processing the specialist finds what is missing (Decree 61/2018 art. 19(1)(b)).
        "processing": _rule(SPECIALIST, scope=STEP),
    },
    "supply": _rule(CITIZEN, OFFICER),
    "reject": _rule(OFFICER),
    "start_processing": _rule(SPECIALIST, scope=STEP),
    "transfer": _rule(SPECIALIST, scope=STEP),
    "accept_transfer": _rule(SPECIALIST, scope=STEP),
    "propose": _rule(SPECIALIST, scope=STEP),
    "send_back": _rule(LEADER, scope=STEP),
    "approve": _rule(LEADER, scope=STEP),
    "return_result": _rule(OFFICER, scope=RESULT_DESK),
    "withdraw": _rule(CITIZEN, OFFICER),
    # Decree 118/2025: the agency responsible for the delay, i.e. the one holding the dossier now.
    "issue_apology": _rule(OFFICER, SPECIALIST, LEADER, scope=STEP),
    "stop": _rule(LEADER, scope=COMPETENT),
}


def holds(user, dossier):
    """A citizen's own dossier: filed from their account, or filed anywhere else (at a counter, by an
    officer) under the personal ID that the population database or VNeID confirmed as theirs. A desk's
    unfinished draft is not theirs yet. `selectors.held_by` is the same rule as a query."""
    if dossier.applicant_id is not None and dossier.applicant_id == user.pk:
        return True
    return (
        getattr(user, "identity_verified_at", None) is not None
        and bool(user.personal_id)
        and dossier.applicant_personal_id == user.personal_id
        and dossier.state != "draft"
    )


def rule_for(action, dossier):
    rule = RULES[action]
    if isinstance(rule, dict):
        return rule.get(dossier.state)
    return rule


def is_allowed(action, dossier, user):
    rule = rule_for(action, dossier)
    role = role_of(user)
    if rule is None or role not in rule.roles:
        return False
    if role == Role.CITIZEN:
        return holds(user, dossier)
    agency_id = user.staff_role.agency_id
    if rule.scope == STEP:
        return agency_id == dossier.current_agency_id
    if rule.scope == RESULT_DESK:
        return agency_id == dossier.result_desk_id
    if rule.scope == COMPETENT:
        return agency_id == (dossier.competent_agency_id or dossier.current_agency_id)
    return agency_id == dossier.receiving_agency_id


def may(action):
    """A django-fsm `permission` callable for `action`."""

    def check(dossier, user):
        return is_allowed(action, dossier, user)

    check.action = action
    return check


# How each action reads in messages and in the event log.
ACTION_LABELS = {
    "create": _("tạo hồ sơ"),
    "submit": _("nộp hồ sơ"),
    "receive": _("tiếp nhận hồ sơ"),
    "request_supplement": _("yêu cầu bổ sung hồ sơ"),
    "supply": _("bổ sung hồ sơ"),
    "reject": _("từ chối tiếp nhận"),
    "start_processing": _("nhận xử lý"),
    "transfer": _("chuyển liên thông"),
    "accept_transfer": _("nhận hồ sơ liên thông"),
    "propose": _("trình phê duyệt"),
    "send_back": _("trả lại để xử lý tiếp"),
    "approve": _("phê duyệt"),
    "return_result": _("trả kết quả"),
    "withdraw": _("rút hồ sơ"),
    "issue_apology": _("phát hành văn bản xin lỗi và hẹn lại"),
    "stop": _("dừng giải quyết hồ sơ"),
    "reorganise": _("chuyển cơ quan do sắp xếp đơn vị hành chính"),
}


def apology_offered(dossier, user, deadline):
    """Whether `user` is offered the apology letter (Form 04) for `dossier`: still on the books and
    not handed back, overdue or due within its agency's warning window (`deadline`, from
    procedures.queues), and theirs to issue."""
    return (
        dossier.is_on_the_books
        and dossier.returned_at is None
        and deadline is not None
        and deadline.is_urgent
        and is_allowed("issue_apology", dossier, user)
    )
