"""Registering systems that use the API; called by the admin, the command and the tests."""

from django.db import transaction

from .models import Scope, SystemClient


@transaction.atomic
def register_system(*, name, scope=Scope.READ, agency=None, acting_user=None, contact="", expiry_date=None):
    """A new system and its key. Only the key's hash is kept: the key is shown this once."""
    client = SystemClient(
        name=name, scope=scope, agency=agency, acting_user=acting_user, contact=contact, expiry_date=expiry_date
    )
    client.full_clean(exclude=["id", "prefix", "hashed_key"])
    key = SystemClient.objects.assign_key(client)
    client.save()
    return client, key


def revoke(client):
    SystemClient.objects.filter(pk=client.pk).update(revoked=True)
