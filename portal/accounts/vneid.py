"""Citizen sign-in and sign-out with VNeID (vneid_adapter does the protocol)."""

import logging

from django import forms
from django.contrib import messages
from django.contrib.auth import login, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import assurance
from accounts.services import VneidAccountRefused, account_for_identity
from portal.forms import NextForm
from vneid_adapter import client
from vneid_adapter.errors import ProviderUnavailable, SignInFailed

log = logging.getLogger(__name__)
SESSION_NEXT = "vneid_next"


class LevelForm(forms.Form):
    muc = forms.TypedChoiceField(choices=[("1", "1"), ("2", "2")], coerce=int, required=False)


def start(request):
    """“Đăng nhập bằng VNeID”: off to the provider, asking for level 2 unless a lower one is asked."""
    form = LevelForm(request.GET)
    level = (form.cleaned_data.get("muc") if form.is_valid() else None) or 2
    request.session[SESSION_NEXT] = NextForm.target(request, reverse("citizens:my_dossiers"))
    try:
        return client.sign_in_redirect(
            request, request.build_absolute_uri(reverse("accounts:vneid_callback")), level=level
        )
    except SignInFailed as error:
        return _failed(request, error)


def callback(request):
    try:
        identity, id_token = client.complete(request)
        user = account_for_identity(identity)
    except SignInFailed as error:
        return _failed(request, error)
    except VneidAccountRefused as refused:
        return render(request, "accounts/vneid_failed.html", {"message": refused.message}, status=403)
    target = request.session.pop(SESSION_NEXT, None) or reverse("citizens:my_dossiers")
    login(request, user, backend="accounts.backends.PersonalIdBackend")
    assurance.remember(request, identity.assurance, id_token)
    messages.success(request, _signed_in_message(user, identity.assurance))
    return redirect(target)


def _signed_in_message(user, level):
    return _("Xin chào %(name)s. Bạn đã đăng nhập bằng tài khoản định danh điện tử mức độ %(level)s.") % {
        "name": user.get_full_name(),
        "level": level,
    }


def _failed(request, error):
    log.warning("VNeID sign-in failed: %s", error.reason)
    return render(
        request,
        "accounts/vneid_failed.html",
        {"message": error.message},
        status=502 if isinstance(error, ProviderUnavailable) else 400,
    )


@require_POST
def sign_out(request):
    """Ends the session here and, for a VNeID sign-in, at the provider too (RP-initiated logout)."""
    id_token = request.session.get(assurance.SESSION_ID_TOKEN)
    logout(request)
    if id_token:
        url = client.logout_url(id_token, request.build_absolute_uri(reverse("accounts:vneid_signed_out")))
        if url:
            return redirect(url)
    return redirect("/")


def signed_out(request):
    messages.success(request, _("Bạn đã đăng xuất khỏi Cổng dịch vụ công và khỏi VNeID."))
    return redirect("/")
