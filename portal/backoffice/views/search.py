from django.shortcuts import render

from procedures.models import Procedure
from search.backends.base import DossierQuery
from search.services import find_dossiers

from ..forms import DossierSearchForm
from .common import staff_required

PAGE = 50


@staff_required
def search(request):
    form = DossierSearchForm(request.GET or None, procedures=Procedure.objects.filter(is_active=True).only("name"))
    results, total, capped = [], None, False
    if request.GET and form.is_valid():
        data = form.cleaned_data
        query = DossierQuery(
            code=data["code"],
            name=data["name"],
            personal_id=data["personal_id"],
            procedure_id=int(data["procedure"]) if data["procedure"] else None,
            state=data["state"],
            received_from=data["received_from"],
            received_to=data["received_to"],
            timeliness=data["timeliness"],
            declared=data["declared"],
        )
        if not query.empty:
            results, total, capped = find_dossiers(request.user, query, limit=PAGE)
    return render(
        request,
        "backoffice/search.html",
        {"form": form, "results": results, "total": total, "capped": capped, "limit": PAGE},
    )
