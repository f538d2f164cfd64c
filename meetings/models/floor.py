from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupMessage(models.Model):
    group = models.ForeignKey("meetings.DiscussionGroup", on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến thảo luận")
        verbose_name_plural = _("ý kiến thảo luận")
        ordering = ["group", "id"]  # ids order a thread: a reconnecting browser asks for those after its last


class SpeechState(models.TextChoices):
    WAITING = "waiting", _("Đang chờ")
    SPEAKING = "speaking", _("Đang phát biểu")
    DONE = "done", _("Đã phát biểu")
    WITHDRAWN = "withdrawn", _("Đã rút")


class SpeechRequest(models.Model):
    """Đăng ký phát biểu."""

    participant = models.ForeignKey("meetings.Participant", on_delete=models.CASCADE, related_name="speech_requests")
    item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("nội dung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.CharField(_("nội dung phát biểu"), max_length=300)
    state = models.CharField(max_length=10, choices=SpeechState.choices, default=SpeechState.WAITING)
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đăng ký phát biểu")
        verbose_name_plural = _("đăng ký phát biểu")
        ordering = ["requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=models.Q(state__in=["waiting", "speaking"]),
                name="one_open_speech_request",
            )
        ]


class Choice(models.TextChoices):
    FOR = "for", _("Tán thành")
    AGAINST = "against", _("Không tán thành")
    ABSTAIN = "abstain", _("Không biểu quyết")


class MotionKind(models.TextChoices):
    RESOLUTION = "resolution", _("Thông qua nghị quyết, nội dung")
    PROCEDURAL = "procedural", _("Vấn đề thủ tục tại kỳ họp")
    ELECTION = "election", _("Bầu cử")
    DISMISSAL = "dismissal", _("Miễn nhiệm, bãi nhiệm")
    CONFIDENCE = "confidence", _("Bỏ phiếu tín nhiệm")


class MajorityRule(models.TextChoices):
    ALL = "all", _("quá nửa tổng số đại biểu")
    TWO_THIRDS = "two_thirds", _("ít nhất hai phần ba tổng số đại biểu")
    PRESENT = "present", _("quá nửa số đại biểu có mặt")


# The Law on Organisation of Local Government (DOMAIN.md §13): a resolution passes with more than half
# of all delegates, a dismissal needs two thirds; procedural questions are decided by those present.
# Elections, dismissals and confidence votes are secret.
RULE_OF_KIND = {
    MotionKind.RESOLUTION: MajorityRule.ALL,
    MotionKind.PROCEDURAL: MajorityRule.PRESENT,
    MotionKind.ELECTION: MajorityRule.ALL,
    MotionKind.DISMISSAL: MajorityRule.TWO_THIRDS,
    MotionKind.CONFIDENCE: MajorityRule.ALL,
}
SECRET_KINDS = {MotionKind.ELECTION, MotionKind.DISMISSAL, MotionKind.CONFIDENCE}


class Motion(models.Model):
    """A question put to the vote: open until the chair closes it, then its result is recorded. The
    counts are kept here, not summed from ballots: a secret vote's ballots say who voted, not how."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="motions")
    item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("nội dung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("nội dung biểu quyết"), max_length=300)
    kind = models.CharField(
        _("loại biểu quyết"), max_length=12, choices=MotionKind.choices, default=MotionKind.RESOLUTION
    )
    rule = models.CharField(
        _("điều kiện thông qua"), max_length=12, choices=MajorityRule.choices, default=MajorityRule.ALL
    )
    secret = models.BooleanField(_("bỏ phiếu kín"), default=False)
    votes_for = models.PositiveSmallIntegerField(default=0)
    votes_against = models.PositiveSmallIntegerField(default=0)
    votes_abstain = models.PositiveSmallIntegerField(default=0)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Recorded at closing: the base of the majority (the body's statutory number of delegates), the
    # delegates present, and whether the rule was met.
    electorate = models.PositiveSmallIntegerField(default=0)
    present = models.PositiveSmallIntegerField(default=0)
    passed = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("biểu quyết")
        verbose_name_plural = _("biểu quyết")
        ordering = ["meeting", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=models.Q(closed_at__isnull=True), name="one_open_motion_per_meeting"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.closed_at is None


class Ballot(models.Model):
    """That a delegate voted, and how, except in a secret vote: there the choice is left empty and only
    the motion's counts hold it."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="ballots")
    participant = models.ForeignKey("meetings.Participant", on_delete=models.PROTECT, related_name="ballots")
    choice = models.CharField(max_length=8, choices=Choice.choices, blank=True)
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiếu biểu quyết")
        verbose_name_plural = _("phiếu biểu quyết")
        constraints = [models.UniqueConstraint(fields=["motion", "participant"], name="one_ballot_per_delegate")]
