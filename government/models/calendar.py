from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarException(models.Model):
    """A day the government's yearly notice swaps or adds, entered by an administrator.

    It overrides the statutory calendar: a day off on a weekday, or a Saturday worked in exchange.
    """

    date = models.DateField(_("ngày"), unique=True)
    is_working_day = models.BooleanField(_("là ngày làm việc"))
    reason = models.CharField(_("lý do"), max_length=200)
    source = models.CharField(
        _("căn cứ"),
        max_length=400,
        blank=True,
        help_text=_("Văn bản hoặc thông báo quyết định ngày này (số, ngày, cơ quan ban hành)."),
    )

    class Meta:
        verbose_name = _("ngày nghỉ/làm bù")
        verbose_name_plural = _("lịch nghỉ, làm bù hằng năm")
        db_table = "procedures_calendarexception"  # kept from before the move out of procedures (decision 0018)
        ordering = ["date"]

    def __str__(self):
        kind = _("làm việc") if self.is_working_day else _("nghỉ")
        return f"{self.date:%d/%m/%Y} ({kind}): {self.reason}"
