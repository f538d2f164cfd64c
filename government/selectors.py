"""Reads of the shared base that every system needs."""

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from government.calendar import WorkingCalendar
from government.models import AdministrativeUnit, Agency, CalendarException, Role, UnitLevel


def levels_in_use() -> set[str]:
    """The unit levels the province's tree has: no district level on the two-level tree (since 1 July 2025)."""
    return set(AdministrativeUnit.objects.values_list("level", flat=True).distinct())


def is_two_level() -> bool:
    """Whether the province runs the two-level tree (no district level in force, since 1 July 2025;
    the districts a reorganisation closed stay for history)."""
    return not AdministrativeUnit.objects.filter(level=UnitLevel.DISTRICT, valid_until__isnull=True).exists()


def calendar_exceptions() -> dict[dt.date, tuple[bool, str]]:
    return {e.date: (e.is_working_day, e.reason) for e in CalendarException.objects.all()}


def working_calendar_for(agency: Agency, exceptions: dict | None = None) -> WorkingCalendar:
    """The agency's office sessions on the national calendar plus the administrator's exceptions."""
    return WorkingCalendar(agency.office_sessions, calendar_exceptions() if exceptions is None else exceptions)


def role_of(user: AbstractBaseUser | AnonymousUser | None) -> Role | None:
    """The role `user` acts in: their staff role, or citizen for any other signed-in account."""
    if user is None or not user.is_authenticated:
        return None
    staff_role = getattr(user, "staff_role", None)
    return Role(staff_role.role) if staff_role is not None else Role.CITIZEN


def agency_of(user: AbstractBaseUser | AnonymousUser | None) -> Agency | None:
    staff_role = getattr(user, "staff_role", None)
    return staff_role.agency if staff_role is not None else None


def current_unit_code(code: str) -> str:
    """The unit that now stands for unit `code`: itself, or the successor a reorganisation gave it
    (followed through every later reorganisation); `code` itself when nothing succeeds a closed unit."""
    seen = set()
    unit = AdministrativeUnit.objects.filter(code=code).only("code", "valid_until", "successor_id").first()
    while unit is not None and unit.valid_until is not None and unit.successor_id and unit.pk not in seen:
        seen.add(unit.pk)
        unit = (
            AdministrativeUnit.objects.filter(pk=unit.successor_id).only("code", "valid_until", "successor_id").first()
        )
    return unit.code if unit is not None else code
