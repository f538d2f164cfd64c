"""What happens in the hall: group discussion, speaking requests and votes. Each change is pushed
live to the browsers concerned (live.py)."""

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import live, policy
from ..models import Ballot, Choice, GroupMessage, Motion, Participant, SpeechRequest, SpeechState
from ..policy import NotAllowed, require
from .meetings import _chair_or_organiser

MAX_MESSAGE = 4000


def message_payload(message):
    return {"id": message.pk, "group": message.group_id, "author": message.author.get_full_name()
            or message.author.get_username(), "text": message.text,
            "at": timezone.localtime(message.created_at).strftime("%H:%M")}


@transaction.atomic
def post_message(user, group, text):
    seat = policy.seat_of(user, group.meeting)
    require(policy.writes_in_group(seat, group), _("Anh/chị không thuộc tổ thảo luận này."))
    text = (text or "").strip()
    if not text:
        raise NotAllowed(_("Ý kiến chưa có nội dung."))
    if len(text) > MAX_MESSAGE:
        raise NotAllowed(_("Ý kiến dài quá %(limit)s ký tự.") % {"limit": MAX_MESSAGE})
    if group.meeting.is_over:
        raise NotAllowed(_("Kỳ họp đã kết thúc; các tổ không thảo luận thêm."))
    message = GroupMessage.objects.create(group=group, author=user, text=text)
    live.send(live.group_channel(group.pk), "message", message_payload(message))
    return message


def messages_after(user, group, after_id=0, limit=500):
    """What a (re)connecting browser missed: the group's messages after the last one it has."""
    require(policy.reads_group(policy.seat_of(user, group.meeting), group))
    rows = group.messages.filter(pk__gt=after_id).select_related("author").order_by("pk")[:limit]
    return [message_payload(message) for message in rows]


@transaction.atomic
def write_summary(user, group, summary):
    seat = policy.seat_of(user, group.meeting)
    require(seat is not None and seat.group_id == group.pk and seat.is_secretary,
            _("Chỉ thư ký của tổ mới viết tóm tắt ý kiến của tổ."))
    group.summary, group.summary_by, group.summary_at = summary.strip(), user, timezone.now()
    group.save(update_fields=["summary", "summary_by", "summary_at"])
    return group


def speech_queue(meeting):
    return list(SpeechRequest.objects.filter(participant__meeting=meeting, state__in=[SpeechState.WAITING,
                                                                                       SpeechState.SPEAKING])
                .select_related("participant__user", "item").order_by("requested_at", "pk"))


def _queue_changed(meeting):
    live.send(live.meeting_channel(meeting.pk), "speakers", {})


@transaction.atomic
def request_to_speak(user, meeting, *, topic, item=None):
    seat = policy.seat_of(user, meeting)
    require(seat is not None and seat.role in ("chair", "delegate", "invitee"),
            _("Chỉ đại biểu và khách mời mới đăng ký phát biểu."))
    if item is not None and item.meeting_id != meeting.pk:
        raise NotAllowed()
    try:
        with transaction.atomic():
            speech = SpeechRequest.objects.create(participant=seat, item=item, topic=topic.strip())
    except IntegrityError:
        raise NotAllowed(_("Anh/chị đã đăng ký phát biểu và đang chờ đến lượt.")) from None
    _queue_changed(meeting)
    return speech


@transaction.atomic
def move_speech(user, speech, state):
    """The chair gives the floor (speaking), ends it (done); the delegate may withdraw their own."""
    meeting = speech.participant.meeting
    if state == SpeechState.WITHDRAWN:
        require(speech.participant.user_id == user.pk)
    else:
        _chair_or_organiser(user, meeting)
    allowed = {SpeechState.SPEAKING: {SpeechState.WAITING}, SpeechState.DONE: {SpeechState.SPEAKING, SpeechState.WAITING},
               SpeechState.WITHDRAWN: {SpeechState.WAITING}}
    if speech.state not in allowed.get(state, ()):
        raise NotAllowed(_("Lượt phát biểu này không còn ở trạng thái đó."))
    if state == SpeechState.SPEAKING:
        SpeechRequest.objects.filter(participant__meeting=meeting, state=SpeechState.SPEAKING).update(
            state=SpeechState.DONE)
    speech.state = state
    speech.save(update_fields=["state"])
    _queue_changed(meeting)
    return speech


def tallies(motions):
    """{motion id: {choice: count, "cast": count}} for several motions in one query."""
    counts = {}
    for motion_id, choice, n in (Ballot.objects.filter(motion__in=motions).values_list("motion_id", "choice")
                                 .annotate(n=Count("pk")).values_list("motion_id", "choice", "n")):
        counts.setdefault(motion_id, {})[choice] = n
    result = {}
    for motion in motions:
        row = {choice.value: counts.get(motion.pk, {}).get(choice.value, 0) for choice in Choice}
        row["cast"] = sum(row.values())
        result[motion.pk] = row
    return result


def tally(motion):
    return tallies([motion])[motion.pk]


def motion_payload(motion):
    return {"id": motion.pk, "title": motion.title, "open": motion.is_open, "passed": motion.passed,
            "electorate": motion.electorate or _electorate(motion.meeting_id), "tally": tally(motion)}


def _electorate(meeting_id):
    return Participant.objects.filter(meeting_id=meeting_id, role__in=["chair", "delegate"]).count()


@transaction.atomic
def open_motion(user, meeting, *, title, item=None):
    seat = policy.seat_of(user, meeting)
    require(seat is not None and seat.is_chair, _("Chỉ chủ tọa mới mở biểu quyết."))
    if meeting.is_over:
        raise NotAllowed(_("Kỳ họp đã kết thúc."))
    try:
        with transaction.atomic():
            motion = Motion.objects.create(meeting=meeting, item=item, title=title.strip())
    except IntegrityError:
        raise NotAllowed(_("Đang có một biểu quyết chưa kết thúc; hãy kết thúc trước khi mở biểu quyết mới.")) from None
    live.send(live.meeting_channel(meeting.pk), "motion", motion_payload(motion))
    return motion


@transaction.atomic
def cast_ballot(user, motion, choice):
    """One ballot per delegate: a second one is refused, whatever arrives at the same moment."""
    if choice not in Choice.values:
        raise NotAllowed(_("Lựa chọn biểu quyết không hợp lệ."))
    seat = policy.seat_of(user, motion.meeting)
    require(seat is not None and seat.can_vote, _("Chỉ đại biểu mới được biểu quyết."))
    if not Motion.objects.filter(pk=motion.pk, closed_at__isnull=True).exists():
        raise NotAllowed(_("Biểu quyết này đã kết thúc."))
    try:
        with transaction.atomic():
            Ballot.objects.create(motion=motion, participant=seat, choice=choice)
    except IntegrityError:
        raise NotAllowed(_("Anh/chị đã biểu quyết nội dung này.")) from None
    live.send(live.meeting_channel(motion.meeting_id), "tally", {"id": motion.pk, "tally": tally(motion)})
    return choice


@transaction.atomic
def close_motion(user, motion):
    """The chair closes the vote; it passes with more than half of the delegates entitled to vote
    (a council's rule: a majority of all its delegates, not of those present)."""
    seat = policy.seat_of(user, motion.meeting)
    require(seat is not None and seat.is_chair, _("Chỉ chủ tọa mới kết thúc biểu quyết."))
    locked = Motion.objects.select_for_update().get(pk=motion.pk)
    if not locked.is_open:
        raise NotAllowed(_("Biểu quyết này đã kết thúc."))
    locked.closed_at = timezone.now()
    locked.electorate = _electorate(locked.meeting_id)
    locked.passed = tally(locked)[Choice.FOR] * 2 > locked.electorate
    locked.save(update_fields=["closed_at", "electorate", "passed"])
    live.send(live.meeting_channel(locked.meeting_id), "motion", motion_payload(locked))
    return locked
