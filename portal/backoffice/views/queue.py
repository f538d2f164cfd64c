from django.shortcuts import redirect, render

from government.models import Role
from government.selectors import agency_of, role_of
from procedures.models import Procedure
from procedures.queues import COUNT_CAP, deadlines, queue_page, queue_rows

from ..forms import QueueFilterForm
from .common import staff_required


@staff_required
def queue(request):
    if role_of(request.user) == Role.CLERK:  # a clerk's work is the registers, not dossiers
        return redirect("documents:incoming")
    if role_of(request.user) == Role.MEETING_SECRETARY:  # and a meeting secretary's, the meetings
        return redirect("meetings:list")
    form = QueueFilterForm(request.GET or None, procedures=Procedure.objects.filter(is_active=True).only("name"))
    filters = form.cleaned_data if form.is_valid() else {}
    page = queue_page(
        request.user,
        filters.get("page"),
        filters.get("size") or 20,
        **{key: filters.get(key) or "" for key in ("state", "procedure", "level", "unit", "due", "sort")},
    )
    rows = queue_rows(list(page.object_list))
    badges = deadlines(rows)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "backoffice/queue.html",
        {
            "form": form,
            "page_obj": page,
            "count_cap": COUNT_CAP,
            "rows": [(d, badges[d.pk]) for d in rows],
            "role": role_of(request.user),
            "agency": agency_of(request.user),
            "query": query.urlencode(),
        },
        status=400 if form.errors else 200,
    )
