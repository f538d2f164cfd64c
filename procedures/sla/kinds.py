"""The two choices the deadline rules speak in, kept below the models so that the models can use
the rules (procedures.models re-exports both)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeLimitKind(models.TextChoices):
    """How a time limit is counted (procedures/sla/time_limits.py)."""

    WORKING_DAYS = "days", _("Ngày làm việc")
    WORKING_HOURS = "hours", _("Giờ làm việc")
    SAME_DAY = "same_day", _("Trong ngày, có giờ chốt tiếp nhận")


class Timeliness(models.TextChoices):
    EARLY = "early", _("Trước hạn")
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Trễ hạn")
