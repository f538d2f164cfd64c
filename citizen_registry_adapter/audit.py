"""The lookup log: who asked, for which dossier, when, and what came of it.

Only the masked ID and the outcome are written; what the registry returned never is.
"""

import logging

from .personal_id import mask

logger = logging.getLogger("citizen_registry_adapter.lookups")


def log_lookup(*, actor, purpose, personal_id, outcome, duration_ms, cached=False):
    logger.info(
        "registry lookup actor=%s purpose=%s id=%s outcome=%s cached=%s duration_ms=%.1f",
        actor or "-", purpose or "-", mask(personal_id), outcome, "yes" if cached else "no", duration_ms,
        extra={"registry_outcome": outcome},
    )
