from .agencies import Agency, AgencyKind
from .calendar import CalendarException
from .catalog import CopyKind, Field, OnlineServiceLevel, Procedure, RequiredDocument, RouteStep
from .dossiers import (
    Channel,
    Dossier,
    DossierCodeSequence,
    DossierState,
    DossierStep,
    IdentityStatus,
    IN_PROGRESS,
    Outcome,
    ResultDelivery,
    Timeliness,
)
from .documents import DossierDocument, SatisfactionRating
from .events import AppendOnlyError, DossierEvent, DossierEventFile
from .staff import Role, StaffRole
from .stats import COUNTERS, MonthlyStat, WeeklyStat
from .units import AdministrativeUnit, UnitLevel

__all__ = [
    "AdministrativeUnit",
    "Agency",
    "AgencyKind",
    "AppendOnlyError",
    "CalendarException",
    "COUNTERS",
    "MonthlyStat",
    "WeeklyStat",
    "Channel",
    "CopyKind",
    "Dossier",
    "DossierCodeSequence",
    "DossierDocument",
    "DossierEvent",
    "DossierEventFile",
    "DossierState",
    "DossierStep",
    "Field",
    "IdentityStatus",
    "OnlineServiceLevel",
    "Outcome",
    "Procedure",
    "ResultDelivery",
    "RequiredDocument",
    "Role",
    "RouteStep",
    "SatisfactionRating",
    "StaffRole",
    "Timeliness",
    "UnitLevel",
]
