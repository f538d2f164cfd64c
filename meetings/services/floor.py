"""What happens in the hall: group discussion, speaking requests and votes. Each change is pushed
live to the browsers concerned (live.py)."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import live, policy
from ..models import (
    RULE_OF_KIND,
    SECRET_KINDS,
    VOTING_ROLES,
    Ballot,
    Choice,
    GroupMessage,
    MajorityRule,
    Motion,
    MotionKind,
    Participant,
    SpeechRequest,
    SpeechState,
)
from ..policy import NotAllowed, require
from .meetings import _chair_or_organiser

MAX_MESSAGE = 4000


def message_payload(message):
    return {
        "id": message.pk,
        "group": message.group_id,
        "author": message.author.get_full_name() or message.author.get_username(),
        "text": message.text,
        "at": timezone.localtime(message.created_at).strftime("%H:%M"),
    }


@transaction.atomic
def post_message(user, group, text):
    seat = policy.seat_of(user, group.meeting)
    require(policy.writes_in_group(seat, group), _("Anh/chị không thuộc tổ thảo luận này."))
    text = (text or "").strip()
    if not text:
        raise NotAllowed(_("Ý kiến chưa có nội dung."))
    if len(text) > MAX_MESSAGE:
        raise NotAllowed(_("Ý kiến dài quá %(limit)s ký tự.") % {"limit": MAX_MESSAGE})
    if "\x00" in text:  # as the HTTP form refuses it; PostgreSQL would not store it
        raise NotAllowed(_("Ý kiến có ký tự không hợp lệ."))
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
    require(
        seat is not None and seat.group_id == group.pk and seat.is_secretary,
        _("Chỉ thư ký của tổ mới viết tóm tắt ý kiến của tổ."),
    )
    group.summary, group.summary_by, group.summary_at = summary.strip(), user, timezone.now()
    group.save(update_fields=["summary", "summary_by", "summary_at"])
    return group


def speech_queue(meeting):
    return list(
        SpeechRequest.objects.filter(
            participant__meeting=meeting, state__in=[SpeechState.WAITING, SpeechState.SPEAKING]
        )
        .select_related("participant__user", "item")
        .order_by("requested_at", "pk")
    )


def _queue_changed(meeting):
    live.send(live.meeting_channel(meeting.pk), "speakers", {})


@transaction.atomic
def request_to_speak(user, meeting, *, topic, item=None):
    seat = policy.seat_of(user, meeting)
    require(
        seat is not None and seat.role in ("chair", "delegate", "invitee"),
        _("Chỉ đại biểu và khách mời mới đăng ký phát biểu."),
    )
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
    allowed = {
        SpeechState.SPEAKING: {SpeechState.WAITING},
        SpeechState.DONE: {SpeechState.SPEAKING, SpeechState.WAITING},
        SpeechState.WITHDRAWN: {SpeechState.WAITING},
    }
    if speech.state not in allowed.get(state, ()):
        raise NotAllowed(_("Lượt phát biểu này không còn ở trạng thái đó."))
    if state == SpeechState.SPEAKING:
        SpeechRequest.objects.filter(participant__meeting=meeting, state=SpeechState.SPEAKING).update(
            state=SpeechState.DONE
        )
    speech.state = state
    speech.save(update_fields=["state"])
    _queue_changed(meeting)
    return speech


COUNTERS = {Choice.FOR: "votes_for", Choice.AGAINST: "votes_against", Choice.ABSTAIN: "votes_abstain"}


def tally(motion, fresh=True):
    """{choice: count, "cast": count} from the motion's own counts (read again unless `fresh` is False:
    an instance loaded before the last ballots would be behind)."""
    if fresh:
        motion.refresh_from_db(fields=list(COUNTERS.values()))
    row = {choice.value: getattr(motion, COUNTERS[choice]) for choice in Choice}
    row["cast"] = sum(row.values())
    return row


def tallies(motions):
    return {motion.pk: tally(motion, fresh=False) for motion in motions}


def motion_payload(motion):
    return {
        "id": motion.pk,
        "title": motion.title,
        "open": motion.is_open,
        "passed": motion.passed,
        "secret": motion.secret,
        "rule": motion.get_rule_display(),
        "electorate": motion.electorate or base_of(motion.meeting),
        "tally": tally(motion, fresh=False),
    }


def base_of(meeting):
    """The base of a majority: the body's statutory number of delegates (members of a committee); the
    voting seats in the system only where the body has not recorded it."""
    if meeting.agency.statutory_members:
        return meeting.agency.statutory_members
    return Participant.objects.filter(meeting=meeting, role__in=VOTING_ROLES).count()


def present_voters(meeting):
    return Participant.objects.filter(meeting=meeting, role__in=VOTING_ROLES, checked_in_at__isnull=False).count()


def passes(rule, votes_for, base, present):
    if rule == MajorityRule.TWO_THIRDS:
        return votes_for * 3 >= base * 2
    if rule == MajorityRule.PRESENT:
        return votes_for * 2 > present
    return votes_for * 2 > base


@transaction.atomic
def open_motion(user, meeting, *, title, item=None, kind=MotionKind.RESOLUTION):
    """The chair puts a question to the vote; its kind sets the rule and whether the ballot is secret."""
    seat = policy.seat_of(user, meeting)
    require(seat is not None and seat.is_chair, _("Chỉ chủ tọa mới mở biểu quyết."))
    if meeting.is_over:
        raise NotAllowed(_("Kỳ họp đã kết thúc."))
    if kind not in MotionKind.values:
        raise NotAllowed(_("Loại biểu quyết không hợp lệ."))
    try:
        with transaction.atomic():
            motion = Motion.objects.create(
                meeting=meeting,
                item=item,
                title=title.strip(),
                kind=kind,
                rule=RULE_OF_KIND[kind],
                secret=kind in SECRET_KINDS,
            )
    except IntegrityError:
        raise NotAllowed(_("Đang có một biểu quyết chưa kết thúc; hãy kết thúc trước khi mở biểu quyết mới.")) from None
    live.send(live.meeting_channel(meeting.pk), "motion", motion_payload(motion))
    return motion


@transaction.atomic
def cast_ballot(user, motion, choice):
    """One ballot per delegate present, while the vote is open. The motion's row is locked as closing
    locks it, so a ballot is either counted before the close or refused after it. In a secret vote the
    ballot records only that the delegate voted."""
    if choice not in Choice.values:
        raise NotAllowed(_("Lựa chọn biểu quyết không hợp lệ."))
    seat = policy.seat_of(user, motion.meeting)
    require(seat is not None and seat.can_vote, _("Chỉ đại biểu mới được biểu quyết."))
    if not seat.is_present:
        raise NotAllowed(
            _("Anh/chị chưa điểm danh: hãy quét mã tại cửa hội trường hoặc báo thư ký kỳ họp trước khi biểu quyết.")
        )
    locked = Motion.objects.select_for_update().get(pk=motion.pk)
    if not locked.is_open:
        raise NotAllowed(_("Biểu quyết này đã kết thúc."))
    try:
        with transaction.atomic():
            Ballot.objects.create(motion=locked, participant=seat, choice="" if locked.secret else choice)
    except IntegrityError:
        raise NotAllowed(_("Anh/chị đã biểu quyết nội dung này.")) from None
    counter = COUNTERS[Choice(choice)]
    Motion.objects.filter(pk=locked.pk).update(**{counter: F(counter) + 1})
    # Read under the lock: each snapshot is exact, and the one with the most votes is the latest
    # (the consumer sends browsers at most one per motion every TALLY_INTERVAL, the latest).
    live.send(live.meeting_channel(locked.meeting_id), "tally", {"id": locked.pk, "tally": tally(locked)})
    return choice


@transaction.atomic
def close_motion(user, motion):
    """The chair closes the vote; its rule decides on the body's statutory number of delegates (or on
    those present for a procedural question)."""
    seat = policy.seat_of(user, motion.meeting)
    require(seat is not None and seat.is_chair, _("Chỉ chủ tọa mới kết thúc biểu quyết."))
    locked = Motion.objects.select_for_update().select_related("meeting__agency").get(pk=motion.pk)
    if not locked.is_open:
        raise NotAllowed(_("Biểu quyết này đã kết thúc."))
    locked.closed_at = timezone.now()
    locked.electorate = base_of(locked.meeting)
    locked.present = present_voters(locked.meeting)
    locked.passed = passes(locked.rule, locked.votes_for, locked.electorate, locked.present)
    locked.save(update_fields=["closed_at", "electorate", "present", "passed"])
    live.send(live.meeting_channel(locked.meeting_id), "motion", motion_payload(locked))
    return locked
