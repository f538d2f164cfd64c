"""Checking applicants against the National Population Database.

A registry that is down never stops a dossier: the dossier stays "identity not yet verified" and
`verify_pending_identities` (the `verify_identities` command) tries again later.
"""

from citizen_registry_adapter.errors import (
    CitizenNotFound,
    InvalidPersonalId,
    InvalidResponse,
    RegistryUnavailable,
)
from citizen_registry_adapter.registry import get_registry
from procedures.models import IN_PROGRESS, Dossier, IdentityStatus


def identity_report(dossier, *, actor="", registry=None):
    """Compare the applicant's declared name (and birth date) with the registry and store the status.

    Returns (status, per-field results or None, message or None); a registry that cannot answer
    leaves the status as it was and says so in the message.
    """
    registry = registry or get_registry()
    declared = {"personal_id": dossier.applicant_personal_id, "full_name": dossier.applicant_name}
    if dossier.applicant_date_of_birth:
        declared["date_of_birth"] = f"{dossier.applicant_date_of_birth:%d/%m/%Y}"
    results, message = None, None
    try:
        verification = registry.verify(declared, purpose=dossier.code or f"draft-{dossier.pk}", actor=actor)
    except (RegistryUnavailable, InvalidResponse) as error:
        return dossier.identity_status, None, error.message
    except (CitizenNotFound, InvalidPersonalId) as error:
        status, message = IdentityStatus.MISMATCH, error.message
    else:
        status = IdentityStatus.VERIFIED if verification.matches else IdentityStatus.MISMATCH
        results = verification.results
    # Only this column: the dossier may be moving through its lifecycle at the same moment.
    Dossier.objects.filter(pk=dossier.pk).update(identity_status=status)
    dossier.identity_status = status
    return status, results, message


def verify_applicant(dossier, *, actor="", registry=None):
    """The identity status after checking the applicant against the registry."""
    return identity_report(dossier, actor=actor, registry=registry)[0]


def verify_pending_identities(*, actor="verify_identities", registry=None, limit=None):
    """Retry every filed, undecided dossier still waiting for the registry; counts by outcome."""
    registry = registry or get_registry()
    pending = Dossier.objects.filter(identity_status=IdentityStatus.NOT_VERIFIED, state__in=IN_PROGRESS).order_by("pk")
    counts = {status: 0 for status in IdentityStatus.values}
    for dossier in pending[:limit] if limit else pending:
        counts[verify_applicant(dossier, actor=actor, registry=registry)] += 1
    return counts
