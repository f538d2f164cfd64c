from functools import partial

from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from government.models import Role
from government.selectors import agency_of, role_of
from procedures.models import Procedure
from procedures.queues import COUNT_CAP, deadlines, queue_page, queue_rows

from .. import queue_cache
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
    number, size = filters.get("page") or 1, filters.get("size") or 20
    chosen = {key: filters.get(key) or "" for key in ("state", "procedure", "level", "unit", "due", "sort")}
    draw = partial(_table, request, number, size, chosen)
    role, agency = role_of(request.user), agency_of(request.user)
    default_view = (
        not form.errors and not any(chosen[key] for key in chosen if key != "sort") and chosen["sort"] in ("", "due")
    )
    table = queue_cache.table(role, agency, number, size, draw) if default_view and agency else draw()
    return render(
        request,
        "backoffice/queue.html",
        {"form": form, "table": mark_safe(table), "role": role, "agency": agency},  # noqa: S308 (escaped by its template)
        status=400 if form.errors else 200,
    )


def _table(request, number, size, chosen):
    """The count, the page of rows with their deadline badges, and the pager."""
    page = queue_page(request.user, number, size, **chosen)
    rows = queue_rows(list(page.object_list))
    badges = deadlines(rows)
    query = request.GET.copy()
    query.pop("page", None)
    return render_to_string(
        "backoffice/_queue_table.html",
        {
            "page_obj": page,
            "rows": [(d, badges[d.pk]) for d in rows],
            "count_cap": COUNT_CAP,
            "query": query.urlencode(),
        },
        request=request,
    )
