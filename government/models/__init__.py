from .agencies import Agency, AgencyKind, Desk
from .calendar import CalendarException
from .staff import AGENCY_BOUND_ROLES, Authority, Role, StaffRole
from .units import AdministrativeUnit, UnitLevel

__all__ = [
    "AGENCY_BOUND_ROLES",
    "AdministrativeUnit",
    "Agency",
    "AgencyKind",
    "CalendarException",
    "Desk",
    "Authority",
    "Role",
    "StaffRole",
    "UnitLevel",
]
