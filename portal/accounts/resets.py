"""Password reset doors (the citizens' /tai-khoan/quen-mat-khau/ and Wagtail's /cms/password_reset/),
limited per client address and per typed e-mail address. Whether an account has that address or
not, the answer is the same: the page that says a message was sent, or, over the limit, the wait."""

import hashlib
from functools import wraps

from django import forms
from django.conf import settings
from django.shortcuts import render

from government import ratelimit


class _Typed(forms.Form):
    email = forms.EmailField(max_length=254)


def reset_wait(request):
    """Count this request; the seconds to wait if the address or the e-mail is over its limit, else 0.
    The e-mail is counted as a digest: no address anybody typed becomes a key in the shared cache."""
    per_address, per_account, window = settings.PASSWORD_RESET_RATE_LIMIT
    waits = [ratelimit.hit("password-reset-address", ratelimit.client_ip(request), limit=per_address, window=window)]
    typed = _Typed(request.POST)
    if typed.is_valid():
        digest = hashlib.sha256(typed.cleaned_data["email"].lower().encode()).hexdigest()
        waits.append(ratelimit.hit("password-reset-account", digest, limit=per_account, window=window))
    return max(waits)


def reset_limited(view):
    @wraps(view)
    def limited(request, *args, **kwargs):
        if request.method == "POST":
            wait = reset_wait(request)
            if wait:
                return render(request, "accounts/reset_limited.html", {"minutes": ratelimit.minutes(wait)}, status=429)
        return view(request, *args, **kwargs)

    return limited
