"""The dashboards' tags: simple tags, not included templates or loops of the template
language, because a province's overview draws a thousand bars and a cohort's matrix
thousands of cells."""

from django import template
from django.template.base import render_value_in_context
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


@register.simple_tag(takes_context=True)
def cells(context, row, link=None):
    """A table row's cells in one call, each as {{ value }} shows it: a cohort's matrix is
    thousands of cells, on which the template language's loops would spend most of the
    page's time. With `link`, the first cell links to it (the learner)."""
    values = [render_value_in_context(value, context) for value in row]
    if link and values:
        values[0] = f'<a href="{render_value_in_context(link, context)}">{values[0]}</a>'
    return mark_safe("".join(f"<td>{value}</td>" for value in values))  # noqa: S308 - escaped
