from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


# Higher rank = lower in the tree. A commune may hang directly under a province (two-level model
# since 1 July 2025), so only the order is enforced, never the depth.
LEVEL_RANK = {UnitLevel.PROVINCE: 0, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 2}


class AdministrativeUnit(models.Model):
    code = models.CharField(_("mã đơn vị hành chính"), max_length=10, unique=True)
    name = models.CharField(_("tên đầy đủ"), max_length=120)
    short_name = models.CharField(_("tên ngắn"), max_length=100)
    unit_type = models.CharField(_("loại đơn vị"), max_length=30, help_text=_("Tỉnh, Huyện, Thành phố, Xã, Phường…"))
    level = models.CharField(_("cấp"), max_length=10, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    # A reorganisation (reorganisation app, issue 38) closes units, never deletes them: history and
    # old addresses keep pointing at them, and statistics roll them up into their successor.
    valid_from = models.DateTimeField(_("có hiệu lực từ"), null=True, blank=True)  # empty: before any plan
    valid_until = models.DateTimeField(_("hết hiệu lực từ"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
    )

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        db_table = "procedures_administrativeunit"  # kept from before the move out of procedures (decision 0018)
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "parent"])]

    def __str__(self):
        return self.name

    def clean(self):
        if self.level == UnitLevel.PROVINCE:
            if self.parent_id:
                raise ValidationError({"parent": _("Đơn vị cấp tỉnh không có đơn vị cấp trên.")})
            return
        if not self.parent_id:
            raise ValidationError({"parent": _("Đơn vị cấp huyện và cấp xã phải có đơn vị cấp trên.")})
        if LEVEL_RANK[self.parent.level] >= LEVEL_RANK[self.level]:
            raise ValidationError({"parent": _("Đơn vị cấp trên phải ở cấp cao hơn.")})

    def lineage(self):
        """This unit and its ancestors, nearest first."""
        unit = self
        while unit is not None:
            yield unit
            unit = unit.parent

    def ancestor_at(self, level):
        """The unit at `level` on the way up (this unit included), or None if the tree skips it."""
        for unit in self.lineage():
            if unit.level == level:
                return unit
        return None
