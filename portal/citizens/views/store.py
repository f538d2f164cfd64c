""" "Kho dữ liệu của tôi": the results issued to the citizen and the papers of theirs that may be reused
(issue 39). Keyed by the personal ID: what a desk issued or digitised for a walk-in citizen is here as
soon as they sign in."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from government.downloads import download
from government.signing import check_signatures
from procedures.exceptions import DomainError
from procedures.models import StoredDocument
from procedures.selectors import store_of
from procedures.services import store

from ..forms import StoreUploadForm
from .common import citizen_required


@citizen_required
def my_store(request):
    personal_id = store.owner_of_store(request.user)
    form = StoreUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = store.add_upload(
                request.user, form.cleaned_data["kind"], form.cleaned_data["file"], title=form.cleaned_data["title"]
            )
        except DomainError as error:
            form.add_error("file", str(error.message))
        else:
            messages.success(request, _("Đã lưu “%(title)s” vào kho dữ liệu của bạn.") % {"title": item.title})
            return redirect("citizens:store")
    items = list(store_of(personal_id).select_related("result_file", "dossier")) if personal_id else []
    today = timezone.localdate()
    return render(
        request,
        "citizens/store.html",
        {
            "form": form,
            "results": [i for i in items if i.source == "result"],
            "papers": [i for i in items if i.source != "result"],
            "today": today,
            "verified": personal_id is not None,
        },
        status=400 if form.errors else 200,
    )


def _own_item(request, pk):
    return get_object_or_404(
        StoredDocument, pk=pk, personal_id=store.owner_of_store(request.user) or "-", removed_at__isnull=True
    )


@citizen_required
def store_file(request, pk):
    item = _own_item(request, pk)
    return download(item.file, item.name, item.content_type)


@citizen_required
def store_check(request, pk):
    """The paper's signatures checked on its bytes now, as the public verification page does."""
    item = _own_item(request, pk)
    with item.file.open("rb") as handle:
        signatures = check_signatures(handle.read()) if item.content_type == "application/pdf" else []
    return render(
        request,
        "citizens/store_check.html",
        {"item": item, "signatures": signatures, "all_valid": bool(signatures) and all(s.valid for s in signatures)},
    )


@citizen_required
@require_POST
def store_remove(request, pk):
    try:
        item = store.remove(request.user, pk)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("Đã xóa “%(title)s” khỏi kho dữ liệu. Hồ sơ đã dùng giấy tờ này vẫn giữ bản của hồ sơ.")
            % {"title": item.title},
        )
    return redirect("citizens:store")
