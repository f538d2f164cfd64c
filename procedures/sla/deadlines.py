import datetime as dt

from .kinds import Timeliness


def classify(returned_at, due_at, calendar):
    """Early before the due working day; on time on the due day up to the due time; late after."""
    returned, due = calendar.local(returned_at), calendar.local(due_at)
    if returned.date() < due.date():
        return Timeliness.EARLY
    if returned <= due:
        return Timeliness.ON_TIME
    return Timeliness.LATE


def is_at_risk(now, due_at, calendar, window_days=1):
    """Not yet late, with at most `window_days` working days left (the agency's warning window)."""
    if now > due_at:
        return False
    return calendar.working_seconds_between(now, due_at) <= float(window_days) * calendar.day_seconds


def warning_cutoff(now, calendar, window_days=1):
    """The latest due time that counts as "due soon" at `now`: due times in (now, cutoff] are."""
    return calendar.add_working_seconds(now, float(window_days) * calendar.day_seconds)


def shift_deadline(due_at, paused_at, resumed_at, calendar):
    """The deadline after a pause: the working time left at the pause, counted again from the resumption.

    A deadline already passed when the clock paused stays where it was: a pause never turns a
    late dossier into an on-time one.
    """
    left = calendar.working_seconds_between(paused_at, due_at)
    if left <= 0:
        return due_at
    return calendar.add_working_seconds(resumed_at, dt.timedelta(seconds=left).total_seconds())
