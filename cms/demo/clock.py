"""The demo's clock: the seed goes back to the moment each thing happened and does it there.

Why: the services stamp what they write with the time they run — a sign-off's signed_at, a
certificate's date, its serial (CA-<year>-<number>) and expiry, a quiz attempt's deadline, the
day a contact may be logged for. The demo shows weeks and years of history. Writing it all
today and correcting the dates afterwards would repeat each service's rules in the seed, and
get them wrong as the services change. Instead each step calls the real service inside
`clock.at(moment)`, where time-machine makes `timezone.now()` and `localdate()` return that
moment, so the services write the right dates themselves.

Every moment is counted back from the one the seed started at (not from "now" inside a trip
to the past), so the demo looks the same whichever day it is loaded. Nothing is written in the
future: `at` refuses a moment after the start."""

import datetime

import time_machine
from django.utils import timezone

from lms.core.dates import add_months


class Clock:
    def __init__(self, now=None):
        self.now = now or timezone.now()
        self.today = timezone.localdate(self.now)

    def ago(self, *, days=0, hours=0, minutes=0) -> datetime.datetime:
        """So long before the seed started (at the same time of day)."""
        return self.now - datetime.timedelta(days=days, hours=hours, minutes=minutes)

    def day(self, *, months_ago=0, days_ago=0, at=datetime.time(10, 0)) -> datetime.datetime:
        """`at` o'clock, local time, on the day so many calendar months and days before today
        (negative: after today)."""
        day = add_months(self.today, -months_ago) - datetime.timedelta(days=days_ago)
        return timezone.make_aware(datetime.datetime.combine(day, at))

    def at(self, moment: datetime.datetime):
        """A context in which the services see `moment` as the present (the clock stands
        still there)."""
        if moment > self.now:
            raise ValueError(f"The demo does not write the future ({moment} > {self.now}).")
        return time_machine.travel(moment, tick=False)
