from .documents import Annotation, AnnotationKind, Comment, DocumentKind, DocumentVersion, MeetingDocument
from .floor import Ballot, Choice, GroupMessage, Motion, SpeechRequest, SpeechState
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
    "DocumentVersion", "GroupMessage", "Meeting", "MeetingDocument", "Motion", "Participant", "ParticipantRole",
    "SpeechRequest", "SpeechState", "VOTING_ROLES", "new_qr_key",
]
