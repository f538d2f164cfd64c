"""Durations in words for people: calendar time ("2 ngày 5 giờ") and working time beside it.

An overdue dossier is late by the clock on the wall, weekends included; the working time past the
due time is what the SLA counts. Officers need both, so a badge on a Sunday does not say "0 phút".
"""

from django.utils.translation import gettext as _

HOUR, DAY = 3600, 86400


def calendar_duration(seconds):
    """Wall-clock time, to the minute under a day and to the hour above."""
    return _split(abs(seconds), DAY)


def working_duration(seconds, day_seconds):
    """Working time, with a working day of `day_seconds` (e.g. 7.5 h)."""
    return _split(abs(seconds), day_seconds)


def _split(seconds, day_seconds):
    days, rest = divmod(seconds, day_seconds)
    hours = round(rest / HOUR)
    if hours * HOUR >= day_seconds:  # 7 h 59 rounds up into a whole working day
        days, hours = days + 1, 0
    if days >= 1:
        if hours:
            return _("%(days)s ngày %(hours)s giờ") % {"days": int(days), "hours": hours}
        return _("%(days)s ngày") % {"days": int(days)}
    hours, minutes = int(rest // HOUR), round(rest % HOUR / 60)
    if minutes == 60:
        hours, minutes = hours + 1, 0
    if hours and minutes:
        return _("%(hours)s giờ %(minutes)s phút") % {"hours": hours, "minutes": minutes}
    if hours:
        return _("%(hours)s giờ") % {"hours": hours}
    return _("%(minutes)s phút") % {"minutes": minutes}
