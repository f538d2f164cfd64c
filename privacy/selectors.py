"""What the portal holds about a person, for "Dữ liệu của tôi" and for administrators."""

from django.db.models import Q

from accounts.models import Consent
from procedures.models import Dossier
from procedures.selectors import held_by

from .models import Access, AccessLogEntry, RegistryLookup
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
    """Every officer's opening of the user's dossiers, and every reading or reuse of their store."""
    mine = Q(dossier__in=dossiers_of(user).values("pk"))
    if user.personal_id:
        mine |= Q(what__in=(Access.STORE, Access.REUSE), subject_personal_id=user.personal_id)
    return AccessLogEntry.objects.filter(mine).select_related("dossier")


def lookups_about(user):
    if not user.personal_id:
        return RegistryLookup.objects.none()
    return RegistryLookup.objects.filter(id_digest=id_digest(user.personal_id))
