"""Staff second factor: TOTP enrolment with a QR code, single-use backup codes, verification.

Built on django-otp's TOTP and static devices; this module only decides the steps.
"""

import secrets

from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10
AUTHENTICATOR = "authenticator"


def confirmed_totp(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def enrolled_ids(users):
    """Which of `users` have a confirmed authenticator, in one query."""
    return set(TOTPDevice.objects.filter(user__in=users, confirmed=True).values_list("user_id", flat=True))


def pending_totp(user):
    """The device being enrolled: the same secret until confirmed, so a reload keeps the QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def confirm_totp(device, token):
    """Confirm enrolment with a first code; returns the fresh backup codes, or None if the code is wrong."""
    if not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return issue_backup_codes(device.user)


def issue_backup_codes(user):
    """Replace any earlier backup codes with new single-use ones; shown once, stored as django-otp keeps them."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="backup", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(user, token):
    """(the device that accepts `token`, a TOTP code or an unused backup code, or None; seconds to wait).

    A device that django-otp is throttling after wrong codes is not even asked: the wait is returned
    so that the page can say how long, instead of reading like one more wrong code."""
    token = "".join(token.split())
    waits = []
    for device in devices_for_user(user, confirmed=True):
        allowed, data = device.verify_is_allowed()
        if not allowed:
            locked_until = (data or {}).get("locked_until")
            waits.append(max(1, int((locked_until - timezone.now()).total_seconds()) + 1) if locked_until else 60)
            continue
        if device.verify_token(token):
            return device, 0
    return None, min(waits) if waits else 0
