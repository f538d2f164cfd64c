from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppliedPlan(models.Model):
    """A reorganisation plan being or having been applied: which of its steps are done, so that a
    second run (after a failure, or by mistake) does only what is left, and nothing once it is all done."""

    reference = models.CharField(_("căn cứ"), max_length=200, unique=True)
    effective_at = models.DateTimeField(_("có hiệu lực từ"))
    plan = models.JSONField(_("phương án"))
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người áp dụng"), on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("bắt đầu lúc"))
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)
    steps_done = models.JSONField(_("các bước đã xong"), default=list)

    class Meta:
        verbose_name = _("phương án sắp xếp đã áp dụng")
        verbose_name_plural = _("phương án sắp xếp đã áp dụng")

    def __str__(self):
        return self.reference
