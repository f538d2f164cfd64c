from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from government.models.append_only import AppendOnlyModel
from government.storage import private_storage

from .dossiers import DossierState


class DossierEvent(AppendOnlyModel):
    """One entry of a dossier's append-only log: who did what, as which role, when, from which state to which."""

    dossier = models.ForeignKey("procedures.Dossier", on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("thao tác"), max_length=40)
    from_state = models.CharField(_("từ trạng thái"), max_length=25, choices=DossierState.choices, blank=True)
    to_state = models.CharField(_("sang trạng thái"), max_length=25, choices=DossierState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(_("vai trò"), max_length=20)
    agency = models.ForeignKey(
        "government.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.TextField(_("ghi chú"), blank=True)
    data = models.JSONField(_("dữ liệu kèm theo"), default=dict, blank=True)
    created_at = models.DateTimeField(_("thời điểm"))

    class Meta:
        verbose_name = _("nhật ký xử lý")
        verbose_name_plural = _("nhật ký xử lý")
        ordering = ["dossier", "created_at", "id"]

    def __str__(self):
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.action}: {self.from_state} → {self.to_state}"


class DossierEventFile(AppendOnlyModel):
    event = models.ForeignKey(DossierEvent, on_delete=models.PROTECT, related_name="files")
    file = models.FileField(_("tệp"), upload_to="dossier-events/%Y/%m/", storage=private_storage, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)
    # Printed as a QR code in issued documents: opens the public verification page of this file.
    verification_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # A result is an outgoing document of the competent agency: its number and symbol are there.
    issued_as = models.ForeignKey(
        "documents.OutgoingDocument",
        verbose_name=_("văn bản ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tệp đính kèm nhật ký")
        verbose_name_plural = _("tệp đính kèm nhật ký")

    def __str__(self):
        return self.name
