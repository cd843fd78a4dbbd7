"""A bar for the dashboards' charts: a simple tag, not an included template, because the
overview of a province draws a thousand of them."""

from django import template
from django.utils.html import format_html

register = template.Library()

COLOURS = {"green": "#2e7d32", "blue": "#1565c0", "amber": "#f9a825"}


@register.simple_tag
def bar(percent, colour="green"):
    try:
        width = max(0, min(100, int(percent)))
    except (TypeError, ValueError):
        width = 0
    return format_html(
        '<span class="ca-bar" aria-hidden="true"><span style="width:{}%;background:{}">'
        "</span></span>",
        width,
        COLOURS.get(colour, COLOURS["green"]),
    )
