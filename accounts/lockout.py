"""Wrong passwords: counted per account (whatever name was typed) at each client address, and per
address over all accounts.

django-axes keeps the per-account count and the lock (AXES_LOCKOUT_PARAMETERS pairs the account with
the address, so that someone elsewhere cannot lock an officer out of their own desk); the cache
keeps the per-address count, which stops one address from trying password after password on many
accounts. An administrator lifts a lock from the user list (`unlock`).
"""

from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from government import ratelimit

SCOPE = "sign-in-failures"


def account_name(request, credentials):
    """The account a sign-in attempt is for: a personal ID typed counts against the account it belongs to."""
    typed = str((credentials or {}).get("username") or (request.POST.get("username", "") if request else "")).strip()
    if len(typed) == 12 and typed.isdigit():
        username = get_user_model().objects.filter(personal_id=typed).values_list("username", flat=True).first()
        if username:
            return username
    return typed[:150]


def address_wait(request):
    """Seconds before this address may try again (0: it may)."""
    limit, window = settings.SIGN_IN_ADDRESS_LIMIT
    return ratelimit.peek(SCOPE, ratelimit.client_ip(request), limit=limit, window=window)


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs):
    if request is not None:
        limit, window = settings.SIGN_IN_ADDRESS_LIMIT
        ratelimit.hit(SCOPE, ratelimit.client_ip(request), limit=limit, window=window)


def unlock(user):
    """Lift every sign-in lock on the account, from every address; returns how many records went."""
    return reset(username=user.username)
