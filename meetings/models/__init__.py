from .documents import Annotation, AnnotationKind, Comment, DocumentKind, DocumentVersion, MeetingDocument
from .floor import (
    RULE_OF_KIND,
    SECRET_KINDS,
    Ballot,
    Choice,
    GroupMessage,
    MajorityRule,
    Motion,
    MotionKind,
    SpeechRequest,
    SpeechState,
)
from .meetings import (
    VOTING_ROLES,
    AgendaItem,
    DiscussionGroup,
    Meeting,
    Participant,
    ParticipantRole,
    new_qr_key,
)

__all__ = [
    "AgendaItem", "Annotation", "AnnotationKind", "Ballot", "Choice", "Comment", "DiscussionGroup", "DocumentKind",
    "DocumentVersion", "GroupMessage", "MajorityRule", "Meeting", "MeetingDocument", "Motion", "MotionKind", "Participant",
    "ParticipantRole", "RULE_OF_KIND", "SECRET_KINDS", "SpeechRequest", "SpeechState", "VOTING_ROLES", "new_qr_key",
]
