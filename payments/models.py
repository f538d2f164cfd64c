from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PaymentChannel(models.TextChoices):
    ONLINE = "online", _("Trực tuyến")
    CASH = "cash", _("Tiền mặt tại quầy")
    CARD = "card", _("Thẻ tại quầy")


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ kết quả")
    PAID = "paid", _("Đã thanh toán")
    FAILED = "failed", _("Không thành công")
    CANCELLED = "cancelled", _("Đã hủy")
    REFUNDED = "refunded", _("Đã hoàn trả")
    REFUND_DUE = "refund_due", _("Trả hai lần, cần hoàn trả")


class Payment(models.Model):
    """One attempt to pay a dossier's fee: online through the payment platform, or at the counter.

    A dossier has at most one payment that counts (paid or refunded): the database refuses a second."""

    dossier = models.ForeignKey(
        "procedures.Dossier", verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="payments"
    )
    reference = models.CharField(_("mã tham chiếu"), max_length=40, unique=True)
    channel = models.CharField(_("hình thức"), max_length=10, choices=PaymentChannel.choices)
    amount_vnd = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    receipt_number = models.CharField(_("số biên lai"), max_length=40, blank=True)
    gateway_transaction = models.CharField(_("mã giao dịch"), max_length=40, blank=True)
    gateway_error = models.CharField(_("mã kết quả"), max_length=10, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("tạo lúc"))
    paid_at = models.DateTimeField(_("thanh toán lúc"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("hoàn trả lúc"), null=True, blank=True)
    refund_note = models.CharField(_("lý do hoàn trả"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("khoản thanh toán")
        verbose_name_plural = _("khoản thanh toán")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(status__in=["paid", "refunded"]), name="one_counted_payment_per_dossier"
            )
        ]

    def __str__(self):
        return f"{self.reference} {self.amount_vnd} {self.status}"
