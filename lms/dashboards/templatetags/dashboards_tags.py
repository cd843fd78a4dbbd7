"""The dashboards' tags: simple tags, not included templates or loops of the template
language, because a province's overview draws a thousand bars and a cohort's matrix
thousands of cells."""

import html

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

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


def _cell(value):
    """A value as {{ value }} shows it (in the reader's time zone and number format, escaped
    unless it is safe already)."""
    value = localize(template_localtime(value))
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


@register.simple_tag
def cells(row, link=None):
    """A table row's cells in one call: a cohort's matrix is thousands of cells, on which
    the template language would spend most of the page's time. With `link`, the first cell
    links to it (the learner)."""
    values = [_cell(value) for value in row]
    if link and values:
        values[0] = f'<a href="{_cell(link)}">{values[0]}</a>'
    return mark_safe("".join(f"<td>{value}</td>" for value in values))  # noqa: S308 - escaped
