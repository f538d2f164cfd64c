"""The access log and the look-up log: written here, read in selectors.py (consents: accounts.consent)."""

import hashlib
import hmac

from django.conf import settings

from citizen_registry_adapter.personal_id import mask
from government.selectors import agency_of

from .models import AccessLogEntry, RegistryLookup


def record_access(officer, dossier, what, item=""):
    return _entry(officer, dossier.applicant_personal_id, what, item=item, dossier=dossier)


def record_store_use(sender=None, *, actor, personal_id, what, item="", dossier=None, legal_ground="", **kwargs):
    """Receiver of procedures.signals.store_used: a store read by an officer, or a paper of it reused."""
    return _entry(actor, personal_id, what, item=item, dossier=dossier, legal_ground=legal_ground)


def _entry(actor, personal_id, what, *, item="", dossier=None, legal_ground=""):
    agency = agency_of(actor)
    return AccessLogEntry.objects.create(
        officer=actor,
        officer_name=actor.get_full_name() or actor.username,
        agency_name=agency.name if agency else "",
        dossier=dossier,
        subject_personal_id=personal_id,
        what=what,
        item=str(item)[:255],
        legal_ground=str(legal_ground)[:255],
    )


def id_digest(personal_id):
    """A keyed digest of a personal ID: the same ID always gives the same digest, and the digest alone
    cannot be turned back into the ID without the server's key."""
    key = hashlib.sha256(("privacy-id-digest:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, str(personal_id).encode(), hashlib.sha256).hexdigest()


def record_lookup(sender=None, *, actor, purpose, personal_id, outcome, cached=False, **kwargs):
    """Receiver of citizen_registry_adapter.audit.lookup_logged."""
    RegistryLookup.objects.create(
        id_digest=id_digest(personal_id),
        masked_id=mask(personal_id)[:12],
        actor=str(actor or "")[:150],
        purpose=str(purpose or "")[:100],
        outcome=str(outcome)[:30],
        cached=cached,
    )
