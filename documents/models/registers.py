from django.db import models
from django.utils.translation import gettext_lazy as _

from government.collation import by_name


class Direction(models.TextChoices):
    INCOMING = "incoming", _("Văn bản đến")
    OUTGOING = "outgoing", _("Văn bản đi")


class Urgency(models.TextChoices):
    """Độ khẩn (Decree 30/2020): how fast a document must travel and be dealt with."""

    NORMAL = "normal", _("Thường")
    URGENT = "urgent", _("Khẩn")
    VERY_URGENT = "very_urgent", _("Thượng khẩn")
    EXPRESS = "express", _("Hỏa tốc")


class DocumentType(models.Model):
    """A kind of administrative document and the abbreviation its symbol carries (Decree 30/2020,
    appendix III): "QĐ" for a decision; none for an official letter (công văn)."""

    name = models.CharField(_("tên loại văn bản"), max_length=80, unique=True)
    abbreviation = models.CharField(
        _("chữ viết tắt"),
        max_length=10,
        blank=True,
        help_text=_("Để trống với công văn: ký hiệu của công văn ghi tên viết tắt của đơn vị soạn thảo."),
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")
        ordering = [by_name()]  # Vietnamese alphabetical order (government.collation)
        constraints = [
            models.UniqueConstraint(
                fields=["abbreviation"], condition=~models.Q(abbreviation=""), name="document_type_unique_abbreviation"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class RegisterSequence(models.Model):
    """The last number given in one agency's incoming or outgoing register for one year: numbers
    start again from 1 each 1 January (Vietnam's time) and only ever count up."""

    agency = models.ForeignKey(
        "government.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    direction = models.CharField(_("sổ"), max_length=10, choices=Direction.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    last_number = models.PositiveIntegerField(_("số cuối đã cấp"))

    class Meta:
        verbose_name = _("sổ đăng ký văn bản")
        verbose_name_plural = _("sổ đăng ký văn bản")
        ordering = ["-year", "agency", "direction"]
        constraints = [models.UniqueConstraint(fields=["agency", "direction", "year"], name="register_unique_year")]

    def __str__(self):
        return f"{self.get_direction_display()} {self.year} — {self.agency}"
