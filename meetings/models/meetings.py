import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from government.storage import private_storage


def _minutes_path(meeting, filename):
    return f"meetings/{meeting.pk}/minutes/{filename}"


def new_qr_key():
    return secrets.token_urlsafe(18)


class Meeting(models.Model):
    """Một kỳ họp / phiên họp: its time, place, chair, people, agenda and record."""

    agency = models.ForeignKey(
        "government.Agency", verbose_name=_("cơ quan tổ chức"), on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(_("tên kỳ họp"), max_length=250)
    place = models.CharField(_("địa điểm"), max_length=250)
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    # The QR code carries this key: drawing a new one makes printed invitations stop working.
    qr_key = models.CharField(max_length=32, default=new_qr_key, unique=True, editable=False)
    # The door's code is drawn from this secret and the time (services.attendance): shown on the screen at
    # the door and rotating, so that neither a photo of it nor the invitation's code checks anyone in later.
    door_secret = models.CharField(max_length=32, default=new_qr_key, editable=False)
    conclusions = models.TextField(_("kết luận của chủ tọa"), blank=True)
    opened_at = models.DateTimeField(_("khai mạc lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("bế mạc lúc"), null=True, blank=True)
    # Numbers in the body's outgoing register ("05/BB-HĐND", "03/GM-HĐND"), taken once.
    minutes_symbol = models.CharField(_("số, ký hiệu biên bản"), max_length=40, blank=True)
    invitation_symbol = models.CharField(_("số, ký hiệu giấy mời"), max_length=40, blank=True)
    invitation_issued_at = models.DateTimeField(null=True, blank=True)
    minutes_prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    minutes_prepared_at = models.DateTimeField(null=True, blank=True)
    minutes_pdf = models.FileField(max_length=300, storage=private_storage, upload_to=_minutes_path, blank=True)
    minutes_signed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kỳ họp")
        verbose_name_plural = _("kỳ họp")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_over(self):
        return timezone.now() >= self.ends_at

    @property
    def is_council_session(self):
        return self.agency.is_council

    @property
    def minutes_state(self):
        """ "" before the secretary signs, "prepared" until the chair signs too, "signed" after."""
        if self.minutes_signed_at:
            return "signed"
        return "prepared" if self.minutes_prepared_at else ""

    @property
    def chair(self):
        return next((p for p in self.participants.all() if p.role == ParticipantRole.CHAIR), None)


class ParticipantRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tọa")
    DELEGATE = "delegate", _("Đại biểu")
    INVITEE = "invitee", _("Khách mời")
    ORGANISER = "organiser", _("Thư ký, tổ chức")


VOTING_ROLES = {ParticipantRole.CHAIR, ParticipantRole.DELEGATE}


class DiscussionGroup(models.Model):
    """Một tổ thảo luận: discusses in the application instead of a separate room."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("tên tổ"), max_length=120)
    summary = models.TextField(_("tóm tắt ý kiến của tổ"), blank=True)
    summary_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tổ thảo luận")
        verbose_name_plural = _("tổ thảo luận")
        ordering = ["meeting", "name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "name"], name="group_name_unique_in_meeting")]

    def __str__(self):
        return self.name


class Participant(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meeting_seats")
    role = models.CharField(_("vai trò"), max_length=12, choices=ParticipantRole.choices)
    group = models.ForeignKey(
        DiscussionGroup, verbose_name=_("tổ"), null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    is_secretary = models.BooleanField(_("thư ký tổ"), default=False)
    checked_in_at = models.DateTimeField(_("điểm danh lúc"), null=True, blank=True)
    # Who recorded the presence when it was not the delegate at the door: the meeting's secretary.
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField(_("gửi giấy mời lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("người dự họp")
        verbose_name_plural = _("người dự họp")
        ordering = ["meeting", "role", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_seat_per_meeting"),
            models.UniqueConstraint(fields=["meeting"], condition=models.Q(role="chair"), name="one_chair_per_meeting"),
        ]

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def name(self):
        return str(self)

    @property
    def is_organiser(self):
        return self.role == ParticipantRole.ORGANISER

    @property
    def is_chair(self):
        return self.role == ParticipantRole.CHAIR

    @property
    def can_vote(self):
        return self.role in VOTING_ROLES

    @property
    def is_present(self):
        return self.checked_in_at is not None


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("nội dung"), max_length=300)
    presenter = models.CharField(_("người trình bày"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("nội dung chương trình")
        verbose_name_plural = _("chương trình họp")
        ordering = ["meeting", "position"]
        constraints = [models.UniqueConstraint(fields=["meeting", "position"], name="agenda_position_unique")]

    def __str__(self):
        return f"{self.position}. {self.title}"
