"""Calendar arithmetic the certificates, the demo and the province generator share."""

import calendar
import datetime

from django.utils import timezone


def add_months(day, months):
    """The same day `months` later (earlier when negative), or the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def end_of_today() -> float:
    """The Unix time at which today (in the site's time zone) ends: what is kept because of
    today's date runs out then."""
    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight.timestamp()
