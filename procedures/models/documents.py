import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from procedures.storage import private_storage


def _document_path(document, filename):
    # A random folder per file: nothing of the uploaded name decides where it is stored.
    return f"dossiers/{timezone.now():%Y/%m}/{uuid.uuid4().hex}/{filename}"


class DossierDocument(models.Model):
    """A component document uploaded with an online draft; fixed once the dossier is submitted.

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

    class Meta:
        verbose_name = _("thành phần hồ sơ đã tải lên")
        verbose_name_plural = _("thành phần hồ sơ đã tải lên")
        ordering = ["required_document__order", "uploaded_at", "pk"]

    def __str__(self):
        return self.name


class SatisfactionRating(models.Model):
    """The citizen's rating of how the dossier was handled, given once after the result is returned."""

    dossier = models.OneToOneField("procedures.Dossier", on_delete=models.CASCADE, related_name="rating")
    score = models.PositiveSmallIntegerField(_("mức độ hài lòng"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("góp ý"), blank=True, max_length=2000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("đánh giá mức độ hài lòng")
        verbose_name_plural = _("đánh giá mức độ hài lòng")
        constraints = [models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="rating_score_1_to_5")]
