"""Moments a test pins the clock to, through time-machine's `time_machine` fixture (the one clock
library of the suite, docs/testing-clock.md). Each is chosen to be hard for date arithmetic."""

from tests.factories import local

SUNDAY = local(2026, 12, 6, 10, 0)
NEW_YEAR_NIGHT = local(2027, 1, 1, 0, 10)  # 2027 in Vietnam, still 31 December in UTC; a public holiday
TET_SUNDAY_NIGHT = local(2027, 2, 7, 23, 50)  # the second day of Tết 2027, late: UTC is 16:50 the same day
MONTH_END_NIGHT = local(2027, 3, 31, 23, 55)  # the last minutes of a month (and of a quarter)
HARD_MOMENTS = [SUNDAY, NEW_YEAR_NIGHT, TET_SUNDAY_NIGHT, MONTH_END_NIGHT]
