from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from government.models import Role
from government.selectors import role_of
from portal.accounts.middleware import is_staff_account
from procedures.queues import visible_dossiers

STAFF_ROLES = {Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.LEADER, Role.CLERK, Role.PROVINCE_MONITOR,
               Role.ADMINISTRATOR, Role.MEETING_SECRETARY}


def staff_required(view):
    """Signed in as staff with a role (the second factor is checked by the middleware)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_staff_account(request.user) or role_of(request.user) not in STAFF_ROLES:
            return render(request, "backoffice/no_role.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def staff_refusal(request, message):
    """403 that keeps the back-office menu and says what the user can do instead."""
    return render(request, "backoffice/no_role.html", {"message": message}, status=403)


def visible_dossier(request, pk):
    """A dossier this staff member may read, or 404."""
    return get_object_or_404(
        visible_dossiers(request.user).select_related("procedure", "receiving_agency__unit", "current_agency__unit",
                                                      "applicant"),
        pk=pk,
    )


def pdf_preview(request, name):
    """The page that shows the PDF at this same address (without ?xem=1) through PDF.js."""
    return render(request, "backoffice/pdf_preview.html", {"name": name, "file_url": request.path})
