from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from .registers import Urgency


class Channel(models.TextChoices):
    PAPER = "paper", _("Bản giấy (đã quét)")
    ELECTRONIC = "electronic", _("Văn bản điện tử")


class IncomingState(models.TextChoices):
    REGISTERED = "registered", _("Chờ phân công")
    ASSIGNED = "assigned", _("Đang xử lý")
    CLOSED = "closed", _("Đã xử lý xong")


class Outcome(models.TextChoices):
    ANSWERED = "answered", _("Đã trả lời bằng văn bản đi")
    FILED = "filed", _("Lưu hồ sơ, không cần trả lời")


class IncomingDocument(ConcurrentTransitionMixin, models.Model):
    """One entry of an agency's incoming register (sổ đăng ký văn bản đến)."""

    agency = models.ForeignKey(
        "government.Agency", verbose_name=_("cơ quan nhận"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số đến"))
    received_at = models.DateTimeField(_("thời điểm đến"))
    channel = models.CharField(_("hình thức nhận"), max_length=12, choices=Channel.choices)
    sender = models.CharField(_("cơ quan ban hành"), max_length=255)
    sender_agency = models.ForeignKey(
        "government.Agency",
        verbose_name=_("cơ quan gửi trong hệ thống"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=60)
    issued_on = models.DateField(_("ngày văn bản"))
    document_type = models.ForeignKey(
        "documents.DocumentType", verbose_name=_("loại văn bản"), on_delete=models.PROTECT, related_name="+"
    )
    excerpt = models.CharField(_("trích yếu"), max_length=1000)
    urgency = models.CharField(_("độ khẩn"), max_length=12, choices=Urgency.choices, default=Urgency.NORMAL)
    answer_due = models.DateField(_("hạn trả lời"), null=True, blank=True)
    state = FSMField(_("tình trạng"), max_length=12, choices=IncomingState.choices, default=IncomingState.REGISTERED)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("văn thư vào sổ"), on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("kết quả xử lý"), max_length=10, choices=Outcome.choices, blank=True)
    answer = models.ForeignKey(
        "documents.OutgoingDocument",
        verbose_name=_("văn bản trả lời"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answers_to",
    )
    closed_at = models.DateTimeField(_("thời điểm xong"), null=True, blank=True)
    # Entered again in a successor's register by a reorganisation: the number it had before
    previous_entry = models.CharField(_("số đến trước khi sắp xếp"), max_length=300, blank=True)
    # Number, symbol, excerpt, sender and type without diacritics (government.folding), for the database search.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("văn bản đến")
        verbose_name_plural = _("văn bản đến")
        ordering = ["-year", "-number"]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "number"], name="incoming_unique_number")]
        indexes = [models.Index(fields=["agency", "state", "answer_due"], name="incoming_open_due_idx")]

    def __str__(self):
        return _("Văn bản đến số %(number)s/%(year)s — %(symbol)s") % {
            "number": self.number,
            "year": self.year,
            "symbol": self.number_symbol,
        }

    @transition(field=state, source=[IncomingState.REGISTERED, IncomingState.ASSIGNED], target=IncomingState.ASSIGNED)
    def mark_assigned(self):
        pass

    @transition(field=state, source=IncomingState.ASSIGNED, target=IncomingState.CLOSED)
    def mark_closed(self):
        pass


class AssignmentRole(models.TextChoices):
    HANDLE = "handle", _("Xử lý chính")
    COOPERATE = "cooperate", _("Phối hợp")
    INFORM = "inform", _("Để biết")


class Assignment(models.Model):
    """Who a leader gave an incoming document to, in which role, and by when."""

    document = models.ForeignKey(IncomingDocument, on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField(_("vai trò"), max_length=10, choices=AssignmentRole.choices)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người được giao"),
        on_delete=models.PROTECT,
        related_name="document_assignments",
    )
    due_on = models.DateField(_("hạn xử lý"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người giao"), on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(_("thời điểm giao"), auto_now_add=True)
    note = models.CharField(_("ý kiến chỉ đạo"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("phân công xử lý")
        verbose_name_plural = _("phân công xử lý")
        ordering = ["document", "role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document"], condition=models.Q(role="handle"), name="assignment_one_handler"
            ),
            models.UniqueConstraint(fields=["document", "assignee"], name="assignment_once_per_person"),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.assignee}"


class ProgressNote(models.Model):
    """What a handler (or a cooperating person) reports on an incoming document."""

    document = models.ForeignKey(IncomingDocument, on_delete=models.CASCADE, related_name="progress")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    text = models.CharField(_("nội dung"), max_length=2000)

    class Meta:
        verbose_name = _("tiến độ xử lý")
        verbose_name_plural = _("tiến độ xử lý")
        ordering = ["at", "id"]
