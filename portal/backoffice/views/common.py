from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from government.models import Role
from government.selectors import role_of
from portal.accounts.middleware import is_staff_account
from procedures.models import Dossier, DossierState
from procedures.queues import visible_dossiers

STAFF_ROLES = {
    Role.ONE_STOP_OFFICER,
    Role.SPECIALIST,
    Role.LEADER,
    Role.CLERK,
    Role.PROVINCE_MONITOR,
    Role.ADMINISTRATOR,
    Role.MEETING_SECRETARY,
}


def staff_required(view):
    """Signed in as staff with a role (the second factor is checked by the middleware)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff_account(request.user) or role_of(request.user) not in STAFF_ROLES:
            return render(request, "backoffice/no_role.html", status=403)
        try:
            return view(request, *args, **kwargs)
        except DossierElsewhere as elsewhere:
            return render(request, "backoffice/elsewhere.html", {"other": elsewhere.dossier}, status=404)

    return wrapper


def staff_refusal(request, message):
    """403 that keeps the back-office menu and says what the user can do instead."""
    return render(request, "backoffice/no_role.html", {"message": message}, status=403)


class DossierElsewhere(Exception):
    """A filed dossier this staff member may not read: the page says only where it is and where its
    result is handed over (no personal data), so that an officer can send the citizen there."""

    def __init__(self, dossier):
        super().__init__(dossier.pk)
        self.dossier = dossier


def visible_dossier(request, pk):
    """A dossier this staff member may read; else DossierElsewhere for a filed one, 404 for the rest."""
    dossier = (
        visible_dossiers(request.user)
        .select_related("procedure", "receiving_agency__unit", "current_agency__unit", "applicant")
        .filter(pk=pk)
        .first()
    )
    if dossier is not None:
        return dossier
    other = (
        Dossier.objects.exclude(state=DossierState.DRAFT)
        .exclude(code="")
        .select_related("procedure", "receiving_agency", "return_agency", "current_agency")
        .filter(pk=pk)
        .first()
    )
    if other is None:
        raise Http404
    raise DossierElsewhere(other)


def pdf_preview(request, name):
    """The page that shows the PDF at this same address (without ?xem=1) through PDF.js."""
    return render(request, "backoffice/pdf_preview.html", {"name": name, "file_url": request.path})
