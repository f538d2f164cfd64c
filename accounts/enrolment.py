"""Enrolment codes for the staff second factor: issued by an administrator, or by a leader for the
staff of their own agency; single use, expiring, stored only as a hash."""

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone
from django.utils.translation import gettext as _

from government.exceptions import DomainError
from government.models import Role
from government.selectors import agency_of, role_of

from .models import EnrolmentCode, User


class NotAllowed(DomainError):
    pass


def may_issue(issuer: User, user: User) -> bool:
    if issuer.is_superuser or role_of(issuer) == Role.ADMINISTRATOR:
        return True
    return (
        role_of(issuer) == Role.LEADER
        and user.pk != issuer.pk
        and agency_of(user) is not None
        and agency_of(user) == agency_of(issuer)
    )


def issue(user: User, issued_by: User | None = None, *, now: dt.datetime | None = None) -> str:
    """A fresh code for `user` (earlier unused ones stop working); returns it as the person must type it.
    `issued_by` None: from the command line, by whoever runs the server."""
    if issued_by is not None and not may_issue(issued_by, user):
        raise NotAllowed(_("Bạn không được cấp mã cho tài khoản này."))
    now = now or timezone.now()
    digits = f"{secrets.randbelow(10**10):010d}"
    EnrolmentCode.objects.filter(user=user, used_at__isnull=True).delete()
    EnrolmentCode.objects.create(
        user=user,
        issued_by=issued_by,
        code_hash=make_password(digits),
        expires_at=now + dt.timedelta(hours=settings.OTP_ENROLMENT_CODE_HOURS),
    )
    return f"{digits[:5]}-{digits[5:]}"


def redeem(user: User, typed: str, *, now: dt.datetime | None = None) -> EnrolmentCode | None:
    """The unexpired, unused code of `user` matching `typed`, or None."""
    digits = "".join(ch for ch in str(typed) if ch.isdigit())
    if len(digits) != 10:
        return None
    now = now or timezone.now()
    for code in EnrolmentCode.objects.filter(user=user, used_at__isnull=True, expires_at__gt=now):
        if check_password(digits, code.code_hash):
            return code
    return None


def mark_used(code_id: int, *, now: dt.datetime | None = None) -> None:
    EnrolmentCode.objects.filter(pk=code_id, used_at__isnull=True).update(used_at=now or timezone.now())
