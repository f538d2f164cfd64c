from .files import DocumentFile
from .incoming import Assignment, AssignmentRole, Channel, IncomingDocument, IncomingState, Outcome, ProgressNote
from .outgoing import Delivery, DeliveryStatus, ExternalDelivery, OutgoingDocument, OutgoingState
from .registers import Direction, DocumentType, RegisterSequence, Urgency

__all__ = [
    "Assignment",
    "AssignmentRole",
    "Channel",
    "Delivery",
    "DeliveryStatus",
    "Direction",
    "DocumentFile",
    "DocumentType",
    "ExternalDelivery",
    "IncomingDocument",
    "IncomingState",
    "Outcome",
    "OutgoingDocument",
    "OutgoingState",
    "ProgressNote",
    "RegisterSequence",
    "Urgency",
]
