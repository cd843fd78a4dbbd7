"""Calendar arithmetic the certificates, the demo and the province generator share."""

import calendar


def add_months(day, months):
    """The same day `months` later (earlier when negative), or the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
