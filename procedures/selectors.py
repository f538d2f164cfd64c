"""Reads of the procedures domain, shared by views, admin, commands and services."""

from django.db.models import Count, Q

from procedures.models import CalendarException, Procedure
from procedures.sla import WorkingCalendar


def calendar_exceptions():
    return {e.date: (e.is_working_day, e.reason) for e in CalendarException.objects.all()}


def working_calendar_for(agency, exceptions=None):
    """The agency's office sessions on the national calendar plus the administrator's exceptions."""
    return WorkingCalendar(agency.office_sessions, calendar_exceptions() if exceptions is None else exceptions)


def catalog_summary():
    """Counts shown on the portal's home page."""
    procedures = Procedure.objects.filter(is_active=True)
    return procedures.aggregate(
        total=Count("id"),
        full_online=Count("id", filter=Q(online_level="full")),
    )

