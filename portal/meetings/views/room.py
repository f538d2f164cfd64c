"""The meeting's own page (the agenda, speakers, votes) and the group discussion."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from meetings import policy, selectors
from meetings.models import DiscussionGroup, Motion, SpeechRequest
from meetings.services import floor, meetings

from ..forms import MessageForm, MotionForm, SpeakForm, SpeechMoveForm, SplitForm, SummaryForm, VoteForm
from .common import act, refusal, submit, with_seat


@login_required
def meeting_list(request):
    return render(
        request,
        "meetings/list.html",
        {"meetings": selectors.meetings_of(request.user), "may_create": policy.may_create_meetings(request.user)},
    )


@with_seat
def room(request, meeting, seat):
    motions = list(Motion.objects.filter(meeting=meeting).order_by("-pk"))
    open_motion = next((m for m in motions if m.is_open), None)
    voted = set(seat.ballots.values_list("motion_id", flat=True))
    groups = (
        list(meeting.groups.all()) if (seat.is_chair or seat.is_organiser) else ([seat.group] if seat.group else [])
    )
    speakers = floor.speech_queue(meeting)
    counts = floor.tallies(motions)
    return render(
        request,
        "meetings/room.html",
        {
            "meeting": meeting,
            "seat": seat,
            "items": selectors.agenda(meeting),
            "speakers": speakers,
            "motions": [(m, counts[m.pk]) for m in motions],
            "open_motion": open_motion,
            "voted": open_motion is not None and open_motion.pk in voted,
            "groups": groups,
            "vote_form": VoteForm(),
            "speak_form": SpeakForm(meeting=meeting),
            "motion_form": MotionForm(meeting=meeting),
            "split_form": SplitForm(),
            "my_request": next((s for s in speakers if s.participant_id == seat.pk), None),
        },
    )


@require_POST
@with_seat
def speak(request, meeting, seat):
    return submit(
        request,
        SpeakForm(request.POST, meeting=meeting),
        lambda data: floor.request_to_speak(request.user, meeting, **data),
        _("Đã đăng ký phát biểu."),
        _room(meeting),
    )


@require_POST
@with_seat
def move_speech(request, meeting, seat, speech_id):
    speech = get_object_or_404(SpeechRequest, pk=speech_id, participant__meeting=meeting)
    return submit(
        request,
        SpeechMoveForm(request.POST),
        lambda data: floor.move_speech(request.user, speech, data["state"]),
        None,
        _room(meeting),
    )


@require_POST
@with_seat
def open_motion(request, meeting, seat):
    return submit(
        request,
        MotionForm(request.POST, meeting=meeting),
        lambda data: floor.open_motion(request.user, meeting, **data),
        _("Đã mở biểu quyết."),
        _room(meeting),
    )


@require_POST
@with_seat
def vote(request, meeting, seat, motion_id):
    motion = get_object_or_404(Motion.objects.select_related("meeting"), pk=motion_id, meeting=meeting)
    return submit(
        request,
        VoteForm(request.POST),
        lambda data: floor.cast_ballot(request.user, motion, data["choice"]),
        _("Đã ghi nhận biểu quyết của anh/chị."),
        _room(meeting),
    )


@require_POST
@with_seat
def close_motion(request, meeting, seat, motion_id):
    motion = get_object_or_404(Motion.objects.select_related("meeting"), pk=motion_id, meeting=meeting)
    return act(request, lambda: floor.close_motion(request.user, motion), _("Đã kết thúc biểu quyết."), _room(meeting))


@require_POST
@with_seat
def split(request, meeting, seat):
    return submit(
        request,
        SplitForm(request.POST),
        lambda data: meetings.split_into_groups(request.user, meeting, data["count"]),
        _("Đã chia tổ thảo luận."),
        _room(meeting),
    )


@with_seat
def group(request, meeting, seat, group_id):
    group_ = get_object_or_404(DiscussionGroup, pk=group_id, meeting=meeting)
    if not policy.reads_group(seat, group_):
        return refusal(request, _("Anh/chị không thuộc tổ thảo luận này."))
    back = request.path
    if request.method == "POST":
        if "summary" in request.POST:
            return submit(
                request,
                SummaryForm(request.POST),
                lambda data: floor.write_summary(request.user, group_, data["summary"]),
                _("Đã lưu tóm tắt ý kiến của tổ."),
                back,
            )
        return submit(
            request,
            MessageForm(request.POST),
            lambda data: floor.post_message(request.user, group_, data["text"]),
            None,
            back,
        )
    thread = floor.messages_after(request.user, group_)
    return render(
        request,
        "meetings/group.html",
        {
            "meeting": meeting,
            "seat": seat,
            "group": group_,
            "thread": thread,
            "last_id": thread[-1]["id"] if thread else 0,
            "members": group_.members.select_related("user"),
            "may_write": policy.writes_in_group(seat, group_),
            "message_form": MessageForm(),
            "summary_form": SummaryForm(initial={"summary": group_.summary}),
            "may_summarise": seat.group_id == group_.pk and seat.is_secretary,
        },
    )


def _room(meeting):
    return reverse("meetings:room", args=[meeting.pk])
