"""The signed-in user, with their staff role and agency, kept in the shared cache between requests.

Every signed-in request loads its user (one joined query and its SQL compilation: about 2 ms of the
2.5 ms a signed-in request costs before its view runs, bench/floor.py). The copy lives under the
user's id for SIGNED_IN_USER_CACHE_SECONDS and is dropped whenever the user, their role or their
agency is saved or deleted (receivers below), so a password change, a deactivation or a new role
counts on the next request. Only with a cache shared by every worker (Redis): a per-process cache
would keep a deactivated account signed in on the other workers, so without Redis the setting is 0.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from government.models import Agency, StaffRole


def key(user_id):
    return f"signed-in-user:v1:{user_id}"


def load(user_id):
    """The user with role and agency, from the cache or the database; None if there is no such user."""
    seconds = settings.SIGNED_IN_USER_CACHE_SECONDS
    user = cache.get(key(user_id)) if seconds else None
    if user is None:
        user = get_user_model()._default_manager.select_related("staff_role__agency").filter(pk=user_id).first()
        if user is not None and seconds:
            cache.set(key(user_id), user, seconds)
    return user


def forget(user_ids):
    cache.delete_many([key(user_id) for user_id in user_ids])


def _user_changed(sender, instance, **kwargs):
    forget([instance.pk])


def _role_changed(sender, instance, **kwargs):
    forget([instance.user_id])


def _agency_changed(sender, instance, **kwargs):
    forget(StaffRole.objects.filter(agency=instance).values_list("user_id", flat=True))


def connect():
    for signal in (post_save, post_delete):
        signal.connect(_user_changed, sender=settings.AUTH_USER_MODEL, dispatch_uid=f"signed-in-user-{signal}")
        signal.connect(_role_changed, sender=StaffRole, dispatch_uid=f"signed-in-role-{signal}")
        signal.connect(_agency_changed, sender=Agency, dispatch_uid=f"signed-in-agency-{signal}")
