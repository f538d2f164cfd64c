"""The desk's forms of a dossier (Circular 01/2018 or 03/2025, DOMAIN.md §13): which can be printed
now, and each rendered from the dossier's events and signed by the receiving agency."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from government.exceptions import DomainError
from procedures.models import DossierState
from procedures.pdf import forms as pdf_forms
from procedures.pdf import set_of
from procedures.pdf import sets as kinds
from procedures.pdf.receipt import render_receipt
from signing_adapter.pades import sign_pdf

# The forms that answer an event: printable once the dossier has had it.
FORM_EVENTS = {
    kinds.SUPPLEMENT: "request_supplement",
    kinds.REFUSAL: "reject",
    kinds.APOLOGY: "issue_apology",
    kinds.STOP: "stop",
}


@dataclass(frozen=True)
class Paper:
    filename: str
    content: bytes
    unsigned_because: str = ""  # why the agency's signature is missing, if it is


def printable_forms(dossier):
    """(number, title) of each form of the dossier's set that can be printed now, by number."""
    form_set = set_of(dossier)
    # The receipt and the control slip belong to a dossier the desk received, not to one it refused.
    wanted = [kinds.RECEIPT, kinds.CONTROL_SLIP] if dossier.code and dossier.state != DossierState.REJECTED else []
    actions = set(dossier.events.values_list("action", flat=True))
    wanted += [kind for kind, action in FORM_EVENTS.items() if action in actions and kind in form_set.numbers]
    return sorted((form_set.number(kind), form_set.title(kind)) for kind in wanted)


def desk_form(dossier, number, *, tracking_url):
    """Form `number` of the dossier's set as a Paper, or None when it cannot be printed now. Without a
    certificate the paper stays unsigned: at the counter that is still better than nothing."""
    form_set = set_of(dossier)
    kind = form_set.kind_of(number)
    if kind is None or number not in dict(printable_forms(dossier)):
        return None

    def last(action):
        return dossier.events.filter(action=action).order_by("-created_at", "-pk").first()

    render = {
        kinds.RECEIPT: lambda: render_receipt(dossier, tracking_url),
        kinds.SUPPLEMENT: lambda: pdf_forms.supplement_request(dossier, last("request_supplement"), tracking_url),
        kinds.REFUSAL: lambda: pdf_forms.refusal(dossier, last("reject"), tracking_url),
        kinds.APOLOGY: lambda: pdf_forms.apology(dossier, last("issue_apology"), tracking_url),
        kinds.STOP: lambda: pdf_forms.stop_notice(dossier, last("stop"), tracking_url),
        kinds.CONTROL_SLIP: lambda: pdf_forms.control_slip(dossier, tracking_url),
    }[kind]
    filename = form_set.filename(kind, dossier.code)
    content = render()
    try:
        signed = sign_pdf(content, dossier.receiving_agency, reason=_("Mẫu số %(number)s") % {"number": number})
    except DomainError as error:
        return Paper(filename, content, str(error.message))
    return Paper(filename, signed)
