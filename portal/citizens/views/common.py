import mimetypes
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render

from procedures import policy
from procedures.models import Dossier


def citizen_required(view):
    """Signed in, as a citizen: staff accounts have the back-office instead."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if policy.role_of(request.user) != policy.CITIZEN:
            return render(request, "citizens/staff_not_allowed.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def own_dossier(request, pk):
    """The signed-in citizen's dossier, or 404: another person's dossier does not exist for them."""
    return get_object_or_404(Dossier.objects.select_related("procedure", "receiving_agency__unit",
                                                            "current_agency__unit"), pk=pk, applicant=request.user)


def download(file_field, name, content_type=None):
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(file_field.open("rb"), as_attachment=True, filename=name, content_type=content_type)
