from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierForm(models.Model):
    """What an applicant declared in a required document's electronic form.

    `raw` holds what was typed, valid or not, so nothing is lost; `values` the checked values. At
    submission the definition is copied here with them: later edits of the form never change what a
    filed dossier declared, nor its generated declaration.
    """

    dossier = models.ForeignKey("procedures.Dossier", on_delete=models.CASCADE, related_name="eforms")
    required_document = models.ForeignKey(
        "procedures.RequiredDocument", on_delete=models.PROTECT, related_name="+", verbose_name=_("thành phần hồ sơ")
    )
    definition = models.JSONField(_("biểu mẫu"))
    raw = models.JSONField(_("dữ liệu đã nhập"), default=dict)
    values = models.JSONField(_("dữ liệu đã kiểm tra"), null=True, blank=True)
    # The key fields' values, folded, for officers' search.
    search_text = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    submitted_at = models.DateTimeField(_("chốt lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("tờ khai điện tử")
        verbose_name_plural = _("tờ khai điện tử")
        constraints = [models.UniqueConstraint(fields=["dossier", "required_document"], name="one_eform_per_document")]

    def __str__(self):
        return f"{self.definition.get('title', '')} — {self.dossier}"
