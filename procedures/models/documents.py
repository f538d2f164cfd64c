import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from government.storage import private_storage

from .store import Digitisation, StoreSource


def _document_path(document, filename):
    # A random folder per file: nothing of the uploaded name decides where it is stored.
    return f"dossiers/{timezone.now():%Y/%m}/{uuid.uuid4().hex}/{filename}"


class DossierDocument(models.Model):
    """A file of one component document: uploaded with an online draft or scanned at the counter;
    fixed once the dossier is submitted.

    Later files (supplements, results) are attached to the append-only event log instead.
    """

    dossier = models.ForeignKey("procedures.Dossier", on_delete=models.CASCADE, related_name="documents")
    required_document = models.ForeignKey(
        "procedures.RequiredDocument", verbose_name=_("thành phần hồ sơ"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("tệp"), upload_to=_document_path, storage=private_storage, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=150)
    content_type = models.CharField(_("định dạng"), max_length=50)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), default=timezone.now)
    # Taken from the applicant's store instead of uploaded: the dossier shares the store's file.
    stored_document = models.ForeignKey(
        "procedures.StoredDocument",
        verbose_name=_("giấy tờ dùng lại từ kho"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="uses",
    )
    # This scan was kept in the applicant's store as a reusable electronic copy, signed by the desk.
    kept_as = models.OneToOneField(
        "procedures.StoredDocument",
        verbose_name=_("bản điện tử lưu vào kho"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scanned_from",
    )

    class Meta:
        verbose_name = _("thành phần hồ sơ đã tải lên")
        verbose_name_plural = _("thành phần hồ sơ đã tải lên")
        ordering = ["required_document__order", "uploaded_at", "pk"]

    def __str__(self):
        return self.name

    @property
    def digitisation(self):
        """The state of digitisation the national portal counts (DOMAIN §12)."""
        if self.stored_document_id is None:
            return Digitisation.DIGITISED
        if self.stored_document.source == StoreSource.RESULT:
            return Digitisation.REUSED_RESULT
        return Digitisation.REUSED_DOCUMENT


class SatisfactionRating(models.Model):
    """The citizen's rating of how the dossier was handled, given once after the result is returned."""

    dossier = models.OneToOneField("procedures.Dossier", on_delete=models.CASCADE, related_name="rating")
    score = models.PositiveSmallIntegerField(
        _("mức độ hài lòng"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("góp ý"), blank=True, max_length=2000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("đánh giá mức độ hài lòng")
        verbose_name_plural = _("đánh giá mức độ hài lòng")
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="rating_score_1_to_5")
        ]


class ComponentForm(models.TextChoices):
    """How a component document reached the desk (printed on the receipt, Mẫu 01)."""

    ELECTRONIC = "electronic", _("Bản điện tử")
    ORIGINAL = "original", _("Bản chính")
    COPY = "copy", _("Bản sao")
    CERTIFIED_COPY = "certified_copy", _("Bản sao có chứng thực")


class UnscannedReason(models.TextChoices):
    """Why a paper document received at the counter has no scan: the dossier is then not digitised."""

    PAPER_KEPT = "paper_kept", _("Giữ bản giấy, số hóa sau")
    SCANNER_DOWN = "scanner_down", _("Thiết bị quét gặp sự cố")
    NOT_SCANNABLE = "not_scannable", _("Giấy tờ không quét được (khổ lớn, đóng quyển, hư hỏng)")


class DossierComponent(models.Model):
    """What the desk received of one required document: its form, how many, and, for paper that was
    not scanned, the reason the officer recorded. Online dossiers have none: their files say it all."""

    dossier = models.ForeignKey("procedures.Dossier", on_delete=models.CASCADE, related_name="components")
    required_document = models.ForeignKey(
        "procedures.RequiredDocument", verbose_name=_("thành phần hồ sơ"), on_delete=models.PROTECT, related_name="+"
    )
    form = models.CharField(_("hình thức"), max_length=20, choices=ComponentForm.choices)
    quantity = models.PositiveSmallIntegerField(
        _("số lượng"), default=1, validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    unscanned_reason = models.CharField(
        _("lý do chưa số hóa"), max_length=20, choices=UnscannedReason.choices, blank=True
    )

    class Meta:
        verbose_name = _("thành phần hồ sơ đã tiếp nhận")
        verbose_name_plural = _("thành phần hồ sơ đã tiếp nhận")
        ordering = ["required_document__order", "pk"]
        constraints = [models.UniqueConstraint(fields=["dossier", "required_document"], name="component_once")]

    def __str__(self):
        return f"{self.required_document} — {self.get_form_display()} × {self.quantity}"


class PendingUpload(models.Model):
    """A checked scan held for a counter intake form that is not filed yet, so that a registry
    look-up or an error elsewhere on the form never makes the officer scan again."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    batch = models.UUIDField(db_index=True)
    required_document = models.ForeignKey("procedures.RequiredDocument", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to=_document_path, storage=private_storage, max_length=300)
    name = models.CharField(max_length=150)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    # Taken from the applicant's store at the counter: the file is the store's, never deleted from here.
    stored_document = models.ForeignKey(
        "procedures.StoredDocument", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        ordering = ["required_document__order", "pk"]
