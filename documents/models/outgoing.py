from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from government.storage import private_storage

from .registers import Urgency


class OutgoingState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    AWAITING_SIGNATURE = "awaiting_signature", _("Chờ lãnh đạo ký")
    SIGNED = "signed", _("Đã ký, chờ văn thư ban hành")
    ISSUED = "issued", _("Đã ban hành")


def _file_path(document, filename):
    return f"documents/outgoing/{document.agency_id}/{filename}"


class OutgoingDocument(ConcurrentTransitionMixin, models.Model):
    """A document an agency issues (văn bản đi): drafted, signed by its leader, numbered and sealed by
    its clerk. Its number and symbol come from the agency's outgoing register only at issue."""

    agency = models.ForeignKey(
        "government.Agency", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    document_type = models.ForeignKey(
        "documents.DocumentType", verbose_name=_("loại văn bản"), on_delete=models.PROTECT, related_name="+"
    )
    drafting_unit = models.CharField(
        _("đơn vị soạn thảo (viết tắt)"),
        max_length=12,
        default="VP",
        help_text=_("Ghi sau tên cơ quan trong ký hiệu công văn, ví dụ UBND-VP."),
    )
    excerpt = models.CharField(_("trích yếu"), max_length=1000)
    body = models.TextField(_("nội dung"), blank=True)
    urgency = models.CharField(_("độ khẩn"), max_length=12, choices=Urgency.choices, default=Urgency.NORMAL)
    state = FSMField(_("tình trạng"), max_length=20, choices=OutgoingState.choices, default=OutgoingState.DRAFT)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người soạn thảo"), on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField(_("thời điểm soạn"), auto_now_add=True)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ký"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    review_note = models.CharField(_("ý kiến của lãnh đạo"), max_length=1000, blank=True)
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    symbol = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issued_at = models.DateTimeField(_("thời điểm ban hành"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("văn thư ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The same document at each step: the draft with its empty fields, as the leader signed it, as issued.
    draft_pdf = models.FileField(max_length=300, storage=private_storage, upload_to=_file_path)
    signed_pdf = models.FileField(max_length=300, storage=private_storage, upload_to=_file_path, blank=True)
    issued_pdf = models.FileField(max_length=300, storage=private_storage, upload_to=_file_path, blank=True)
    issued_sha256 = models.CharField(max_length=64, blank=True)
    # Where it goes once issued: agencies of the system (a Delivery each at issue) and agencies
    # outside it, reached through the national interconnection axis ({"code", "name"} each).
    addressees = models.ManyToManyField(
        "government.Agency", related_name="+", blank=True, verbose_name=_("nơi nhận trong hệ thống")
    )
    external_addressees = models.JSONField(_("nơi nhận ngoài hệ thống"), default=list, blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("văn bản đi")
        verbose_name_plural = _("văn bản đi")
        ordering = ["-drafted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "number"],
                condition=models.Q(number__isnull=False),
                name="outgoing_unique_number",
            )
        ]

    def __str__(self):
        return self.symbol or _("Dự thảo: %(excerpt)s") % {"excerpt": self.excerpt[:80]}

    @transition(field=state, source=OutgoingState.DRAFT, target=OutgoingState.AWAITING_SIGNATURE)
    def mark_submitted(self):
        pass

    @transition(field=state, source=OutgoingState.AWAITING_SIGNATURE, target=OutgoingState.DRAFT)
    def mark_returned(self):
        pass

    @transition(field=state, source=OutgoingState.AWAITING_SIGNATURE, target=OutgoingState.SIGNED)
    def mark_signed(self):
        pass

    @transition(field=state, source=OutgoingState.SIGNED, target=OutgoingState.ISSUED)
    def mark_issued(self):
        pass


class DeliveryStatus(models.TextChoices):
    SENT = "sent", _("Đã gửi, chờ tiếp nhận")
    RECEIVED = "received", _("Đã nhận")
    HANDLING = "handling", _("Đang xử lý")
    DONE = "done", _("Hoàn thành")


class Delivery(models.Model):
    """An issued document on its way to an agency in the system, and what that agency says of it."""

    document = models.ForeignKey(OutgoingDocument, on_delete=models.CASCADE, related_name="deliveries")
    agency = models.ForeignKey(
        "government.Agency", verbose_name=_("cơ quan nhận"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.SENT
    )
    incoming = models.OneToOneField(
        "documents.IncomingDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="delivery"
    )
    changed_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("gửi văn bản trong hệ thống")
        verbose_name_plural = _("gửi văn bản trong hệ thống")
        constraints = [models.UniqueConstraint(fields=["document", "agency"], name="delivery_once_per_agency")]


class ExternalDelivery(models.Model):
    """An issued document sent through the national document interconnection axis to an agency outside
    the system, with the statuses the axis reports back."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi lên trục")
        FAILED = "failed", _("Gửi lỗi, sẽ gửi lại")
        RECEIVED = "received", _("Đã nhận")
        HANDLING = "handling", _("Đang xử lý")
        DONE = "done", _("Hoàn thành")

    document = models.ForeignKey(OutgoingDocument, on_delete=models.CASCADE, related_name="external_deliveries")
    recipient_code = models.CharField(_("mã định danh nơi nhận"), max_length=40)
    recipient_name = models.CharField(_("nơi nhận"), max_length=255)
    message_id = models.CharField(max_length=40, unique=True)
    status = models.CharField(_("tình trạng"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    changed_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("gửi văn bản qua trục liên thông")
        verbose_name_plural = _("gửi văn bản qua trục liên thông")
