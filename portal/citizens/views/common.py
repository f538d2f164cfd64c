from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from government.selectors import role_of
from procedures import policy
from procedures.models import Dossier
from procedures.selectors import held_by


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


def error_summary(form, extra=()):
    """[(input id, text)] for the error summary at the top of a page (GOV.UK's pattern): every
    error of `form`, then `extra` as (input id, label, [messages]) for inputs outside it."""
    items = [("", str(error)) for error in form.non_field_errors()]
    for field in form:
        items += [(field.auto_id, f"{field.label}: {error}") for error in field.errors]
    for anchor, label, errors in extra:
        items += [(anchor, f"{label}: {error}") for error in errors]
    return items
