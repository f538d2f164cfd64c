"""An account holder's consents per purpose: given, withdrawn, asked about. Each is a record with the
terms shown; a withdrawal ends it and a new agreement starts another."""

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Consent, User


def give_consent(user: User, purpose: str, *, method: str, at: dt.datetime | None = None) -> Consent:
    """Record that `user` agrees to `purpose` under the current terms; an active consent stays as it is."""
    active = Consent.objects.filter(user=user, purpose=purpose, withdrawn_at__isnull=True).first()
    if active is not None:
        return active
    try:
        with transaction.atomic():
            return Consent.objects.create(
                user=user,
                purpose=purpose,
                method=method,
                given_at=at or timezone.now(),
                terms_version=settings.PRIVACY_TERMS_VERSION,
            )
    except IntegrityError:  # given a moment ago in another request
        return Consent.objects.get(user=user, purpose=purpose, withdrawn_at__isnull=True)


def withdraw_consent(user: User, purpose: str, *, at: dt.datetime | None = None) -> bool:
    """From now on `purpose` is not used for `user`; returns whether there was a consent to withdraw."""
    return (
        Consent.objects.filter(user=user, purpose=purpose, withdrawn_at__isnull=True).update(
            withdrawn_at=at or timezone.now()
        )
        > 0
    )


def has_consent(user: User | None, purpose: str) -> bool:
    return user is not None and Consent.objects.filter(user=user, purpose=purpose, withdrawn_at__isnull=True).exists()
