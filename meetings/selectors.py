from django.db.models import Prefetch

from .models import AgendaItem, Ballot, Comment, DiscussionGroup, Meeting, MeetingDocument, Motion, Participant


def meetings_of(user):
    return Meeting.objects.filter(participants__user=user).select_related("agency").distinct().order_by("-starts_at")


def agenda(meeting):
    documents = MeetingDocument.objects.prefetch_related("versions").order_by("kind", "pk")
    return list(AgendaItem.objects.filter(meeting=meeting).prefetch_related(Prefetch("documents", queryset=documents)))


def participants(meeting):
    return list(
        Participant.objects.filter(meeting=meeting)
        .select_related("user", "group")
        .order_by("role", "user__last_name", "user__first_name")
    )


def record_of(meeting):
    voted = {}
    for motion_id, participant_id in Ballot.objects.filter(motion__meeting=meeting).values_list(
        "motion_id", "participant_id"
    ):
        voted.setdefault(motion_id, set()).add(participant_id)
    return {
        "participants": participants(meeting),
        "items": agenda(meeting),
        "motions": list(Motion.objects.filter(meeting=meeting).order_by("pk")),
        "groups": list(DiscussionGroup.objects.filter(meeting=meeting).order_by("name")),
        "voters_by_motion": voted,
    }


def comments_for(seat, document):
    """The comments a seat may read: all for organisers and the chair, otherwise own and shared ones."""
    rows = Comment.objects.filter(document=document).select_related("author", "version").order_by("pk")
    if seat.is_organiser or seat.is_chair:
        return rows
    return rows.filter(author=seat.user) | rows.filter(shared_with_delegates=True)
