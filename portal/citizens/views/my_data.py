""" "Dữ liệu của tôi": what the portal holds about the citizen, their consents, and who opened their dossiers."""

import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.consent import give_consent, withdraw_consent
from accounts.models import Method, Purpose
from privacy.export import personal_data, summary_pdf
from privacy.selectors import accesses_to, consents_of, dossiers_of, lookups_about

from ..forms import ConsentForm
from .common import citizen_required


def _active(consents):
    return {c.purpose for c in consents if c.withdrawn_at is None}


@citizen_required
def my_data(request):
    user = request.user
    consents = list(consents_of(user))
    return render(
        request,
        "citizens/my_data.html",
        {
            "form": ConsentForm(active=_active(consents)),
            "consents": consents,
            "dossier_count": dossiers_of(user).count(),
            "accesses": accesses_to(user)[:100],
            "lookups": lookups_about(user)[:100],
        },
    )


@citizen_required
@require_POST
def change_consents(request):
    form = ConsentForm(request.POST, active=_active(consents_of(request.user)))
    if form.is_valid():
        for purpose in Purpose:
            if form.cleaned_data[purpose.value]:
                give_consent(request.user, purpose, method=Method.SETTINGS)
            else:
                withdraw_consent(request.user, purpose)
        messages.success(request, _("Đã lưu lựa chọn của bạn. Thay đổi có hiệu lực ngay từ bây giờ."))
    return redirect("citizens:my_data")


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@citizen_required
def my_data_json(request):
    content = json.dumps(personal_data(request.user), ensure_ascii=False, indent=2)
    return _download(content.encode(), "application/json; charset=utf-8", "du-lieu-cua-toi.json")


@citizen_required
def my_data_pdf(request):
    return _download(summary_pdf(personal_data(request.user)), "application/pdf", "du-lieu-cua-toi.pdf")
