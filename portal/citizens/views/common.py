from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from government.selectors import role_of
from procedures import policy
from procedures.models import IN_PROGRESS, Dossier, DossierState
from procedures.selectors import apologies, appointment_for, competent_authority, held_by


def citizen_required(view):
    """Signed in, as a citizen: staff accounts have the back-office instead."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if role_of(request.user) != policy.CITIZEN:
            return render(request, "citizens/staff_not_allowed.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def own_dossier(request, pk):
    """The signed-in citizen's dossier, or 404: another person's dossier does not exist for them."""
    return get_object_or_404(
        Dossier.objects.filter(held_by(request.user)).select_related(
            "procedure", "receiving_agency__unit", "current_agency__unit"
        ),
        pk=pk,
    )


@dataclass(frozen=True)
class Status:
    is_open: bool  # somebody still has to act on it
    overdue: bool  # open, and the appointment has passed


def status_of(dossier, now=None):
    """What the citizen's page and public tracking say about where the dossier stands: the status,
    and every apology letter with its new date (for the _status.html include)."""
    now = now or timezone.now()
    is_open = dossier.state in IN_PROGRESS or dossier.state == DossierState.RESULT_READY
    appointment = appointment_for(dossier) if dossier.code else None
    letters = list(apologies(dossier).select_related("agency"))
    for letter in letters:
        letter.new_date = parse_datetime(letter.data.get("appointment_at", ""))
    return {
        "status": Status(is_open, bool(is_open and appointment and appointment < now)),
        "appointment": appointment,
        "apologies": letters,
        "competent": competent_authority(dossier),
    }


def error_summary(form, extra=()):
    """[(input id, text)] for the error summary at the top of a page (GOV.UK's pattern): every
    error of `form`, then `extra` as (input id, label, [messages]) for inputs outside it."""
    items = [("", str(error)) for error in form.non_field_errors()]
    for field in form:
        items += [(field.auto_id, f"{field.label}: {error}") for error in field.errors]
    for anchor, label, errors in extra:
        items += [(anchor, f"{label}: {error}") for error in errors]
    return items
