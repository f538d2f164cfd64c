from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultBookSequence(models.Model):
    """The last number entered in one agency's book of results (a civil status book, a certification
    book, a book of permits) for one year: numbered from 1 each 1 January, apart from the outgoing
    register (procedures/result_books.py)."""

    agency = models.ForeignKey(
        "government.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    book = models.CharField(_("sổ"), max_length=12)
    year = models.PositiveSmallIntegerField(_("năm"))
    last_number = models.PositiveIntegerField(_("số cuối đã cấp"))

    class Meta:
        verbose_name = _("sổ kết quả")
        verbose_name_plural = _("sổ kết quả")
        constraints = [models.UniqueConstraint(fields=["agency", "book", "year"], name="result_book_unique_year")]
