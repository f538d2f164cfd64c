"""What the portal holds about a person, for "Dữ liệu của tôi" and for administrators."""

from accounts.models import Consent
from procedures.models import Dossier
from procedures.selectors import held_by

from .models import AccessLogEntry, RegistryLookup
from .services import id_digest


def dossiers_of(user):
    """Dossiers about `user`: those of their account, and, once the registry confirmed who they are,
    those filed under their personal ID at a counter."""
    return (
        Dossier.objects.filter(held_by(user))
        .select_related("procedure", "receiving_agency")
        .order_by("-created_at", "-pk")
        .distinct()
    )


def consents_of(user):
    return Consent.objects.filter(user=user).order_by("purpose", "given_at", "pk")


def accesses_to(user):
    return AccessLogEntry.objects.filter(dossier__in=dossiers_of(user).values("pk")).select_related("dossier")


def lookups_about(user):
    if not user.personal_id:
        return RegistryLookup.objects.none()
    return RegistryLookup.objects.filter(id_digest=id_digest(user.personal_id))
