"""The actions a dossier page offers: for each, its form and the service it calls.

Views never change a dossier themselves; every action goes through procedures.services.
"""

from dataclasses import dataclass
from typing import Callable

from django.urls import reverse
from django_fsm import can_proceed

from government.uploads import checked_attachments
from procedures import policy, services
from procedures.services import results
from procedures.services.documents import stored_bytes

from . import forms


@dataclass(frozen=True)
class Action:
    name: str
    form: type
    run: Callable  # (request, dossier, cleaned_data) -> None
    danger: bool = False
    per_dossier: bool = False  # the form's fields depend on the dossier (its procedure's terms)

    def form_for(self, dossier, *args, **kwargs):
        if self.per_dossier:
            kwargs["dossier"] = dossier
        return self.form(*args, **kwargs)


def _verification_url(request):
    return lambda token: request.build_absolute_uri(reverse("citizens:verify_token", args=[token]))


ACTIONS = {
    a.name: a
    for a in [
        Action("receive", forms.CommentForm, lambda r, d, c: services.receive(d, r.user, comment=c["comment"])),
        Action(
            "request_supplement",
            forms.SupplementForm,
            lambda r, d, c: services.request_supplement(
                d, r.user, missing_items=c["missing_items"], comment=c["comment"]
            ),
        ),
        Action("reject", forms.ReasonForm, lambda r, d, c: services.reject(d, r.user, reason=c["reason"]), danger=True),
        Action(
            "start_processing",
            forms.CommentForm,
            lambda r, d, c: services.start_processing(d, r.user, comment=c["comment"]),
        ),
        Action(
            "transfer",
            forms.TransferForm,
            lambda r, d, c: services.transfer(
                d,
                r.user,
                comment=c["comment"],
                files=checked_attachments(c["files"], already_stored_bytes=stored_bytes(d)),
            ),
        ),
        Action(
            "accept_transfer",
            forms.CommentForm,
            lambda r, d, c: services.accept_transfer(d, r.user, comment=c["comment"]),
        ),
        Action(
            "propose",
            forms.ProposeForm,
            lambda r, d, c: results.propose_result(
                d,
                r.user,
                outcome=c["outcome"],
                note=c["note"],
                upload=c["result_file"],
                generate=c.get("generate", False),
                verification_url=_verification_url(r),
            ),
            per_dossier=True,
        ),
        Action("send_back", forms.CommentForm, lambda r, d, c: services.send_back(d, r.user, comment=c["comment"])),
        Action("approve", forms.CommentForm, lambda r, d, c: results.approve_and_sign(d, r.user, comment=c["comment"])),
        Action(
            "return_result", forms.CommentForm, lambda r, d, c: services.return_result(d, r.user, comment=c["comment"])
        ),
        Action(
            "issue_apology",
            forms.ApologyForm,
            lambda r, d, c: services.issue_apology(
                d, r.user, new_appointment_at=c["new_appointment_at"], reason=c["reason"]
            ),
        ),
        Action(
            "stop",
            forms.StopForm,
            lambda r, d, c: services.stop(d, r.user, ground=c["ground"], reason=c["reason"], provision=c["provision"]),
            danger=True,
        ),
        Action(
            "withdraw", forms.ReasonForm, lambda r, d, c: services.withdraw(d, r.user, reason=c["reason"]), danger=True
        ),
    ]
}


def available(dossier, user, deadline=None):
    """The actions `user` may take on `dossier` now: state, role and agency all allow it.

    The apology letter is offered once it is needed: the dossier is overdue or due within its
    agency's warning window (`deadline`, from procedures.queues)."""
    names = []
    for name in ACTIONS:
        if name == "issue_apology":
            if policy.apology_offered(dossier, user, deadline):
                names.append(name)
        elif can_proceed(getattr(dossier, name)) and policy.is_allowed(name, dossier, user):
            names.append(name)
    return names
