"""Working-day deadlines of dossiers (DOMAIN.md §6): due times, pauses and classification, on the
shared working calendar (government.calendar)."""

from .deadlines import classify, is_at_risk, shift_deadline, warning_cutoff
from .explain import Explanation, explain

__all__ = [
    "Explanation",
    "classify",
    "explain",
    "is_at_risk",
    "shift_deadline",
    "warning_cutoff",
]
