"""“Kết nối”: every outside system's live state, for the administrator."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from government.models import Role
from government.selectors import role_of
from portal.connections import check_all

from .common import staff_refusal, staff_required


@staff_required
def connections(request):
    if not (request.user.is_superuser or role_of(request.user) == Role.ADMINISTRATOR):
        return staff_refusal(request, _("Trang “Kết nối” dành cho quản trị hệ thống."))
    states = check_all()
    return render(request, "backoffice/connections.html", {"states": states})
