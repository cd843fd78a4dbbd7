"""What the learning pages show beside their fields, for the page templates: the catalogue's
levels and locks, a course's outline with her ticks, a lesson's place in its course."""

from django import template

from ..selectors import catalogue_context, course_context, lesson_context, module_context

register = template.Library()


def _user(context):
    return context["request"].user


@register.simple_tag(takes_context=True)
def catalogue_of(context, page):
    return catalogue_context(page, _user(context))


@register.simple_tag(takes_context=True)
def course_of(context, page):
    return course_context(page, _user(context))


@register.simple_tag(takes_context=True)
def module_of(context, page):
    return module_context(page, _user(context))


@register.simple_tag(takes_context=True)
def lesson_of(context, page):
    return lesson_context(page, _user(context))
