"""Working-day deadlines (DOMAIN.md §6): the calendar, due times, pauses and classification."""

from .calendar import DEFAULT_SESSIONS, CalendarError, WorkingCalendar
from .deadlines import classify, is_at_risk, shift_deadline, warning_cutoff
from .explain import Explanation, explain

__all__ = [
    "DEFAULT_SESSIONS",
    "CalendarError",
    "Explanation",
    "WorkingCalendar",
    "classify",
    "explain",
    "is_at_risk",
    "shift_deadline",
    "warning_cutoff",
]
