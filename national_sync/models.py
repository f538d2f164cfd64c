import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    DEAD = "dead", _("Gửi không được")


class OutboxMessage(models.Model):
    """A dossier status for the National Public Service Portal, written in the same transaction as
    the event it reports: a status change is never lost, whatever happens to the sending.

    Messages of one dossier go out in order (by `id`); one that cannot go holds back the later ones
    of the same dossier, never those of other dossiers."""

    message_id = models.UUIDField(_("mã thông điệp"), default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(
        "procedures.Dossier", verbose_name=_("hồ sơ"), on_delete=models.PROTECT, related_name="outbox_messages"
    )
    event = models.OneToOneField("procedures.DossierEvent", on_delete=models.PROTECT, related_name="outbox_message")
    status_code = models.PositiveSmallIntegerField(_("trạng thái gửi đi"))
    payload = models.JSONField(_("nội dung"))
    created_at = models.DateTimeField(_("tạo lúc"))
    delivery = models.CharField(_("tình trạng gửi"), max_length=10, choices=Delivery.choices, default=Delivery.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("gửi lại lúc"), null=True, blank=True)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=400, blank=True)
    sent_at = models.DateTimeField(_("gửi được lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông điệp đồng bộ")
        verbose_name_plural = _("thông điệp đồng bộ")
        ordering = ["id"]
        indexes = [models.Index(fields=["delivery", "next_attempt_at"]), models.Index(fields=["dossier", "delivery"])]

    def __str__(self):
        return f"{self.payload.get('MaHoSo')} → {self.status_code}"
