from django import template

from ..selectors import quiz_status, task_state

register = template.Library()


@register.inclusion_tag("assessments/_quiz_card.html", takes_context=True)
def quiz_card(context, quiz, lesson=None):
    """A quiz where it sits (in a lesson, at the end of a module): her status and a button."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "request": request,
        "user": user,
        "status": quiz_status(user, quiz) if quiz else None,
        "lesson": lesson,
    }


@register.inclusion_tag("assessments/_task_card.html", takes_context=True)
def task_card(context, task):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"request": request, "user": user, "state": task_state(user, task) if task else None}
