from .agencies import Agency, AgencyKind, Desk
from .calendar import CalendarException
from .catalog import CaseBasis, CopyKind, Field, OnlineServiceLevel, Procedure, RequiredDocument, RouteStep, parse_point, point_key
from .dossiers import (
    Channel,
    Dossier,
    DossierCodeSequence,
    DossierState,
    DossierStep,
    IdentityStatus,
    IN_PROGRESS,
    ON_THE_BOOKS,
    Outcome,
    ResultDelivery,
    StopGround,
    Timeliness,
)
from .documents import (
    ComponentForm,
    DossierComponent,
    DossierDocument,
    PendingUpload,
    SatisfactionRating,
    UnscannedReason,
)
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
    "parse_point",
    "point_key",
    "CaseBasis",
    "Channel",
    "ComponentForm",
    "CopyKind",
    "DossierComponent",
    "PendingUpload",
    "UnscannedReason",
    "Desk",
    "Dossier",
    "DossierCodeSequence",
    "DossierDocument",
    "DossierEvent",
    "DossierEventFile",
    "DossierState",
    "DossierStep",
    "Field",
    "IdentityStatus",
    "ON_THE_BOOKS",
    "OnlineServiceLevel",
    "Outcome",
    "Procedure",
    "ResultDelivery",
    "RequiredDocument",
    "Role",
    "RouteStep",
    "SatisfactionRating",
    "StaffRole",
    "StopGround",
    "Timeliness",
    "UnitLevel",
]
