"""The lookup log: who asked, for which dossier, when, and what came of it.

Only the masked ID and the outcome are written; what the registry returned never is. The
`lookup_logged` signal lets the portal keep its own record (privacy/: "who looked me up?").
"""

import logging

from django.dispatch import Signal

from .personal_id import mask

logger = logging.getLogger("citizen_registry_adapter.lookups")
# Sent after each look-up with actor, purpose, personal_id, outcome, cached.
lookup_logged = Signal()


def log_lookup(*, actor, purpose, personal_id, outcome, duration_ms, cached=False):
    logger.info(
        "registry lookup actor=%s purpose=%s id=%s outcome=%s cached=%s duration_ms=%.1f",
        actor or "-",
        purpose or "-",
        mask(personal_id),
        outcome,
        "yes" if cached else "no",
        duration_ms,
        extra={"registry_outcome": outcome},
    )
    lookup_logged.send(
        sender=None, actor=actor, purpose=purpose, personal_id=personal_id, outcome=outcome, cached=cached
    )
