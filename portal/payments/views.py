"""Paying online: off to the payment platform, back with the result; and the platform's callback."""

import json

from django import forms
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from payments import services
from payments.models import PaymentStatus
from portal.citizens.views.common import citizen_required, own_dossier
from procedures.exceptions import DomainError


class BackForm(forms.Form):
    """The platform sends the browser back with our reference, under its own name for it."""

    MaThamChieu = forms.RegexField(r"^[0-9A-Za-z-]{1,40}$")


@citizen_required
@require_POST
def pay(request, pk):
    dossier = own_dossier(request, pk)
    try:
        _payment, address = services.start_online(
            dossier,
            request.user,
            return_url=request.build_absolute_uri(reverse("payments:back", args=[dossier.pk])),
            notify_url=request.build_absolute_uri(reverse("payments:callback")),
        )
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect(reverse("citizens:dossier", args=[dossier.pk]) + "#phi-le-phi")
    return redirect(address)


@citizen_required
def back(request, pk):
    """The citizen's browser back from the platform: the callback may not have come yet, so ask."""
    dossier = own_dossier(request, pk)
    form = BackForm(request.GET)
    target = reverse("citizens:dossier", args=[dossier.pk]) + "#phi-le-phi"
    if not form.is_valid():
        return redirect(target)
    payment = get_object_or_404(dossier.payments, reference=form.cleaned_data["MaThamChieu"])
    payment = services.check_pending(payment)
    text = {
        PaymentStatus.PAID: _("Đã thanh toán phí, lệ phí. Số biên lai: %(receipt)s.")
        % {"receipt": payment.receipt_number},
        PaymentStatus.PENDING: _(
            "Cổng thanh toán chưa báo kết quả; trang hồ sơ sẽ cập nhật khi có kết quả. Đừng thanh toán lại."
        ),
        PaymentStatus.CANCELLED: _("Bạn đã hủy giao dịch; chưa bị trừ tiền."),
    }.get(payment.status, _("Thanh toán không thành công; chưa bị trừ tiền. Bạn có thể thử lại."))
    (messages.success if payment.status == PaymentStatus.PAID else messages.warning)(request, text)
    return redirect(target)


@csrf_exempt  # posted by the platform, not a browser; the integrity code is the check
@require_POST
def callback(request):
    try:
        message = json.loads(request.body or b"{}")
        services.apply_callback(message)
    except (ValueError, services.CallbackRefused):
        return JsonResponse({"MaLoi": "97", "MoTa": "refused"}, status=400)
    return JsonResponse({"MaLoi": "00"})
